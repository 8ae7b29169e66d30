#include "decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <initializer_list>
#include <limits>
#include <ostream>

namespace tariff {

namespace {

namespace mp = boost::multiprecision;
using Coefficient = Decimal::Coefficient;

// Intermediate type for division only: |coefficient| * 10^68 < 2^512, so scaling a
// dividend or divisor by any exponent divide() can need never overflows. Still fixed
// size, so no allocation.
using Wide = mp::checked_int512_t;

constexpr int table_size = Decimal::max_digits + 1;

constexpr std::array<Coefficient, table_size> make_pow10_table() {
  std::array<Coefficient, table_size> table{};
  Coefficient power = 1;
  for (int n = 0; n < table_size; ++n) {
    table[n] = power;
    if (n + 1 < table_size) power *= 10;
  }
  return table;
}
constexpr std::array<Coefficient, table_size> pow10_table = make_pow10_table();

// mul_limit[n]: the largest magnitude that can still be multiplied by 10^n without
// overflowing. Lets comparison and division decide "fits?" without trying.
constexpr std::array<Coefficient, table_size> make_mul_limit_table() {
  std::array<Coefficient, table_size> table{};
  const Coefficient max = (std::numeric_limits<Coefficient>::max)();
  for (int n = 0; n < table_size; ++n) table[n] = max / pow10_table[n];
  return table;
}
constexpr std::array<Coefficient, table_size> mul_limit = make_mul_limit_table();

// Runs f, turning boost's overflow / out-of-range exceptions into DecimalError(message).
// The try block costs nothing when no exception is thrown.
template <class F>
auto overflow_checked(const char* message, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::overflow_error&) {
    throw DecimalError(message);
  } catch (const std::range_error&) {
    throw DecimalError(message);
  }
}

// 10^n in Int, for 0 <= n <= 2 * max_digits.
template <class Int>
Int power_of_ten(int n) {
  Int power(pow10_table[std::min(n, Decimal::max_digits)]);
  if (n > Decimal::max_digits) power *= pow10_table[n - Decimal::max_digits];
  return power;
}

// True when c * 10^n fits in a Coefficient (n <= 0 means no scaling at all).
bool fits_scaled(const Coefficient& c, int n) {
  if (n <= 0) return true;
  return n <= Decimal::max_digits && mp::abs(c) <= mul_limit[n];
}

// c * 10^max(n, 0) in Int; callers guarantee it fits.
template <class Int>
Int scaled_up(const Coefficient& c, int n) {
  Int value(c);
  if (n > 0) value *= power_of_ten<Int>(n);
  return value;
}

// Divides out trailing decimal zeros of c while the scale stays >= target, and returns
// the new scale. Steps of 16, 8, 4, 2, 1 digits keep it to a few divisions even for 30 zeros.
template <class Int>
int strip_trailing_zeros(Int& c, int scale, int target) {
  if (c.is_zero()) return std::min(scale, std::max(target, 0));
  for (int step : {16, 8, 4, 2, 1}) {
    const Int divisor(pow10_table[step]);
    while (scale - step >= target) {
      Int quotient, remainder;
      mp::divide_qr(c, divisor, quotient, remainder);
      if (!remainder.is_zero()) break;
      c = quotient;
      scale -= step;
    }
  }
  return scale;
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

// num / den rounded to an integer by mode; requires den > 0. Cannot overflow: den >= 2
// whenever a remainder exists, so |quotient| + 1 is far below the type's maximum.
template <class Int>
Int rounded_quotient(const Int& num, const Int& den, RoundingMode mode) {
  Int quotient, remainder;
  mp::divide_qr(num, den, quotient, remainder);
  if (remainder.is_zero()) return quotient;
  const Int rest = mp::abs(remainder);
  const int half = rest.compare(den - rest);  // rest vs den/2 without computing 2*rest
  const bool negative = num.sign() < 0;
  const bool odd = mp::bit_test(Int(mp::abs(quotient)), 0);  // checked types refuse bit ops on negatives
  if (rounds_away(mode, negative, half, odd)) quotient += negative ? -1 : 1;
  return quotient;
}

// (ca * 10^e) / cb rounded to an integer, computed in Int.
template <class Int>
Coefficient divide_scaled(const Coefficient& ca, const Coefficient& cb, int e, RoundingMode mode) {
  Int num = scaled_up<Int>(ca, e);
  Int den = scaled_up<Int>(cb, -e);
  if (den.sign() < 0) {
    num = -num;
    den = -den;
  }
  const Int quotient = rounded_quotient(num, den, mode);
  return overflow_checked("decimal overflow in division", [&] { return static_cast<Coefficient>(quotient); });
}

// Exact (ca * 10^e) / cb, or nullopt when there is a remainder. Returns the normalized
// coefficient and its scale, starting from `scale`.
template <class Int>
std::optional<std::pair<Coefficient, int>> divide_exactly(const Coefficient& ca, const Coefficient& cb, int e,
                                                          int scale) {
  Int quotient, remainder;
  mp::divide_qr(scaled_up<Int>(ca, e), Int(cb), quotient, remainder);
  if (!remainder.is_zero()) return std::nullopt;
  scale = strip_trailing_zeros(quotient, scale, 0);
  return std::pair{overflow_checked("decimal overflow in division", [&] { return static_cast<Coefficient>(quotient); }),
                   scale};
}

void check_places(int places, const char* operation) {
  if (places < Decimal::min_places || places > Decimal::max_scale) {
    throw DecimalError(std::string("decimal ") + operation + ": places " + std::to_string(places) + " out of range " +
                       std::to_string(Decimal::min_places) + ".." + std::to_string(Decimal::max_scale));
  }
}

[[noreturn]] void throw_precision(const char* operation) {
  throw DecimalError(std::string("decimal precision exceeded in ") + operation + ": result needs more than " +
                     std::to_string(Decimal::max_scale) + " decimal places");
}

// ---- parsing -----------------------------------------------------------------------

// Builds a coefficient from digits. Digits are gathered in a 64-bit chunk (19 digits fit)
// and folded into the 128-bit value once per chunk, keeping long inputs cheap.
class DigitAccumulator {
 public:
  bool push(int digit) {
    pending_ = pending_ * 10 + static_cast<std::uint64_t>(digit);
    return ++pending_digits_ < chunk_digits || flush();
  }
  std::optional<Coefficient> finish() {
    if (!flush()) return std::nullopt;
    return value_;
  }

 private:
  static constexpr int chunk_digits = 19;  // 10^19 - 1 < 2^64
  bool flush() {
    if (pending_digits_ == 0) return true;
    try {
      value_ = value_ * pow10_table[pending_digits_] + pending_;
    } catch (const std::overflow_error&) {
      return false;
    }
    pending_ = 0;
    pending_digits_ = 0;
    return true;
  }
  Coefficient value_{0};
  std::uint64_t pending_{0};
  int pending_digits_{0};
};

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// Integer part: digits, optionally grouped by one kind of separator (',' or '_') into a
// leading group of 1-3 digits followed by groups of exactly 3.
bool accumulate_integer_part(std::string_view text, DigitAccumulator& acc) {
  char separator = 0;
  int group_length = 0;
  bool grouped = false;
  for (char ch : text) {
    if (is_digit(ch)) {
      if (!acc.push(ch - '0')) return false;
      ++group_length;
    } else if (ch == ',' || ch == '_') {
      if (separator != 0 && ch != separator) return false;
      const bool group_ok = grouped ? group_length == 3 : (group_length >= 1 && group_length <= 3);
      if (!group_ok) return false;
      separator = ch;
      grouped = true;
      group_length = 0;
    } else {
      return false;
    }
  }
  return group_length > 0 && (!grouped || group_length == 3);
}

// Fraction digits past max_scale are tolerated only as trailing zeros (they do not change
// the value); anything else would need rounding, which parsing never does.
std::optional<std::string_view> fraction_digits(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_digit)) return std::nullopt;
  while (text.size() > static_cast<std::size_t>(Decimal::max_scale) && text.back() == '0') text.remove_suffix(1);
  if (text.size() > static_cast<std::size_t>(Decimal::max_scale)) return std::nullopt;
  return text;
}

