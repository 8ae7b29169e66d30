#include "interpreter/batch/keys.hpp"

#include <algorithm>

namespace tariff::rate::detail {

void Sum::merge(const Sum& other) {
  add(other.low);
  high += other.high;
  first_line = std::min(first_line, other.first_line);
  rows += other.rows;
}

Decimal Sum::quantity() const {
  if (high == 0 && low <= static_cast<std::uint64_t>(INT64_MAX)) return Decimal(static_cast<long long>(low));
  // The coefficient is signed: 2^63 carries (a sum of 2^127) would not fit. No file gets there.
  if (high > static_cast<std::uint64_t>(INT64_MAX)) throw DecimalError("decimal overflow in addition");
  return Decimal::from_parts(static_cast<Decimal::Coefficient>(high) << 64 | low, 0);
}

}  // namespace tariff::rate::detail
