#pragma once
// Decimal: exact decimal numbers for money and quantities.
//
// Why this representation: a value is `coefficient * 10^-scale`, with the coefficient a signed
// 128-bit integer and the scale chosen per value.
//  * Exact for + - x: sums align scales, products add scales, so no billing figure is ever
//    rounded unless the tariff explicitly asks for it (round / divide take an explicit
//    RoundingMode). Binary floating point cannot even hold 0.1, so it is banned from this file.
//  * 128 bits (-2^127 .. 2^127 - 1) hold every 38-digit coefficient, enough for any price x
//    quantity we bill (e.g. 10^20 units at a price with 15 decimals still fits).
//  * Native: the coefficient is the compiler's __int128 and every + - x is checked with
//    __builtin_{add,sub,mul}_overflow, a few instructions and a branch; when both coefficients
//    fit 64 bits, as billing's do, the result provably fits and even that is skipped. A failure
//    throws DecimalError, so a bill can fail loudly but never be silently wrong (never a wrap).
//  * Small and fixed: sizeof(Decimal) == 24, the 16-byte coefficient (kept as two 64-bit words so
//    that the type is 8-byte aligned: a 16-aligned __int128 member would pad it to 32) and the
//    1-byte scale. No heap allocation on the arithmetic path; values are cheap to copy.
//
// Where Boost.Multiprecision remains, and why (none of it on the path of + - x, comparison,
// construction, parsing or printing):
//  * decimal_divide.cpp, division: divide() and divide_exact() scale the dividend by up to 10^60
//    or the divisor by up to 10^68 before dividing (operands up to about 2^354), so when an
//    operand exceeds 128 bits the quotient is computed in a fixed-size 512-bit unsigned
//    intermediate (uint512_t, no allocation). Exact division that wide is what the library is
//    for; writing a multi-word division by hand would buy nothing on a rare path. round() and
//    every division whose operands fit stay native.
//  * decimal_sum.hpp, DecimalSum: a sum that must never overflow needs an unbounded coefficient
//    (cpp_int), which allocates; a batch run adds to it once per output row, not per operation.
//
// Values compare by value (1.50 == 1.5) but keep the scale they were built with; to_string()
// always prints the canonical shortest form. The arithmetic is in decimal.cpp (division and
// rounding in decimal_divide.cpp), but for the fast paths of + - x and comparison, inline at the
// end of this header; text (parse, to_string*, <<, rounding-mode names) in
// decimal_text.cpp; int128.hpp has the native helpers they share.

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>  // no longer used here; kept because includers rely on it (std::exchange)

namespace tariff {

// half_up / half_down are "half away from zero" / "half toward zero":
// -2.5 -> -3 with half_up, -2 with half_down. half_even is banker's rounding.
enum class RoundingMode { half_up, half_even, half_down, down /*toward zero*/, up /*away from zero*/, floor, ceiling };

// Accepts exactly the names printed by to_string(RoundingMode): "half_up",
// "half_even", "half_down", "down", "up", "floor", "ceiling".
std::optional<RoundingMode> parse_rounding_mode(std::string_view name);
std::string_view to_string(RoundingMode mode);

// Thrown for overflow, division by zero and results needing more than
// Decimal::max_scale decimal places. The message says which operation failed.
struct DecimalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Decimal {
 public:
  __extension__ typedef __int128 Coefficient;  // -2^127 .. 2^127 - 1

  static constexpr int max_scale = 30;            // most decimal places a value may carry
  static constexpr int max_digits = 38;           // every 38-digit coefficient fits (10^38 < 2^127)
  static constexpr int min_places = -max_digits;  // round()/divide() may round to tens, hundreds, ... up to 10^38

  Decimal() = default;  // zero
  // Integers convert exactly and implicitly, whatever their type: an unsigned 64-bit value keeps
  // its magnitude (UINT64_MAX is 18446744073709551615, never -1). Types wider than 64 bits
  // (unsigned __int128 in GNU mode) do not convert, since they could not all be held.
  template <std::signed_integral I>
  Decimal(I v) : Decimal(static_cast<Coefficient>(v), 0, Raw{}) {}  // NOLINT: implicit on purpose
  template <std::unsigned_integral U>
  requires(!std::same_as<U, bool> && sizeof(U) <= sizeof(std::uint64_t)) Decimal(U v)
      : Decimal(static_cast<Coefficient>(v), 0, Raw{}) {}  // NOLINT: implicit on purpose
  Decimal(bool) = delete;                                  // true is not a quantity
  // Floating point never converts implicitly or explicitly: 0.1 is not 0.1 in binary.
  template <std::floating_point F>
  Decimal(F) = delete;

