#include "interpreter/model/band.hpp"

#include <algorithm>

namespace tariff {

bool Band::contains(const Decimal& q) const {
  bool above_lower = lower_closed ? q >= lower : q > lower;
  bool below_upper = !upper || (upper_closed ? q <= *upper : q < *upper);
  return above_lower && below_upper;
}

bool Band::below(const Decimal& q) const { return upper && (upper_closed ? *upper < q : *upper <= q); }

// Quantities are whole units here (checked where they enter), so an open end at n excludes n.
Decimal Band::units_within(const Decimal& first, const Decimal& last) const {
  Decimal lo = lower_closed ? lower : lower + 1;
  Decimal from = std::max(lo, first);
  Decimal to = last;
  if (upper) to = std::min(to, upper_closed ? *upper : *upper - 1);
  return to < from ? Decimal(0) : to - from + 1;
}

Decimal Band::measure_within(const Decimal& from, const Decimal& to) const {
  Decimal lo = std::max(lower, from);
  Decimal hi = upper ? std::min(*upper, to) : to;
  return hi < lo ? Decimal(0) : hi - lo;
}

std::optional<std::size_t> BandSchedule::find(const Decimal& q) const {
  // First band whose upper end is not below q; then it holds q or q falls in no band.
  auto it = std::partition_point(bands.begin(), bands.end(), [&](const Band& b) { return b.below(q); });
  if (it == bands.end() || !it->contains(q)) return std::nullopt;
  return static_cast<std::size_t>(it - bands.begin());
}

}  // namespace tariff
