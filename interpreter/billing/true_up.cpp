#include "interpreter/billing/true_up.hpp"

namespace tariff {

std::vector<TrueUp> true_ups(const ChargeLimits& limits, const Decimal& total,
                             const std::optional<Decimal>& period_spent) {
  std::vector<TrueUp> out;
  Decimal running = total;
  if (limits.minimum && running < limits.minimum->amount) {
    out.push_back({TrueUp::Kind::minimum, limits.minimum->amount, limits.minimum->amount - running});
    running = limits.minimum->amount;
  }
  if (limits.maximum && running > limits.maximum->amount) {
    out.push_back({TrueUp::Kind::maximum, limits.maximum->amount, limits.maximum->amount - running});
    running = limits.maximum->amount;
  }
  // The period's earlier bills and this one, against the commitment: a shortfall is billed now.
  if (limits.commitment && period_spent && *period_spent + running < limits.commitment->amount)
    out.push_back(
        {TrueUp::Kind::commitment, limits.commitment->amount, limits.commitment->amount - (*period_spent + running)});
  return out;
}

}  // namespace tariff
