#pragma once
// A one-time grant (赠送的资源包), e.g. a trial: so many units, valid for a time from activation,
// applied only when the bill says the account is in the grant's state.
#include <string>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Grant {
  Decimal quantity;
  int valid_months = 12;
  std::string when_state;  // e.g. "trial"
};

}  // namespace tariff
