#include "interpreter/model/proration.hpp"

namespace tariff {

Decimal prorate(const Decimal& amount, int days, int of, const Proration& rule) {
  if (days == of) return amount;
  // A multiple of the unit: (amount × days) / (unit × of) rounded to a whole count of units.
  Decimal units = Decimal::divide(amount * Decimal(days), rule.unit * Decimal(of), 0, rule.mode);
  return units * rule.unit;
}

}  // namespace tariff
