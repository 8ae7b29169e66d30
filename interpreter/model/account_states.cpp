#include "interpreter/model/account_states.hpp"

#include <algorithm>

namespace tariff {

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
        out.push_back({s, month, month});
    }
  }
  return out;
}

}  // namespace tariff
