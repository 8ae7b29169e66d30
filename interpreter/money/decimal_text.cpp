// Decimal as text: parse, the to_string family, operator<<, and the names of the rounding modes.
#include <algorithm>
#include <array>
#include <charconv>
#include <ostream>
#include <utility>

#include "decimal.hpp"
#include "int128.hpp"

namespace tariff {

namespace {

using namespace int128;

// ---- parsing -----------------------------------------------------------------------

// Builds a magnitude from digits. Digits are gathered in a 64-bit chunk (19 digits fit) and
// folded into the 128-bit value once per chunk, so a short quantity costs no 128-bit arithmetic.
class DigitAccumulator {
 public:
  bool push(int digit) {
    pending_ = pending_ * 10 + static_cast<std::uint64_t>(digit);
    return ++pending_digits_ < chunk_digits || flush();
  }
  std::optional<UInt128> finish() {
    if (!flush()) return std::nullopt;
    return value_;
  }

 private:
  static constexpr int chunk_digits = 19;  // 10^19 - 1 < 2^64
  bool flush() {
    if (value_ == 0) {
      value_ = pending_;
    } else if (__builtin_mul_overflow(value_, pow10[static_cast<std::size_t>(pending_digits_)], &value_) ||
               __builtin_add_overflow(value_, pending_, &value_)) {
      return false;
    }
    pending_ = 0;
    pending_digits_ = 0;
    return true;
  }
  UInt128 value_{0};
  std::uint64_t pending_{0};
  int pending_digits_{0};
};

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// Integer part: digits up to the end or a '.', optionally grouped by one kind of separator (','
// or '_') into a leading group of 1-3 digits followed by groups of exactly 3. Returns where it
// stopped, or nullopt when malformed. (Finding the '.' on the way saves a pass over the text.)
std::optional<std::size_t> accumulate_integer_part(std::string_view text, DigitAccumulator& acc) {
  char separator = 0;
  int group_length = 0;
  bool grouped = false;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char ch = text[i];
    if (is_digit(ch)) {
      if (!acc.push(ch - '0')) return std::nullopt;
      ++group_length;
    } else if (ch == ',' || ch == '_') {
      if (separator != 0 && ch != separator) return std::nullopt;
      const bool group_ok = grouped ? group_length == 3 : (group_length >= 1 && group_length <= 3);
      if (!group_ok) return std::nullopt;
      separator = ch;
      grouped = true;
      group_length = 0;
    } else {
      return std::nullopt;
    }
  }
  if (group_length == 0 || (grouped && group_length != 3)) return std::nullopt;
  return i;
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

// Writes the decimal digits of m, most significant first, into `out` (room for 39) and returns
// how many: "0" for zero. A magnitude above 64 bits is cut into 19-digit chunks (10^19 < 2^64)
// so that each prints with std::to_chars; an ordinary value is one chunk and no 128-bit division.
std::size_t magnitude_digits(UInt128 m, char* out) {
  std::array<std::uint64_t, 3> chunks{};  // 2^127 has 39 digits: at most 3 chunks
  int count = 0;
  for (; m > u64_max; m /= pow10[19]) chunks[count++] = static_cast<std::uint64_t>(m % pow10[19]);
  char* end = std::to_chars(out, out + 20, static_cast<std::uint64_t>(m)).ptr;
  while (count > 0) {
    char* chunk_end = std::to_chars(end, end + 19, chunks[--count]).ptr;
    const auto length = chunk_end - end;
    std::copy_backward(end, chunk_end, end + 19);  // inner chunks keep their leading zeros
    std::fill(end, end + (19 - length), '0');
    end += 19;
  }
  return static_cast<std::size_t>(end - out);
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
  // Digits with enough leading zeros for "0.00xx": the scale is at most 30, the digits 39.
  std::array<char, Decimal::max_scale + 1 + 39> buffer;
  const auto scale = static_cast<std::size_t>(value.scale());
  char* digits = buffer.data() + scale + 1;
  std::size_t length = magnitude_digits(magnitude(value.coefficient()), digits);
  if (length <= scale) {
    digits -= scale + 1 - length;
    std::fill(digits, digits + (scale + 1 - length), '0');
    length = scale + 1;
  }
  const std::string_view all(digits, length);
  const std::string_view integer_part = all.substr(0, all.size() - scale);
  const int padding = std::max(min_places - static_cast<int>(scale), 0);
  std::string out;
  out.reserve(all.size() + static_cast<std::size_t>(padding) + 2 + (separator != 0 ? all.size() / 3 : 0));
  if (value.is_negative()) out += '-';
  if (separator != 0) {
    append_grouped(out, integer_part, separator);
  } else {
    out.append(integer_part);
  }
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

// ---- decimals ----------------------------------------------------------------------

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  DigitAccumulator acc;
  const auto dot = accumulate_integer_part(text, acc);
  if (!dot) return std::nullopt;
  std::string_view fraction;
  if (*dot < text.size()) {
    const auto digits = fraction_digits(text.substr(*dot + 1));
    if (!digits) return std::nullopt;
    fraction = *digits;
  }
  for (char ch : fraction) {
    if (!acc.push(ch - '0')) return std::nullopt;
  }
  // The magnitude gets its sign only now, so -2^127 parses although 2^127 does not.
  const auto m = acc.finish();
  const auto coefficient = m ? with_sign(*m, negative) : std::nullopt;
  if (!coefficient) return std::nullopt;
  return Decimal(*coefficient, static_cast<int>(fraction.size()), Raw{});
}

std::string Decimal::to_string() const { return format(normalized(), 0, 0); }

std::string Decimal::to_string_grouped(char sep) const { return format(normalized(), 0, sep); }

std::string Decimal::to_string_fixed(int places) const { return format(normalized(), places, 0); }

std::ostream& operator<<(std::ostream& out, const Decimal& value) { return out << value.to_string(); }

}  // namespace tariff
