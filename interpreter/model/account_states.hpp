#pragma once
// The states an account is in, month by month (licensed, trial, suspended): each a period of
// months from data (a states file, a scenario's `state trial from 2026-01`) or from the months a
// scenario names the state in. A grant is activated in the first month of its state's period.
#include <optional>
#include <string>
#include <vector>

namespace tariff {

struct StatePeriod {
  std::string state;
  int from = 0;              // the first month in the state
  std::optional<int> until;  // the last month in it (inclusive); none: open-ended
  bool holds_in(int month) const { return from <= month && (!until || month <= *until); }
};

// The states that hold in `month`, each once, in the order the periods list them.
std::vector<std::string> states_in(const std::vector<StatePeriod>& periods, int month);

// The period of `state` that holds in `month`, or null.
const StatePeriod* period_of(const std::vector<StatePeriod>& periods, const std::string& state, int month);

// Periods from the states a scenario names month by month: each run of consecutive months
// naming a state is one period.
std::vector<StatePeriod> periods_from_months(const std::vector<std::pair<int, std::vector<std::string>>>& months);

}  // namespace tariff
