#include "interpreter/batch/keys.hpp"

#include <algorithm>

namespace tariff::rate::detail {

namespace {

using U128 = Sum::Wide;

// x * 10^n, false on overflow.
bool scale_up(U128& x, unsigned n) {
  for (; n > 0; --n)
    if (__builtin_mul_overflow(x, U128(10), &x)) return false;
  return true;
}

}  // namespace

void Sum::add_scaled(U128 quantity, unsigned quantity_scale) {
  U128 total = static_cast<U128>(high) << 64 | low;
  bool fits = quantity_scale > scale ? scale_up(total, quantity_scale - static_cast<unsigned>(scale))
                                     : scale_up(quantity, static_cast<unsigned>(scale) - quantity_scale);
  if (quantity_scale > scale) scale = quantity_scale;
  if (!fits || __builtin_add_overflow(total, quantity, &total)) overflow = 1;
  low = static_cast<std::uint64_t>(total);
  high = static_cast<std::uint64_t>(total >> 64);
}

void Sum::merge(const Sum& other) {
  if ((scale | other.scale) == 0) {
    add(other.low);
    high += other.high;
  } else {
    add_scaled(static_cast<U128>(other.high) << 64 | other.low, static_cast<unsigned>(other.scale));
  }
  overflow |= other.overflow;
  first_line = std::min(first_line, other.first_line);
  rows += other.rows;
}

Decimal Sum::quantity() const {
  if (overflow) throw DecimalError("decimal overflow in addition");
  if (scale != 0) {
    if (high > static_cast<std::uint64_t>(INT64_MAX)) throw DecimalError("decimal overflow in addition");
    return Decimal::from_parts(static_cast<Decimal::Coefficient>(high) << 64 | low, static_cast<int>(scale));
  }
  if (high == 0 && low <= static_cast<std::uint64_t>(INT64_MAX)) return Decimal(static_cast<long long>(low));
  // The coefficient is signed: 2^63 carries (a sum of 2^127) would not fit. No file gets there.
  if (high > static_cast<std::uint64_t>(INT64_MAX)) throw DecimalError("decimal overflow in addition");
  return Decimal::from_parts(static_cast<Decimal::Coefficient>(high) << 64 | low, 0);
}

}  // namespace tariff::rate::detail
