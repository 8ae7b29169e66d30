#pragma once
// Months, as usage files, ledgers and the command line write them: YYYY-MM. A month is counted as
// year * 12 + (month - 1), so that months compare and subtract as integers. A day of a month
// (YYYY-MM-DD) is a month and a day from 1, for states that begin or end mid-month.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tariff {

// "2026-10" → 2026 * 12 + 9; nullopt unless exactly four digits, '-', two digits, a year from 1
// to 9999 and a month from 01 to 12.
std::optional<int> parse_month(std::string_view text);

// The inverse: "2026-10".
std::string month_text(int month);

// The days of a month: 28 to 31, February 29 in a leap year (Gregorian).
int days_in_month(int month);

// "2027-01-15", or a month alone ("2027-01", day none); nullopt for anything else, a day past
// the month's end (2027-02-29) included.
std::optional<std::pair<int, std::optional<int>>> parse_month_or_day(std::string_view text);

}  // namespace tariff