  // value = coefficient * 10^-scale. Throws DecimalError unless 0 <= scale <= max_scale.
  static Decimal from_parts(Coefficient coefficient, int scale);

  // Accepts [+-]digits[.digits] with no exponent and no whitespace. The integer part may use
  // one kind of thousands separator (',' or '_') between groups of exactly three digits
  // ("1,000,000", "1_000"; not "1,00", "1__0", "1,000_000"). ".5" and "5." are rejected.
  // Fraction digits beyond max_scale are accepted only if they are trailing zeros.
  // Returns nullopt for anything malformed or out of range (a coefficient outside
  // -2^127 .. 2^127 - 1).
  static std::optional<Decimal> parse(std::string_view text);

  // Throws DecimalError for the one value whose negation does not fit: coefficient -2^127.
  Decimal operator-() const;
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  // Exact: scales add. A result needing more than max_scale places has its trailing zeros
  // stripped; if it still needs more, DecimalError("decimal precision exceeded ...").
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& other);
  Decimal& operator-=(const Decimal& other);
  Decimal& operator*=(const Decimal& other);

  // Compare values, never overflowing: 1.50 == 1.5.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b);

  // a / b rounded to `places` decimals (min_places..max_scale; negative rounds to a multiple
  // of 10^-places). Throws DecimalError when b == 0 or the quotient overflows.
  static Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode);
  // Exact quotient (normalized) when it terminates within max_scale decimals, e.g. 1/4 -> 0.25;
  // nullopt otherwise (1/3). Throws DecimalError when b == 0 or the quotient overflows.
  static std::optional<Decimal> divide_exact(const Decimal& a, const Decimal& b);

  // Rounds to `places` decimals (min_places..max_scale, else DecimalError). Negative places
  // round to a multiple of 10^-places (-2: to hundreds). Never increases the scale, so
  // rounding 1.5 to 2 places returns 1.5 unchanged; use to_string_fixed to pad for display.
  Decimal round(int places, RoundingMode mode) const;
  // Rounds to a whole multiple of `unit` (0.01, 0.05, 1, 100): (value / unit rounded to an
  // integer by mode) * unit, exact. Throws DecimalError unless unit > 0, or on overflow.
  Decimal round_to(const Decimal& unit, RoundingMode mode) const;
  // value * 10^n, exact (n may be negative): 万 = 4, 亿 = 8, % = -2.
  // Throws DecimalError on overflow or when more than max_scale places would be needed.
  Decimal shifted(int power_of_ten) const;
  Decimal normalized() const;  // same value with trailing zeros stripped (minimal scale)

  bool is_zero() const { return (low_ | static_cast<std::uint64_t>(high_)) == 0; }
  bool is_negative() const { return high_ < 0; }
  bool is_integer() const;
  std::optional<long long> to_int64() const;  // only if the value is an integer that fits

  Coefficient coefficient() const { return static_cast<Coefficient>(static_cast<Bits>(high_) << 64 | low_); }
  int scale() const { return scale_; }

  // Canonical exact text: "10470", "0.0032", "-1.5"; no trailing zeros, no exponent,
  // no separators, "0" for zero. parse(to_string()) round-trips.
  std::string to_string() const;
  // Like to_string but groups the integer part: "1,234,567.0032", "-1,000".
  std::string to_string_grouped(char sep = ',') const;
  // Exactly `places` decimals when the value has at most that many significant decimals
  // (1.5 -> "1.50" for 2), otherwise full precision (1.555 -> "1.555"): never rounds.
  std::string to_string_fixed(int places) const;

  // Equal values hash equally (1.50 and 1.5), so Decimal works as an unordered key.
  std::size_t hash() const;

  // 10^n as a Coefficient, 0 <= n <= max_digits (else DecimalError).
  static Coefficient pow10(int n);

 private:
  __extension__ typedef unsigned __int128 Bits;  // the coefficient's two's-complement bits
  struct Raw {};                                 // tag: trusted construction, scale already validated
  Decimal(Coefficient coefficient, int scale, Raw)
      : low_(static_cast<std::uint64_t>(coefficient)),
        high_(static_cast<std::int64_t>(coefficient >> 64)),
        scale_(static_cast<std::int8_t>(scale)) {}
  static Decimal add(const Decimal& a, const Decimal& b, bool subtract);
  // The checked paths of + - x and comparison, out of line (decimal.cpp), for what the inline
  // fast paths below do not take.
  static Decimal add_checked(const Decimal& a, const Decimal& b, bool subtract);
  static Decimal multiply_checked(const Decimal& a, const Decimal& b);
  static std::strong_ordering compare_checked(Coefficient ca, int sa, Coefficient cb, int sb);

  std::uint64_t low_{0};  // coefficient = high_ * 2^64 + low_
  std::int64_t high_{0};
  std::int8_t scale_{0};  // 0..max_scale
};

