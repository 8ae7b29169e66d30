#include "interpreter/model/band.hpp"

#include <algorithm>

namespace tariff {

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

}  // namespace tariff
