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
  Decimal::Coefficient c = high;
  c <<= 64;
  c += low;
  return Decimal::from_parts(c, 0);
}

}  // namespace tariff::rate::detail
