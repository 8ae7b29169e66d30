#include "interpreter/model/account_states.hpp"

#include <algorithm>

#include "interpreter/model/month.hpp"

namespace tariff {

std::uint32_t StatePeriod::days_in(int month) const {
  if (!holds_in(month)) return 0;
  int first = month == from ? from_day : 1;
  int last = until && month == *until && until_day ? *until_day : days_in_month(month);
  if (last < first) return 0;
  std::uint32_t through_last = last >= 32 ? ~0U : (1U << last) - 1;
  return through_last & ~((1U << (first - 1)) - 1);
}

bool period_ends_after_start(const StatePeriod& p) {
  if (!p.until) return true;
  if (*p.until != p.from) return *p.until > p.from;
  return p.until_day.value_or(days_in_month(p.from)) >= p.from_day;
}

MonthDays month_days(const std::vector<StatePeriod>& periods, int month) {
  MonthDays out;
  out.length = days_in_month(month);
  for (const StatePeriod& p : periods) {
    std::uint32_t days = p.days_in(month);
    if (days == 0) continue;
    auto held =
        std::find_if(out.states.begin(), out.states.end(), [&](const StateDays& s) { return s.state == p.state; });
    if (held == out.states.end())
      out.states.push_back({p.state, days});
    else
      held->days |= days;
  }
  return out;
}

std::vector<std::string> states_in(const std::vector<StatePeriod>& periods, int month) {
  std::vector<std::string> out;
  for (const StatePeriod& p : periods)
    if (p.holds_in(month) && std::find(out.begin(), out.end(), p.state) == out.end()) out.push_back(p.state);
  return out;
}

const StatePeriod* period_of(const std::vector<StatePeriod>& periods, const std::string& state, int month) {
  for (const StatePeriod& p : periods)
    if (p.state == state && p.holds_in(month)) return &p;
  return nullptr;
}

std::vector<StatePeriod> periods_from_months(const std::vector<std::pair<int, std::vector<std::string>>>& months) {
  std::vector<StatePeriod> out;
  for (const auto& named : months) {
    int month = named.first;  // not a structured binding: clang 14 cannot capture one
    for (const std::string& s : named.second) {
      auto open = std::find_if(out.begin(), out.end(),
                               [&](const StatePeriod& p) { return p.state == s && p.until && *p.until + 1 == month; });
      if (open != out.end())
        open->until = month;
      else
        out.push_back({s, month, month, 1, std::nullopt});
    }
  }
  return out;
}

}  // namespace tariff
