#pragma once
// Decimal: exact decimal numbers for money and quantities.
//
// Why this representation: a value is `coefficient * 10^-scale`, with the
// coefficient a signed 128-bit integer and the scale chosen per value.
//  * Exact for + - x: sums align scales, products add scales, so no billing
//    figure is ever rounded unless the tariff explicitly asks for it (round /
//    divide take an explicit RoundingMode). Binary floating point cannot even
//    hold 0.1, so it is banned from this file.
//  * 128 bits = 38 significant decimal digits, enough for any price x quantity
//    we bill (e.g. 10^20 units at a price with 15 decimals still fits).
//  * Fixed size: no heap allocation on the arithmetic path, values are cheap
//    to copy, and a batch rater can do tens of millions of operations per
//    second per core.
//  * Checked: boost's checked_int128_t throws on overflow instead of wrapping,
//    and every such failure is reported as DecimalError, so a bill can fail
//    loudly but never be silently wrong.
//
// Values compare by value (1.50 == 1.5) but keep the scale they were built
// with; to_string() always prints the canonical shortest form.

#include <boost/multiprecision/cpp_int.hpp>

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
#include <utility>

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
  using Coefficient = boost::multiprecision::checked_int128_t;  // overflow throws -> converted to DecimalError

  static constexpr int max_scale = 30;            // most decimal places a value may carry
  static constexpr int max_digits = 38;           // every 38-digit coefficient fits (10^38 < 2^128)
  static constexpr int min_places = -max_digits;  // round()/divide() may round to tens, hundreds, ... up to 10^38

  Decimal() = default;  // zero
  // Integers convert exactly and implicitly, whatever their type: an unsigned 64-bit value keeps
  // its magnitude (UINT64_MAX is 18446744073709551615, never -1).
  template <std::signed_integral I>
  Decimal(I v) : coefficient_(static_cast<long long>(v)) {}  // NOLINT: implicit on purpose
  template <std::unsigned_integral U>
    requires(!std::same_as<U, bool>)
  Decimal(U v) : coefficient_(static_cast<unsigned long long>(v)) {}  // NOLINT: implicit on purpose
  Decimal(bool) = delete;  // true is not a quantity
  // Floating point never converts implicitly or explicitly: 0.1 is not 0.1 in binary.
  template <std::floating_point F>
  Decimal(F) = delete;

  // value = coefficient * 10^-scale. Throws DecimalError unless 0 <= scale <= max_scale.
  static Decimal from_parts(Coefficient coefficient, int scale);

  // Accepts [+-]digits[.digits] with no exponent and no whitespace. The integer part may use
  // one kind of thousands separator (',' or '_') between groups of exactly three digits
  // ("1,000,000", "1_000"; not "1,00", "1__0", "1,000_000"). ".5" and "5." are rejected.
  // Fraction digits beyond max_scale are accepted only if they are trailing zeros.
  // Returns nullopt for anything malformed or out of range (more than 128 bits).
  static std::optional<Decimal> parse(std::string_view text);

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
  // value * 10^n, exact (n may be negative): 万 = 4, 亿 = 8, % = -2.
  // Throws DecimalError on overflow or when more than max_scale places would be needed.
  Decimal shifted(int power_of_ten) const;
  Decimal normalized() const;  // same value with trailing zeros stripped (minimal scale)

  bool is_zero() const { return coefficient_.is_zero(); }
  bool is_negative() const { return coefficient_.sign() < 0; }
  bool is_integer() const;
  std::optional<long long> to_int64() const;  // only if the value is an integer that fits

  const Coefficient& coefficient() const { return coefficient_; }
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

  // 10^n as a Coefficient, 0 <= n <= max_digits (precomputed table).
  static const Coefficient& pow10(int n);

 private:
  struct Raw {};  // tag: trusted construction, scale already validated
  Decimal(Coefficient coefficient, int scale, Raw)
      : coefficient_(std::move(coefficient)), scale_(static_cast<std::int8_t>(scale)) {}
  static Decimal add(const Decimal& a, const Decimal& b, bool subtract);

  Coefficient coefficient_{0};
  std::int8_t scale_{0};  // 0..max_scale; small type keeps sizeof(Decimal) down
};

// Prints to_string(); lets test frameworks and diagnostics show values.
std::ostream& operator<<(std::ostream& out, const Decimal& value);

// A sum of any number of decimals that stays exact however large it grows: the grand total of a
// batch run adds millions of bills of different scales (0.000…1 and 10^9 together need more than
// 38 digits). An unbounded coefficient, so it never overflows; it is only ever added to and shown.
class DecimalSum {
 public:
  DecimalSum& operator+=(const Decimal& d);
  std::string to_string() const;  // canonical, as Decimal::to_string
  bool operator==(const Decimal& d) const;

 private:
  boost::multiprecision::cpp_int coefficient_ = 0;
  int scale_ = 0;
};
std::ostream& operator<<(std::ostream& out, const DecimalSum& value);

}  // namespace tariff

template <>
struct std::hash<tariff::Decimal> {
  std::size_t operator()(const tariff::Decimal& value) const { return value.hash(); }
};
