#pragma once
// How the payable amount of a bill is rounded (payable rounded to 0.01 half_up on total): bills
// are exact, an invoice is paid in cents. Per line, each line of the bill is rounded and the
// payable amount is their sum; on the total, the exact total is rounded once. The freeze, one
// amount, is rounded alike. A product without the rule has no payable amount apart from its total.
#include <string>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct PayableRounding {
  Decimal unit;  // more than zero (checked): 0.01, 0.05, 1
  RoundingMode mode = RoundingMode::half_up;
  bool per_line = false;

  Decimal round(const Decimal& amount) const { return amount.round_to(unit, mode); }
  // "rounded half_up to 0.01 on the total", for bills.
  std::string text() const;
  // A payable amount as an invoice writes it, with the unit's decimal places (100 → "100.00" for
  // 0.01); the integer part grouped by `separator` unless it is '\0'.
  std::string written(const Decimal& amount, char separator = '\0') const;
};

}  // namespace tariff
