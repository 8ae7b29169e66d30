#pragma once
// What a bill's total may come to: a minimum charge per cycle (a true-up brings a smaller bill up
// to it), a maximum (a cap), and a minimum commitment over a longer period (a year of monthly
// bills), trued up in the bill that closes the period.
#include <optional>
#include <string>

#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct ChargeLimit {
  Decimal amount;
  std::string period;  // month, year
  Span span;           // the rule, for notes
};

struct ChargeLimits {
  std::optional<ChargeLimit> minimum, maximum;  // per billing cycle
  std::optional<ChargeLimit> commitment;        // a minimum over a period longer than the cycle
};

}  // namespace tariff
