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

int days_in_month(int month) {
  static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = month / 12, m = month % 12;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return m == 1 && leap ? 29 : days[m];
}

std::optional<std::pair<int, std::optional<int>>> parse_month_or_day(std::string_view s) {
  auto month = parse_month(s.substr(0, 7));
  if (!month) return std::nullopt;
  if (s.size() == 7) return std::make_pair(*month, std::optional<int>());
  if (s.size() != 10 || s[7] != '-' || s[8] < '0' || s[8] > '9' || s[9] < '0' || s[9] > '9') return std::nullopt;
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (day < 1 || day > days_in_month(*month)) return std::nullopt;
  return std::make_pair(*month, std::optional<int>(day));
}

}  // namespace tariff
