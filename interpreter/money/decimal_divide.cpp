// Decimal division and rounding: divide, divide_exact, round. The one part of Decimal that needs
// integers wider than 128 bits, and so the one that includes Boost.Multiprecision (see decimal.hpp).
#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "decimal.hpp"
#include "int128.hpp"

namespace tariff {

namespace {

using namespace int128;

// The intermediate when a scaled operand exceeds 128 bits: |c| * 10^68 < 2^354 fits, so nothing
// computed here can overflow it. Fixed size (no allocation), and unchecked for that reason.
using Wide = boost::multiprecision::uint512_t;

[[noreturn]] void throw_overflow(const char* operation) {
  throw DecimalError(std::string("decimal overflow in ") + operation);
}

// Whether a truncated (toward zero) quotient must move one unit away from zero.
// `half` compares the discarded remainder with half a unit: <0 below, 0 exactly, >0 above.
// Only called when the division was inexact.
bool rounds_away(RoundingMode mode, bool negative, int half, bool odd) {
  switch (mode) {
    case RoundingMode::half_up:
      return half >= 0;
    case RoundingMode::half_down:
      return half > 0;
    case RoundingMode::half_even:
      return half > 0 || (half == 0 && odd);
    case RoundingMode::down:
      return false;
    case RoundingMode::up:
      return true;
    case RoundingMode::floor:
      return negative;
    case RoundingMode::ceiling:
      return !negative;
  }
  return false;
}

// Magnitudes num / den (den > 0) rounded by mode, for a quotient of the given sign. Cannot
// overflow: den >= 2 whenever a remainder exists, so the quotient + 1 is far below the maximum.
template <class UInt>
UInt rounded_quotient(const UInt& num, const UInt& den, bool negative, RoundingMode mode) {
  UInt quotient = num / den;
  const UInt rest = num - quotient * den;  // cheaper than a second division
  if (rest == 0) return quotient;
  const UInt other = den - rest;
  const int half = rest < other ? -1 : (rest == other ? 0 : 1);  // rest vs den/2, without 2*rest
  if (rounds_away(mode, negative, half, (quotient & 1) != 0)) ++quotient;
  return quotient;
}

// A Wide magnitude back in 128 bits, or nullopt when it does not fit.
std::optional<UInt128> narrow(const Wide& m) {
  if (m > widen<Wide>(umax)) return std::nullopt;
  const Wide low_mask = UINT64_MAX;
  return UInt128{(m >> 64).convert_to<std::uint64_t>()} << 64 | (m & low_mask).convert_to<std::uint64_t>();
}

// The signed coefficient of magnitude m, or DecimalError("decimal overflow in <operation>").
Int128 signed_or_throw(std::optional<UInt128> m, bool negative, const char* operation) {
  const auto c = m ? with_sign(*m, negative) : std::nullopt;
  if (!c) throw_overflow(operation);
  return *c;
}

void check_places(int places, const char* operation) {
  if (places < Decimal::min_places || places > Decimal::max_scale) {
    throw DecimalError(std::string("decimal ") + operation + ": places " + std::to_string(places) + " out of range " +
                       std::to_string(Decimal::min_places) + ".." + std::to_string(Decimal::max_scale));
  }
}

// m * 10^n in Wide, for 0 <= n <= 2 * max_power.
Wide wide_scaled(UInt128 m, int n) {
  Wide wide = widen<Wide>(m);
  for (; n > 0; n -= max_power) wide *= widen<Wide>(pow10[static_cast<std::size_t>(std::min(n, max_power))]);
  return wide;
}

// Magnitude of (ma * 10^e) / mb rounded by mode: native when both scaled operands fit in 128
// bits (the common case), else in Wide. nullopt when the quotient itself exceeds 128 bits.
std::optional<UInt128> divide_magnitudes(UInt128 ma, UInt128 mb, int e, bool negative, RoundingMode mode) {
  UInt128 num = 0, den = 0;
  if (scale_magnitude(ma, std::max(e, 0), num) && scale_magnitude(mb, std::max(-e, 0), den)) {
    return rounded_quotient(num, den, negative, mode);
  }
  return narrow(rounded_quotient(wide_scaled(ma, std::max(e, 0)), wide_scaled(mb, std::max(-e, 0)), negative, mode));
}

// Exact num / den with trailing zeros stripped from `scale`: {quotient, scale}, or nullopt when
// there is a remainder.
template <class UInt>
std::optional<std::pair<UInt, int>> exact_quotient(const UInt& num, const UInt& den, int scale) {
  UInt quotient = num / den;
  if (num - quotient * den != 0) return std::nullopt;
  scale = strip_trailing_zeros(quotient, scale, 0);
  return std::pair{quotient, scale};
}

// exact_quotient of (ma * 10^e) / mb, native when the scaled dividend fits, else in Wide. The
// zeros are stripped before narrowing: 10^37 / 0.1 is 10^68 at scale 30 but fits at scale 0.
// Throws DecimalError when even the stripped quotient exceeds 128 bits.
std::optional<std::pair<UInt128, int>> exact_magnitudes(UInt128 ma, UInt128 mb, int e) {
  UInt128 num = 0;
  if (scale_magnitude(ma, e, num)) return exact_quotient(num, mb, Decimal::max_scale);
  const auto wide = exact_quotient(wide_scaled(ma, e), widen<Wide>(mb), Decimal::max_scale);
  if (!wide) return std::nullopt;
  const auto m = narrow(wide->first);
  if (!m) throw_overflow("division");
  return std::pair{*m, wide->second};
}

}  // namespace

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
  if (b.is_zero()) throw DecimalError("decimal division by zero");
  check_places(places, "divide");
  // a / b * 10^places == (ca * 10^e) / cb with e = sb - sa + places (-68..60).
  const int e = b.scale_ - a.scale_ + places;
  const bool negative = a.is_negative() != b.is_negative();
  const auto m = divide_magnitudes(magnitude(a.coefficient()), magnitude(b.coefficient()), e, negative, mode);
  const Coefficient quotient = signed_or_throw(m, negative, "division");
  if (places >= 0) return Decimal(quotient, places, Raw{});
  // Negative places: the quotient counts units of 10^-places.
  Coefficient value = 0;
  if (!scale_up(quotient, -places, value)) throw_overflow("division");
  return Decimal(value, 0, Raw{});
}

