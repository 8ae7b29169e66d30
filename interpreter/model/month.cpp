#include "interpreter/model/month.hpp"

#include <fmt/format.h>

namespace tariff {

std::optional<int> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int value = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  int year = value / 100, month = value % 100;
  if (year < 1 || month < 1 || month > 12) return std::nullopt;
  return year * 12 + month - 1;
}

std::string month_text(int month) { return fmt::format("{:04}-{:02}", month / 12, month % 12 + 1); }

}  // namespace tariff
