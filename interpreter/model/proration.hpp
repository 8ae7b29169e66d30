#pragma once
// Proration by day (fee platform 平台费 = 50 every month when active, prorated by day rounded to
// 0.01 half_up): a recurring fee for part of a month is the fee × days in the state / days in the
// month, exact, then rounded once as the rule names. The days count inclusively: a state from the
// 15th of a 31-day month holds 17 days.
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Proration {
  Decimal unit;  // more than zero (checked): 0.01, 1
  RoundingMode mode = RoundingMode::half_up;
};

// amount × days / of, rounded to a multiple of the unit in the rule's mode; `amount` itself when
// days == of (a whole month is never rounded). Needs 0 <= days <= of, of > 0.
Decimal prorate(const Decimal& amount, int days, int of, const Proration& rule);

}  // namespace tariff