// ---- formatting --------------------------------------------------------------------

// Decimal digits of |c|, most significant first, "0" for zero. Peels 19-digit chunks
// (10^19 < 2^64) so each prints with std::to_chars.
std::string magnitude_digits(const Coefficient& c) {
  Coefficient rest = mp::abs(c);
  if (rest.is_zero()) return "0";
  std::array<std::uint64_t, 3> chunks{};  // 2^128 has 39 digits: at most 3 chunks
  int count = 0;
  while (!rest.is_zero()) {
    Coefficient quotient, remainder;
    mp::divide_qr(rest, pow10_table[19], quotient, remainder);
    chunks[count++] = remainder.convert_to<std::uint64_t>();
    rest = quotient;
  }
  std::string out;
  for (int i = count - 1; i >= 0; --i) {
    char buffer[20];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, chunks[i]).ptr;
    const auto length = static_cast<std::size_t>(end - buffer);
    if (i != count - 1) out.append(19 - length, '0');  // inner chunks keep their leading zeros
    out.append(buffer, length);
  }
  return out;
}

void append_grouped(std::string& out, std::string_view digits, char separator) {
  std::size_t first = digits.size() % 3;
  if (first == 0) first = 3;
  out.append(digits.substr(0, first));
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out += separator;
    out.append(digits.substr(i, 3));
  }
}

