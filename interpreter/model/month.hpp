#pragma once
// Months, as usage files, ledgers and the command line write them: YYYY-MM. A month is counted as
// year * 12 + (month - 1), so that months compare and subtract as integers.
#include <optional>
#include <string>
#include <string_view>

namespace tariff {

// "2026-10" → 2026 * 12 + 9; nullopt unless exactly four digits, '-', two digits, a year from 1
// to 9999 and a month from 01 to 12.
std::optional<int> parse_month(std::string_view text);

// The inverse: "2026-10".
std::string month_text(int month);

}  // namespace tariff