std::optional<Decimal> Decimal::divide_exact(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw DecimalError("decimal division by zero");
  // Divide at the finest allowed scale: the quotient terminates within max_scale decimals
  // exactly when nothing is left over.
  const int e = b.scale_ - a.scale_ + max_scale;  // 0..2*max_scale
  const bool negative = a.is_negative() != b.is_negative();
  const auto q = exact_magnitudes(magnitude(a.coefficient()), magnitude(b.coefficient()), e);
  if (!q) return std::nullopt;
  return Decimal(signed_or_throw(q->first, negative, "division"), q->second, Raw{});
}

Decimal Decimal::round(int places, RoundingMode mode) const {
  check_places(places, "round");
  if (places >= scale_) return *this;
  const int drop = scale_ - places;  // 1..max_scale+max_digits
  const bool negative = is_negative();
  const UInt128 m = magnitude(coefficient());
  // Past 10^38 half the divisor exceeds every magnitude (10^39 / 2 > 2^127): the quotient is 0
  // and the remainder below half a unit, so only the mode can make it 1. No wide division needed.
  const UInt128 quotient = drop <= max_power
                               ? rounded_quotient(m, int128::pow10[static_cast<std::size_t>(drop)], negative, mode)
                               : (m != 0 && rounds_away(mode, negative, -1, false) ? 1 : 0);
  const Coefficient c = *with_sign(quotient, negative);  // at most |c| / 10 + 1
  if (places >= 0) return Decimal(c, places, Raw{});
  Coefficient value = 0;
  if (!scale_up(c, -places, value)) throw_overflow("rounding");
  return Decimal(value, 0, Raw{});
}

Decimal Decimal::round_to(const Decimal& unit, RoundingMode mode) const {
  if (unit.is_zero() || unit.is_negative()) throw DecimalError("decimal rounding to a unit that is not positive");
  return divide(*this, unit, 0, mode) * unit;
}

}  // namespace tariff