// Formats a normalized value with at least min_places decimals; separator 0 = no grouping.
std::string format(const Decimal& value, int min_places, char separator) {
  std::string digits = magnitude_digits(value.coefficient());
  const auto scale = static_cast<std::size_t>(value.scale());
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');  // "0.00xx"
  const std::string_view all(digits);
  const std::string_view integer_part = all.substr(0, all.size() - scale);
  std::string out;
  if (value.is_negative()) out += '-';
  if (separator != 0) {
    append_grouped(out, integer_part, separator);
  } else {
    out.append(integer_part);
  }
  const int padding = std::max(min_places - static_cast<int>(scale), 0);
  if (scale > 0 || padding > 0) {
    out += '.';
    out.append(all.substr(all.size() - scale));
    out.append(static_cast<std::size_t>(padding), '0');
  }
  return out;
}

constexpr std::array<std::pair<RoundingMode, std::string_view>, 7> mode_names{{
    {RoundingMode::half_up, "half_up"},
    {RoundingMode::half_even, "half_even"},
    {RoundingMode::half_down, "half_down"},
    {RoundingMode::down, "down"},
    {RoundingMode::up, "up"},
    {RoundingMode::floor, "floor"},
    {RoundingMode::ceiling, "ceiling"},
}};

}  // namespace

// ---- rounding modes ----------------------------------------------------------------

std::optional<RoundingMode> parse_rounding_mode(std::string_view name) {
  for (const auto& [mode, text] : mode_names) {
    if (text == name) return mode;
  }
  return std::nullopt;
}

std::string_view to_string(RoundingMode mode) {
  for (const auto& [candidate, text] : mode_names) {
    if (candidate == mode) return text;
  }
  return "?";
}

// ---- construction ------------------------------------------------------------------

const Decimal::Coefficient& Decimal::pow10(int n) {
  if (n < 0 || n > max_digits) throw DecimalError("decimal pow10: exponent " + std::to_string(n) + " out of range");
  return pow10_table[static_cast<std::size_t>(n)];
}

Decimal Decimal::from_parts(Coefficient coefficient, int scale) {
  if (scale < 0 || scale > max_scale) {
    throw DecimalError("decimal scale " + std::to_string(scale) + " out of range 0.." + std::to_string(max_scale));
  }
  return Decimal(std::move(coefficient), scale, Raw{});
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  std::string_view fraction;
  if (dot != std::string_view::npos) {
    const auto digits = fraction_digits(text.substr(dot + 1));
    if (!digits) return std::nullopt;
    fraction = *digits;
  }
  DigitAccumulator acc;
  if (!accumulate_integer_part(text.substr(0, dot), acc)) return std::nullopt;
  for (char ch : fraction) {
    if (!acc.push(ch - '0')) return std::nullopt;
  }
  auto coefficient = acc.finish();
  if (!coefficient) return std::nullopt;
  if (negative) *coefficient = -*coefficient;
  return Decimal(std::move(*coefficient), static_cast<int>(fraction.size()), Raw{});
}

// ---- arithmetic --------------------------------------------------------------------

Decimal Decimal::operator-() const { return Decimal(-coefficient_, scale_, Raw{}); }

Decimal Decimal::add(const Decimal& a, const Decimal& b, bool subtract) {
  try {
    // Align to the larger scale; the multiplication by 10^d is itself overflow-checked.
    const int scale = std::max(a.scale_, b.scale_);
    const Coefficient x = scaled_up<Coefficient>(a.coefficient_, scale - a.scale_);
    const Coefficient y = scaled_up<Coefficient>(b.coefficient_, scale - b.scale_);
    return Decimal(subtract ? x - y : x + y, scale, Raw{});
  } catch (const std::overflow_error&) {
    // Trailing zeros (e.g. 10^37 + 0.0) can make alignment overflow although the
    // result fits; retry once without them before giving up.
    const Decimal x = a.normalized();
    const Decimal y = b.normalized();
    if (x.scale_ == a.scale_ && y.scale_ == b.scale_) {
      throw DecimalError(subtract ? "decimal overflow in subtraction" : "decimal overflow in addition");
    }
    return add(x, y, subtract);
  }
}

