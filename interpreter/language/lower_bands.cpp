#include "interpreter/language/lower_bands.hpp"

#include <fmt/format.h>

namespace tariff {

namespace {

std::string number_text(const ast::Number& n) { return n.digits + (n.percent ? "%" : n.unit); }

std::string text_of(const ast::Interval& in) {
  return std::string(in.span.source->text.substr(in.span.begin, in.span.end - in.span.begin));
}

// Bands must follow each other without overlap or gap. Where quantities are whole units, a band
// closed at n may be followed by one closed at n + 1 (the document's "50 - 1000台 | 1001 - 5000台").
void check_adjacent(const CheckedBand& a, const CheckedBand& b, Diagnostics& diagnostics, bool whole_units) {
  auto note = std::vector<Note>{{a.in->span, "the band before it"}};
  if (!a.upper) {
    diagnostics.error("band-after-infinity", b.in->span, "no band can follow one that runs to ∞", "", note);
    return;
  }
  const Decimal& end = *a.upper;
  bool touching = end == b.lower && a.in->upper_closed != b.in->lower_closed;
  bool whole_step = whole_units && a.in->upper_closed && b.in->lower_closed && b.lower == end + 1 && end.is_integer();
  if (touching || whole_step) return;
  bool overlap = b.lower < end || (b.lower == end && a.in->upper_closed && b.in->lower_closed);
  if (overlap)
    diagnostics.error(
        "band-overlap", b.in->span, fmt::format("band {} overlaps the band before it", text_of(*b.in)),
        fmt::format("start it where the previous band ends: ({}, ...", a.in->upper->digits + a.in->upper->unit), note);
  else if (b.lower == end)
    diagnostics.error("band-gap", b.in->span,
                      fmt::format("bands leave a gap: {} itself is in neither {} nor {}", number_text(b.in->lower),
                                  text_of(*a.in), text_of(*b.in)),
                      "close one of the two ends at that bound: (0, 300万] then (300万, 1500万]", note);
  else
    diagnostics.error("band-gap", b.in->span,
                      fmt::format("bands leave a gap: {} ends at {}, {} starts at {}", text_of(*a.in),
                                  number_text(*a.in->upper), text_of(*b.in), number_text(b.in->lower)),
                      "quantities in the gap would have no price: start this band where the previous one ends", note);
}

}  // namespace

bool check_band(const ast::Interval& in, const Decimal& lower, const std::optional<Decimal>& upper,
                Diagnostics& diagnostics) {
  if (lower.is_negative()) {
    diagnostics.error("band-negative", in.span, "a band cannot start below zero");
    return false;
  }
  if (upper && (*upper < lower || (*upper == lower && !(in.lower_closed && in.upper_closed)))) {
    diagnostics.error("band-empty", in.span,
                      fmt::format("band holds no quantity: its upper bound is not above its lower"));
    return false;
  }
  if (!upper && in.upper_closed) {
    diagnostics.error("band-infinite", in.span, "∞ is never reached: close the band with ')'", "write (1500万, ∞)");
    return false;
  }
  return true;
}

void check_band_sequence(const std::vector<CheckedBand>& bands, Diagnostics& diagnostics, bool whole_units) {
  for (std::size_t i = 1; i < bands.size(); ++i) check_adjacent(bands[i - 1], bands[i], diagnostics, whole_units);
}

}  // namespace tariff
