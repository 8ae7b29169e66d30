// Decimal arithmetic on the native 128-bit coefficient: construction, the checked paths of + - x
// and comparison (their fast paths are inline in decimal.hpp), scaling, queries. Division and
// rounding are in decimal_divide.cpp, text in decimal_text.cpp. No Boost here: all of it is on
// the billing path.
#include "decimal.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>

#include "int128.hpp"

namespace tariff {

namespace {

using namespace int128;

[[noreturn]] void throw_overflow(const char* operation) {
  throw DecimalError(std::string("decimal overflow in ") + operation);
}

[[noreturn]] void throw_precision(const char* operation) {
  throw DecimalError(std::string("decimal precision exceeded in ") + operation + ": result needs more than " +
                     std::to_string(Decimal::max_scale) + " decimal places");
}

// Trailing zeros (e.g. 10^37 + 0.0) can make an operation overflow although the result fits:
// retries once without them before giving up.
[[gnu::cold]] Decimal retry_add(const Decimal& a, const Decimal& b, bool subtract) {
  const Decimal na = a.normalized(), nb = b.normalized();
  if (na.scale() == a.scale() && nb.scale() == b.scale()) throw_overflow(subtract ? "subtraction" : "addition");
  return subtract ? na - nb : na + nb;
}

}  // namespace

// a + b or a - b for any coefficients: aligns to the larger scale, every step overflow-checked.
Decimal Decimal::add_checked(const Decimal& a, const Decimal& b, bool subtract) {
  const int scale = std::max(a.scale(), b.scale());
  Int128 x = 0, y = 0, result = 0;
  const bool overflow = !scale_up(a.coefficient(), scale - a.scale(), x) ||
                        !scale_up(b.coefficient(), scale - b.scale(), y) ||
                        (subtract ? __builtin_sub_overflow(x, y, &result) : __builtin_add_overflow(x, y, &result));
  return overflow ? retry_add(a, b, subtract) : Decimal::from_parts(result, scale);
}

// a * b for any coefficients and scales. A product needing more than max_scale places keeps them
// only if they are trailing zeros.
Decimal Decimal::multiply_checked(const Decimal& a, const Decimal& b) {
  Int128 product = 0;
  if (__builtin_mul_overflow(a.coefficient(), b.coefficient(), &product)) {
    const Decimal na = a.normalized(), nb = b.normalized();  // as retry_add
    if (na.scale() == a.scale() && nb.scale() == b.scale()) throw_overflow("multiplication");
    return na * nb;
  }
  int scale = a.scale() + b.scale();
  if (scale > Decimal::max_scale) {
    scale = strip_coefficient(product, scale, Decimal::max_scale);
    if (scale > Decimal::max_scale) throw_precision("multiplication");
  }
  return Decimal::from_parts(product, scale);
}

// Compares ca * 10^-sa with cb * 10^-sb (sa != sb) for any coefficients, never overflowing.
std::strong_ordering Decimal::compare_checked(Int128 ca, int sa, Int128 cb, int sb) {
  const int sign_a = (ca > 0) - (ca < 0), sign_b = (cb > 0) - (cb < 0);
  if (sign_a != sign_b || sign_a == 0) return sign_a <=> sign_b;
  // Same sign, both non-zero: compare magnitudes at the larger scale. If aligning the coarser
  // value overflows even unsigned 128 bits, it exceeds any coefficient, so it is the larger.
  const bool a_coarser = sa < sb;
  const UInt128 coarse = magnitude(a_coarser ? ca : cb), fine = magnitude(a_coarser ? cb : ca);
  UInt128 aligned = 0;
  const bool too_large = !scale_magnitude(coarse, std::abs(sa - sb), aligned);
  const std::strong_ordering magnitudes = too_large ? std::strong_ordering::greater : aligned <=> fine;
  const std::strong_ordering coarse_vs_fine = sign_a > 0 ? magnitudes : 0 <=> magnitudes;
  return a_coarser ? coarse_vs_fine : 0 <=> coarse_vs_fine;
}

// ---- construction ------------------------------------------------------------------

Decimal::Coefficient Decimal::pow10(int n) {
  if (n < 0 || n > max_digits) throw DecimalError("decimal pow10: exponent " + std::to_string(n) + " out of range");
  return signed_pow10(n);
}

Decimal Decimal::from_parts(Coefficient coefficient, int scale) {
  if (scale < 0 || scale > max_scale) {
    throw DecimalError("decimal scale " + std::to_string(scale) + " out of range 0.." + std::to_string(max_scale));
  }
  return Decimal(coefficient, scale, Raw{});
}

// ---- arithmetic --------------------------------------------------------------------

Decimal Decimal::operator-() const {
  const Coefficient c = coefficient();
  if (c == min) throw_overflow("negation");  // 2^127 does not fit
  return Decimal(-c, scale_, Raw{});
}

// + - x and comparison: inline in decimal.hpp, with the checked paths above.

// ---- scaling -----------------------------------------------------------------------

Decimal Decimal::shifted(int power_of_ten_exponent) const {
  const long long n = power_of_ten_exponent;
  if (is_zero()) return Decimal{};
  if (n >= 0) {
    if (n <= scale_) return Decimal(coefficient(), scale_ - static_cast<int>(n), Raw{});
    const long long grow = n - scale_;
    Coefficient value = 0;
    // A non-zero coefficient times 10^39 never fits.
    if (grow > max_digits || !scale_up(coefficient(), static_cast<int>(grow), value)) throw_overflow("shift");
    return Decimal(value, 0, Raw{});
  }
  const long long wanted = scale_ - n;
  if (wanted <= max_scale) return Decimal(coefficient(), static_cast<int>(wanted), Raw{});
  // More places than allowed: only trailing zeros of the coefficient can pay for them,
  // and a 128-bit coefficient has at most max_digits of those.
  if (wanted > max_scale + max_digits) throw_precision("shift");
  Coefficient c = coefficient();
  const int scale = strip_coefficient(c, static_cast<int>(wanted), max_scale);
  if (scale > max_scale) throw_precision("shift");
  return Decimal(c, scale, Raw{});
}

Decimal Decimal::normalized() const {
  if (scale_ == 0) return *this;
  Coefficient c = coefficient();
  const int scale = strip_coefficient(c, scale_, 0);
  return Decimal(c, scale, Raw{});
}

// ---- queries -----------------------------------------------------------------------

bool Decimal::is_integer() const {
  return scale_ == 0 || magnitude(coefficient()) % int128::pow10[static_cast<std::size_t>(scale_)] == 0;
}

std::optional<long long> Decimal::to_int64() const {
  if (!is_integer()) return std::nullopt;
  const Coefficient whole = coefficient() / signed_pow10(scale_);  // exact, and never -1: cannot overflow
  if (whole < LLONG_MIN || whole > LLONG_MAX) return std::nullopt;
  return static_cast<long long>(whole);
}

std::size_t Decimal::hash() const {
  // Hash the normalized form so that equal values (1.5, 1.50) hash equally.
  const Decimal n = normalized();
  const UInt128 m = magnitude(n.coefficient());
  std::uint64_t h = static_cast<std::uint64_t>(m);
  h ^= static_cast<std::uint64_t>(m >> 64) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= static_cast<std::uint64_t>(n.scale_) * 0xff51afd7ed558ccdULL + (n.is_negative() ? 1U : 0U);
  return static_cast<std::size_t>(h);
}

}  // namespace tariff