Decimal operator+(const Decimal& a, const Decimal& b) { return Decimal::add(a, b, false); }
Decimal operator-(const Decimal& a, const Decimal& b) { return Decimal::add(a, b, true); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  Decimal::Coefficient product;
  try {
    product = a.coefficient_ * b.coefficient_;
  } catch (const std::overflow_error&) {
    // As in add(): trailing zeros may be all that overflows; retry once without them.
    const Decimal x = a.normalized();
    const Decimal y = b.normalized();
    if (x.scale_ == a.scale_ && y.scale_ == b.scale_) throw DecimalError("decimal overflow in multiplication");
    return x * y;
  }
  int scale = a.scale_ + b.scale_;
  if (scale > Decimal::max_scale) {
    scale = strip_trailing_zeros(product, scale, Decimal::max_scale);
    if (scale > Decimal::max_scale) throw_precision("multiplication");
  }
  return Decimal(std::move(product), scale, Decimal::Raw{});
}

Decimal& Decimal::operator+=(const Decimal& other) { return *this = *this + other; }
Decimal& Decimal::operator-=(const Decimal& other) { return *this = *this - other; }
Decimal& Decimal::operator*=(const Decimal& other) { return *this = *this * other; }

// ---- comparison --------------------------------------------------------------------

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return a.coefficient_.compare(b.coefficient_) <=> 0;
  const int sign_a = a.coefficient_.sign();
  const int sign_b = b.coefficient_.sign();
  if (sign_a != sign_b || sign_a == 0) return sign_a <=> sign_b;
  // Same sign, both non-zero: compare magnitudes at the larger scale. If aligning the
  // coarser value would overflow, its magnitude exceeds anything representable, so it
  // is the larger one; no need to compute it.
  const bool a_coarser = a.scale_ < b.scale_;
  const Decimal& coarse = a_coarser ? a : b;
  const Decimal& fine = a_coarser ? b : a;
  const int shift = fine.scale_ - coarse.scale_;
  const Decimal::Coefficient coarse_magnitude = mp::abs(coarse.coefficient_);
  int magnitude_order = 1;  // coarse vs fine
  if (coarse_magnitude <= mul_limit[shift]) {
    magnitude_order = (coarse_magnitude * pow10_table[shift]).compare(mp::abs(fine.coefficient_));
  }
  int order = sign_a > 0 ? magnitude_order : -magnitude_order;  // coarse vs fine, as values
  if (!a_coarser) order = -order;
  return order <=> 0;
}

bool operator==(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return a.coefficient_ == b.coefficient_;
  return (a <=> b) == 0;
}

// ---- division and rounding ---------------------------------------------------------

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
  if (b.is_zero()) throw DecimalError("decimal division by zero");
  check_places(places, "divide");
  // a / b * 10^places == (ca * 10^e) / cb with e = sb - sa + places. Use 128-bit
  // arithmetic when the scaled operands fit (the common case), 512-bit otherwise.
  const int e = b.scale_ - a.scale_ + places;
  const Coefficient quotient = fits_scaled(a.coefficient_, e) && fits_scaled(b.coefficient_, -e)
                                   ? divide_scaled<Coefficient>(a.coefficient_, b.coefficient_, e, mode)
                                   : divide_scaled<Wide>(a.coefficient_, b.coefficient_, e, mode);
  if (places >= 0) return Decimal(quotient, places, Raw{});
  // Negative places: the quotient counts units of 10^-places.
  return Decimal(overflow_checked("decimal overflow in division", [&] { return quotient * pow10_table[-places]; }), 0,
                 Raw{});
}

std::optional<Decimal> Decimal::divide_exact(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw DecimalError("decimal division by zero");
  // Divide at the finest allowed scale: the quotient terminates within max_scale
  // decimals exactly when nothing is left over.
  const int e = b.scale_ - a.scale_ + max_scale;  // 0..2*max_scale
  const auto result = fits_scaled(a.coefficient_, e)
                          ? divide_exactly<Coefficient>(a.coefficient_, b.coefficient_, e, max_scale)
                          : divide_exactly<Wide>(a.coefficient_, b.coefficient_, e, max_scale);
  if (!result) return std::nullopt;
  return Decimal(result->first, result->second, Raw{});
}

Decimal Decimal::round(int places, RoundingMode mode) const {
  check_places(places, "round");
  if (places >= scale_) return *this;
  const int drop = scale_ - places;  // 1..max_scale+max_digits
  const Coefficient quotient =
      drop <= max_digits
          ? rounded_quotient(coefficient_, pow10_table[drop], mode)
          : static_cast<Coefficient>(rounded_quotient(Wide(coefficient_), power_of_ten<Wide>(drop), mode));
  if (places >= 0) return Decimal(quotient, places, Raw{});
  return Decimal(overflow_checked("decimal overflow in rounding", [&] { return quotient * pow10_table[-places]; }), 0,
                 Raw{});
}

