#include "interpreter/batch/usage_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/reject.hpp"

namespace tariff::rate::detail {

void check_header(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  if (line != "account,month,product,meter,quantity")
    throw RateError(
        fmt::format("line 1: the header must be 'account,month,product,meter,quantity', not '{}'", printable(line)));
}

bool split_csv(std::string_view line, std::vector<std::string>& fields) {
  fields.assign(1, std::string());
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"')
        fields.back() += c;
      else if (i + 1 < line.size() && line[i + 1] == '"')
        fields.back() += line[++i];
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return !quoted;
}

bool parse_quantity(std::string_view s, const Units& units, std::uint64_t& out, std::string& reason) {
  if (whole_number(s, out)) return true;
  LiteralValue v = parse_quantity_text(s, units);
  if (!v.value)
    reason = v.message;
  else if (!v.value->is_integer())
    reason = fmt::format("quantity '{}' is not a whole number", printable(s));
  else if (auto whole = v.value->to_int64(); !whole)
    reason = fmt::format("quantity '{}' is too large", printable(s));
  else {
    out = static_cast<std::uint64_t>(*whole);
    return true;
  }
  return false;
}

bool parse_decimal_quantity(std::string_view s, const Units& units, std::uint64_t& out, unsigned& scale,
                            std::string& reason) {
  scale = 0;
  if (parse_quantity(s, units, out, reason)) return true;
  reason.clear();
  LiteralValue v = parse_quantity_text(s, units);
  if (!v.value) {
    reason = v.message;
    return false;
  }
  Decimal q = v.value->normalized();
  if (q.coefficient() > static_cast<Decimal::Coefficient>(UINT64_MAX)) {
    reason = fmt::format("quantity '{}' has too many digits", printable(s));
    return false;
  }
  out = static_cast<std::uint64_t>(q.coefficient());
  scale = static_cast<unsigned>(q.scale());
  return true;
}

std::uint64_t next_line(int fd, std::uint64_t from, std::uint64_t size) {
  char block[1 << 16];
  while (from < size) {
    ssize_t n = ::pread(fd, block, sizeof block, static_cast<off_t>(from));
    if (n <= 0) break;
    if (const void* nl = std::memchr(block, '\n', static_cast<std::size_t>(n)))
      return from + static_cast<std::uint64_t>(static_cast<const char*>(nl) - block) + 1;
    from += static_cast<std::uint64_t>(n);
  }
  return size;
}

std::string read_header(int fd, std::uint64_t size, std::uint64_t& end) {
  end = next_line(fd, 0, size);
  std::string header(static_cast<std::size_t>(std::min<std::uint64_t>(end, 1 << 16)), '\0');
  ssize_t n = ::pread(fd, header.data(), header.size(), 0);
  header.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  if (!header.empty() && header.back() == '\n') header.pop_back();
  return header;
}

}  // namespace tariff::rate::detail
