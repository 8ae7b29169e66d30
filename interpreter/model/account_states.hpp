#pragma once
// The states an account is in, month by month (licensed, trial, suspended): each a period of
// months from data (a states file, a scenario's `state trial from 2026-01`) or from the months a
// scenario names the state in. A grant is activated in the first month of its state's period.
// A period may begin or end on a day (from 2027-01-15 until 2027-03-10): the days count
// inclusively at both ends, so that a fee prorated by day charges the days in the state.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/model/bill_request.hpp"

namespace tariff {

struct StatePeriod {
  std::string state;
  int from = 0;              // the first month in the state
  std::optional<int> until;  // the last month in it (inclusive); none: open-ended
  int from_day = 1;          // the first day of `from` in the state
  std::optional<int> until_day;  // the last day of `until` in it (inclusive); none: the month's last
  bool holds_in(int month) const { return from <= month && (!until || month <= *until); }
  // The days of `month` in the state, one bit each (bit 0: the 1st); 0 when it does not hold.
  std::uint32_t days_in(int month) const;
};

// Whether the period's last day is on or after its first (from 2027-01-15 until 2027-01-15 is one day).
bool period_ends_after_start(const StatePeriod& period);

// The states that hold in `month`, each once, in the order the periods list them.
std::vector<std::string> states_in(const std::vector<StatePeriod>& periods, int month);

// The period of `state` that holds in `month`, or null.
const StatePeriod* period_of(const std::vector<StatePeriod>& periods, const std::string& state, int month);

// The days of `month` each state that holds in it covers, for fees prorated by day.
MonthDays month_days(const std::vector<StatePeriod>& periods, int month);

// Periods from the states a scenario names month by month: each run of consecutive months
// naming a state is one period.
std::vector<StatePeriod> periods_from_months(const std::vector<std::pair<int, std::vector<std::string>>>& months);

}  // namespace tariff
