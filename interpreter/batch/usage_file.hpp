#pragma once
// The usage file's format (internal to batch/): the header `account,month,product,meter,quantity`,
// CSV fields as RFC 4180 quotes them, and a quantity in the one quantity syntax.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/language/literal.hpp"

namespace tariff::rate::detail {

constexpr std::string_view usage_header = "account,month,product,meter,quantity";

// Splits a CSV line as RFC 4180 says ("a,b" is one field, "" a quote); false when a quote is left
// open (quoted fields cannot hold line breaks here).
bool split_csv(std::string_view line, std::vector<std::string>& fields);

// Throws RateError unless `line` (without its newline, after an optional UTF-8 byte order mark,
// as Excel and WPS write one) is the expected header.
void check_header(std::string_view line);

// A quantity of 1 to 18 plain digits (the common case, inline: no call, no Decimal), or false.
inline bool whole_number(std::string_view s, std::uint64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = v;
  return true;
}

// A quantity field: plain digits (the common case) without a Decimal, anything else in the one
// quantity syntax (language/literal.hpp), so that 35万 and 1_000 mean what they mean on the
// command line, and "+5", "-0" and "1,000" are refused as they are there. On failure `reason`
// says why.
bool parse_quantity(std::string_view s, const Units& units, std::uint64_t& out, std::string& reason);
// The same for a meter whose usage is decimal (2177.42): the quantity is `out` × 10^-scale.
bool parse_decimal_quantity(std::string_view s, const Units& units, std::uint64_t& out, unsigned& scale,
                            std::string& reason);

// The first line of a regular file (at most 64 KiB of it), and in `end` the offset after it.
std::string read_header(int fd, std::uint64_t size, std::uint64_t& end);

// The offset just past the first '\n' at or after `from`, or `size`.
std::uint64_t next_line(int fd, std::uint64_t from, std::uint64_t size);

}  // namespace tariff::rate::detail
