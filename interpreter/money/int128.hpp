#pragma once
// The native 128-bit integers under Decimal and the helpers its files share (decimal.cpp,
// decimal_divide.cpp, decimal_text.cpp, decimal_sum.cpp). Internal to interpreter/money:
// nothing outside this folder includes it.
//
// Why magnitudes are unsigned: |INT128_MIN| = 2^127 does not fit a signed __int128, so code
// that needs |c| (comparison, division, rounding, printing) works on UInt128, where every
// magnitude fits, and puts the sign back with with_sign(), which is where a result too large for
// the signed coefficient is caught. Nothing here includes Boost.

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>

namespace tariff::int128 {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// std::numeric_limits knows no __int128 in strict ISO mode, so the limits are spelled out.
inline constexpr UInt128 umax = ~UInt128{0};
inline constexpr Int128 max = static_cast<Int128>(umax >> 1);  // 2^127 - 1
inline constexpr Int128 min = -max - 1;                        // -2^127
inline constexpr UInt128 u64_max = UINT64_MAX;

// 10^n for 0 <= n <= 38: 10^38 < 2^127 - 1 < 10^39, so every entry also fits an Int128.
inline constexpr int max_power = 38;
inline constexpr std::array<UInt128, max_power + 1> pow10 = [] {
  std::array<UInt128, max_power + 1> table{1};
  for (std::size_t n = 1; n < table.size(); ++n) table[n] = table[n - 1] * 10;
  return table;
}();
constexpr Int128 signed_pow10(int n) { return static_cast<Int128>(pow10[static_cast<std::size_t>(n)]); }

constexpr UInt128 magnitude(Int128 c) { return c < 0 ? UInt128{0} - static_cast<UInt128>(c) : static_cast<UInt128>(c); }

// The signed value of magnitude m, or nullopt when it does not fit (above 2^127 - 1, or above
// 2^127 for a negative value).
constexpr std::optional<Int128> with_sign(UInt128 m, bool negative) {
  const UInt128 limit = static_cast<UInt128>(max) + (negative ? 1 : 0);
  if (m > limit) return std::nullopt;
  return static_cast<Int128>(negative ? UInt128{0} - m : m);  // modular, so 2^127 becomes min
}

// c * 10^n (0 <= n <= max_power) into `out`; false when it overflows.
inline bool scale_up(Int128 c, int n, Int128& out) {
  if (n == 0) return out = c, true;  // the common case of aligned scales: no multiplication
  return !__builtin_mul_overflow(c, signed_pow10(n), &out);
}

// m * 10^n into `out` (n >= 0); false when it exceeds 128 bits.
inline bool scale_magnitude(UInt128 m, int n, UInt128& out) {
  if (n == 0) return out = m, true;
  return n <= max_power && !__builtin_mul_overflow(m, pow10[static_cast<std::size_t>(n)], &out);
}

// Divides trailing decimal zeros out of magnitude m while the scale stays >= target, and returns
// the new scale. Steps of 16, 8, 4, 2, 1 digits keep it to a few divisions even for 30 zeros.
// UInt: std::uint64_t, UInt128 or a wider Boost.Multiprecision type.
template <class UInt>
int strip_trailing_zeros(UInt& m, int scale, int target) {
  if (m == 0) return std::min(scale, std::max(target, 0));
  if (m % 10 != 0) return scale;  // the common case, decided without a loop
  for (int step : {16, 8, 4, 2, 1}) {
    const UInt divisor = static_cast<std::uint64_t>(pow10[static_cast<std::size_t>(step)]);
    while (scale - step >= target && m % divisor == 0) {
      m /= divisor;
      scale -= step;
    }
  }
  return scale;
}

// strip_trailing_zeros for a signed coefficient, in 64 bits when it fits (a 128-bit division is
// a library call, a 64-bit one by a constant a multiplication). The magnitude only shrinks, so
// the sign always goes back on.
inline int strip_coefficient(Int128& c, int scale, int target) {
  UInt128 m = magnitude(c);
  if (m <= u64_max) {
    auto small = static_cast<std::uint64_t>(m);
    scale = strip_trailing_zeros(small, scale, target);
    m = small;
  } else {
    scale = strip_trailing_zeros(m, scale, target);
  }
  c = *with_sign(m, c < 0);
  return scale;
}

// m in a wider unsigned integer type (a Boost.Multiprecision one), built from its two words so
// that nothing depends on the library's optional __int128 support.
template <class Big>
Big widen(UInt128 m) {
  Big big = static_cast<std::uint64_t>(m >> 64);
  big <<= 64;
  big += static_cast<std::uint64_t>(m);
  return big;
}

}  // namespace tariff::int128
