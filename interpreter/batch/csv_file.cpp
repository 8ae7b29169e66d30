#include "interpreter/batch/csv_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/lines.hpp"
#include "interpreter/batch/usage_file.hpp"

namespace tariff::rate::detail {

namespace {

std::size_t columns(const std::string& header) {
  return static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
}

std::string header_list(const std::vector<std::string>& headers) {
  std::string out;
  for (const auto& h : headers) out += (out.empty() ? "'" : " or '") + h + "'";
  return out;
}

}  // namespace

void read_csv_rows(const CsvRows& file) {
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw RateError(fmt::format("cannot open the {} {}: {}", file.what, file.path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  std::vector<std::string> fields;
  std::uint64_t number = 0;
  std::size_t header = 0;
  auto on_line = [&](std::string_view text) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (number == 1) {
      if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      auto it = std::find(file.headers.begin(), file.headers.end(), text);
      if (it == file.headers.end())
        throw RateError(fmt::format("{}:1: the {}'s header must be {}, not '{}'", file.path, file.what,
                                    header_list(file.headers), printable(text)));
      header = static_cast<std::size_t>(it - file.headers.begin());
      return;
    }
    if (text.empty()) return;
    if (!split_csv(text, fields)) return file.on_reject(number, "a quote is left open");
    if (fields.size() != columns(file.headers[header]))
      return file.on_reject(
          number, fmt::format("expected {} columns: {}", columns(file.headers[header]), file.headers[header]));
    try {
      file.on_row(number, fields, header);
    } catch (const RowRejected& e) {
      file.on_reject(number, e.what());
    }
  };
  auto fill = [&](char* to, std::size_t room) -> std::size_t {
    for (;;) {
      ssize_t n = ::read(fd, to, room);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw RateError(fmt::format("cannot read the {} {}: {}", file.what, file.path, std::strerror(errno)));
      return static_cast<std::size_t>(n);
    }
  };
  auto on_long_line = [&] {
    ++number;
    if (number == 1)
      throw RateError(
          fmt::format("{}:1: the {}'s header is longer than {} bytes", file.path, file.what, max_line_bytes));
    file.on_reject(number, fmt::format("line longer than {} bytes", max_line_bytes));
  };
  for_each_line(
      fill, on_line, on_long_line, [] {}, nullptr);
  if (number == 0)
    throw RateError(
        fmt::format("{}: the {} is empty: expected the header {}", file.path, file.what, header_list(file.headers)));
}

}  // namespace tariff::rate::detail

namespace tariff::rate {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace tariff::rate