// ---- scaling -----------------------------------------------------------------------

Decimal Decimal::shifted(int power_of_ten_exponent) const {
  const long long n = power_of_ten_exponent;
  if (is_zero()) return Decimal{};
  if (n >= 0) {
    if (n <= scale_) return Decimal(coefficient_, scale_ - static_cast<int>(n), Raw{});
    const long long grow = n - scale_;
    if (grow > max_digits) throw DecimalError("decimal overflow in shift");  // non-zero * 10^39 never fits
    return Decimal(overflow_checked("decimal overflow in shift",
                                    [&] { return coefficient_ * pow10_table[static_cast<std::size_t>(grow)]; }),
                   0, Raw{});
  }
  const long long wanted = scale_ - n;
  if (wanted <= max_scale) return Decimal(coefficient_, static_cast<int>(wanted), Raw{});
  // More places than allowed: only trailing zeros of the coefficient can pay for them,
  // and a 128-bit coefficient has at most max_digits of those.
  if (wanted > max_scale + max_digits) throw_precision("shift");
  Coefficient c = coefficient_;
  const int scale = strip_trailing_zeros(c, static_cast<int>(wanted), max_scale);
  if (scale > max_scale) throw_precision("shift");
  return Decimal(std::move(c), scale, Raw{});
}

Decimal Decimal::normalized() const {
  Coefficient c = coefficient_;
  const int scale = strip_trailing_zeros(c, scale_, 0);
  return Decimal(std::move(c), scale, Raw{});
}

// ---- queries -----------------------------------------------------------------------

bool Decimal::is_integer() const { return scale_ == 0 || (coefficient_ % pow10_table[scale_]).is_zero(); }

std::optional<long long> Decimal::to_int64() const {
  if (!is_integer()) return std::nullopt;
  const Coefficient whole = scale_ == 0 ? coefficient_ : coefficient_ / pow10_table[scale_];
  if (whole < LLONG_MIN || whole > LLONG_MAX) return std::nullopt;
  return whole.convert_to<long long>();
}

std::size_t Decimal::hash() const {
  // Hash the normalized form so that equal values (1.5, 1.50) hash equally.
  const Decimal n = normalized();
  const Coefficient magnitude = mp::abs(n.coefficient_);
  const Coefficient low_mask = (std::numeric_limits<std::uint64_t>::max)();
  const auto low = (magnitude & low_mask).convert_to<std::uint64_t>();
  const auto high = (magnitude >> 64).convert_to<std::uint64_t>();
  std::uint64_t h = low;
  h ^= high + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= static_cast<std::uint64_t>(n.scale_) * 0xff51afd7ed558ccdULL + (n.is_negative() ? 1U : 0U);
  return static_cast<std::size_t>(h);
}

// ---- text --------------------------------------------------------------------------

std::string Decimal::to_string() const { return format(normalized(), 0, 0); }

std::string Decimal::to_string_grouped(char sep) const { return format(normalized(), 0, sep); }

std::string Decimal::to_string_fixed(int places) const { return format(normalized(), places, 0); }

std::ostream& operator<<(std::ostream& out, const Decimal& value) { return out << value.to_string(); }

// ---- exact sums --------------------------------------------------------------------

DecimalSum& DecimalSum::operator+=(const Decimal& d) {
  mp::cpp_int c(d.coefficient());
  if (d.scale() > scale_) {
    coefficient_ *= mp::pow(mp::cpp_int(10), static_cast<unsigned>(d.scale() - scale_));
    scale_ = d.scale();
  } else {
    c *= mp::pow(mp::cpp_int(10), static_cast<unsigned>(scale_ - d.scale()));
  }
  coefficient_ += c;
  return *this;
}

std::string DecimalSum::to_string() const {
  mp::cpp_int c = coefficient_;
  int scale = scale_;
  while (scale > 0 && c % 10 == 0) c /= 10, --scale;
  bool negative = c < 0;
  std::string digits = (negative ? mp::cpp_int(-c) : c).str();
  if (scale > 0) {
    if (digits.size() <= static_cast<std::size_t>(scale)) digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
  }
  return (negative ? "-" : "") + digits;
}

bool DecimalSum::operator==(const Decimal& d) const { return to_string() == d.to_string(); }

std::ostream& operator<<(std::ostream& out, const DecimalSum& value) { return out << value.to_string(); }

}  // namespace tariff
