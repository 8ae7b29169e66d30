#pragma once
// The lines that bring a bill's total within its product's limits: up to the minimum of its
// cycle, down to its maximum, and, in the bill that closes a commitment period, up to the
// commitment less what the period's earlier bills came to.
#include <optional>
#include <vector>

#include "interpreter/model/charge_limits.hpp"

namespace tariff {

struct TrueUp {
  enum class Kind { minimum, maximum, commitment };
  Kind kind = Kind::minimum;
  Decimal limit;   // the rule's amount
  Decimal amount;  // added to the total: positive up to a minimum, negative down to a maximum
};

// The true-ups a bill of `total` (every charge before them) needs; `period_spent` is given when
// the bill closes the commitment period. A total exactly at a limit needs none.
std::vector<TrueUp> true_ups(const ChargeLimits& limits, const Decimal& total,
                             const std::optional<Decimal>& period_spent);

}  // namespace tariff
