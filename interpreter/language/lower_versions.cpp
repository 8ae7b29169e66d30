// Versions of a product (product ID from 2027-01 { ... }): each is in force from its month until
// the next one's, so versions in order of their months leave no gap and no overlap between them.
// A version prices the same meters as the one before it, in the same order, so that a month's
// usage, a ledger's packs and a usage file's rows mean the same meter whichever version bills them.
#include <fmt/format.h>

#include "interpreter/language/lower.hpp"
#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

std::string meter_ids(const Product& p) {
  std::string out;
  for (const Meter& m : p.meters) out += (out.empty() ? "" : ", ") + m.id;
  return out.empty() ? "none" : out;
}

bool same_meters(const Product& previous, const Product& next, Diagnostics& diagnostics) {
  bool same = previous.meters.size() == next.meters.size();
  // Decimal usage too: a usage file's row is read the same whichever version bills it.
  for (std::size_t i = 0; same && i < next.meters.size(); ++i)
    same = previous.meters[i].id == next.meters[i].id && previous.meters[i].decimal == next.meters[i].decimal;
  if (!same)
    diagnostics.error("version-meters", next.from_span,
                      fmt::format("this version of {} prices the meters {}, the version before it {}", next.id,
                                  meter_ids(next), meter_ids(previous)),
                      "versions of a product price the same meters, in the same order; a product with other "
                      "meters is another product (another id)",
                      {{previous.from_span, "the version before it"}});
  return same;
}

// An example over months is played with its own version: its months lie where that version is in
// force (a scenario plays a product across its versions). Checked as the version is met (months
// before it) and as the next one is (months from the next one on).
void examples_within(const Product& version, std::optional<int> until, Diagnostics& diagnostics) {
  for (const Example& e : version.examples)
    for (const ExampleMonth& m : e.months) {
      bool before = !until && m.month < *version.from, after = until && m.month >= *until;
      if (!before && !after) continue;
      diagnostics.error(
          "version-example", m.span,
          fmt::format("month {} is {} the version of {} this example is in (from {})", month_text(m.month),
                      before ? "before" : "after", version.id, month_text(*version.from)),
          before ? "an example of a version bills months it is in force"
                 : fmt::format("the next version is in force from {}: play months across versions in a "
                               "scenario, scenario \"...\" {{ product ID  month ... }}",
                               month_text(*until)));
    }
}

}  // namespace

bool check_version(const Product* previous, const Product& next, Diagnostics& diagnostics) {
  if (!next.from) return true;
  examples_within(next, std::nullopt, diagnostics);
  if (!previous) return true;
  std::vector<Note> before{{previous->from_span, "the version before it"}};
  if (*next.from == *previous->from) {
    diagnostics.error("version-overlap", next.from_span,
                      fmt::format("two versions of {} are in force from {}", next.id, month_text(*next.from)),
                      "a month has one version in force: give this version its own month", before);
    return false;
  }
  if (*next.from < *previous->from) {
    diagnostics.error("version-order", next.from_span,
                      fmt::format("this version of {} (from {}) comes after a version from {}", next.id,
                                  month_text(*next.from), month_text(*previous->from)),
                      "list a product's versions in the order of their months", before);
    return false;
  }
  if (!same_meters(*previous, next, diagnostics)) return false;
  examples_within(*previous, next.from, diagnostics);
  return true;
}

}  // namespace tariff