// ---- the fast paths, inline ---------------------------------------------------------------
// Billing and batch rating add, multiply and compare per meter, so the common case is inline:
// coefficients that fit 64 bits, as billing's do (quantities, prices of up to 18 digits). Two of
// them aligned by at most 10^18 < 2^60 stay below 2^123, so their sum, difference and product (at
// most 2^126) cannot overflow and need no check at all. Everything else takes the checked paths.
namespace decimal_fast {

inline constexpr int max_shift = 18;
inline constexpr std::array<std::int64_t, max_shift + 1> pow10 = [] {
  std::array<std::int64_t, max_shift + 1> p{};
  for (std::size_t i = 0; i < p.size(); ++i) p[i] = i == 0 ? 1 : p[i - 1] * 10;
  return p;
}();

inline bool fits_64(Decimal::Coefficient c) { return c == static_cast<std::int64_t>(c); }

// c * 10^n for c that fits 64 bits and 0 <= n <= max_shift: one 64 x 64 -> 128-bit multiplication.
inline Decimal::Coefficient scaled(Decimal::Coefficient c, int n) {
  return Decimal::Coefficient{static_cast<std::int64_t>(c)} * pow10[static_cast<std::size_t>(n)];
}

}  // namespace decimal_fast

inline Decimal Decimal::add(const Decimal& a, const Decimal& b, bool subtract) {
  using namespace decimal_fast;
  const Coefficient ca = a.coefficient(), cb = b.coefficient();
  const int scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  const int shift_a = scale - a.scale_, shift_b = scale - b.scale_;
  if (!fits_64(ca) || !fits_64(cb) || shift_a > max_shift || shift_b > max_shift) [[unlikely]]
    return add_checked(a, b, subtract);
  const Coefficient x = scaled(ca, shift_a), y = scaled(cb, shift_b);
  return Decimal(subtract ? x - y : x + y, scale, Raw{});
}

inline Decimal operator+(const Decimal& a, const Decimal& b) { return Decimal::add(a, b, false); }
inline Decimal operator-(const Decimal& a, const Decimal& b) { return Decimal::add(a, b, true); }

inline Decimal operator*(const Decimal& a, const Decimal& b) {
  using namespace decimal_fast;
  const Decimal::Coefficient ca = a.coefficient(), cb = b.coefficient();
  const int scale = a.scale_ + b.scale_;
  if (!fits_64(ca) || !fits_64(cb) || scale > Decimal::max_scale) [[unlikely]]
    return Decimal::multiply_checked(a, b);
  return Decimal(Decimal::Coefficient{static_cast<std::int64_t>(ca)} * static_cast<std::int64_t>(cb), scale,
                 Decimal::Raw{});
}

inline Decimal& Decimal::operator+=(const Decimal& other) { return *this = *this + other; }
inline Decimal& Decimal::operator-=(const Decimal& other) { return *this = *this - other; }
inline Decimal& Decimal::operator*=(const Decimal& other) { return *this = *this * other; }

inline std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  using namespace decimal_fast;
  const Decimal::Coefficient ca = a.coefficient(), cb = b.coefficient();
  if (a.scale_ == b.scale_) return ca <=> cb;
  const int shift = b.scale_ - a.scale_;  // aligns a to b when positive, b to a when negative
  if (!fits_64(ca) || !fits_64(cb) || shift > max_shift || -shift > max_shift) [[unlikely]]
    return Decimal::compare_checked(ca, a.scale_, cb, b.scale_);
  return shift > 0 ? scaled(ca, shift) <=> cb : ca <=> scaled(cb, -shift);
}

inline bool operator==(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return a.low_ == b.low_ && a.high_ == b.high_;
  return (a <=> b) == 0;
}

// Prints to_string(); lets test frameworks and diagnostics show values.
std::ostream& operator<<(std::ostream& out, const Decimal& value);

}  // namespace tariff

template <>
struct std::hash<tariff::Decimal> {
  std::size_t operator()(const tariff::Decimal& value) const { return value.hash(); }
};
