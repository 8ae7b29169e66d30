#pragma once
// A recurring free quota (免费额度): so many units each period, consumed first, which an account
// in a given state (suspended for a violation or arrears) does not get.
#include <optional>
#include <string>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct FreeQuota {
  Decimal quantity;
  std::string period;                    // "month"
  std::optional<std::string> lost_when;  // e.g. "suspended"
};

}  // namespace tariff
