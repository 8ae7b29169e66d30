#pragma once
// Package pricing: units billed in whole packages of a size (packages of 100 GB rounded up), the
// prices of the table per package. 250 GB in packages of 100 is 3 packages rounded up, 2 down.
#include <string>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Packaging {
  Decimal size;             // more than zero (checked)
  bool round_down = false;  // a part package is billed whole (up) or not at all (down)
  std::string unit;         // the unit word the rule file writes (GB), or empty

  // How many packages `units` come to: a whole number.
  Decimal count(const Decimal& units) const {
    return Decimal::divide(units, size, 0, round_down ? RoundingMode::down : RoundingMode::up);
  }
};

}  // namespace tariff
