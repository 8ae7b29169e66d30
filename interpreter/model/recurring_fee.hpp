#pragma once
// A recurring fee (a platform fee of 50 USD a month): a fixed amount that every bill of the
// product includes, once per billing cycle, without being bought; optionally only for accounts in
// a state (when licensed) or not for accounts in one (unless suspended); optionally prorated by
// the days of the month the account spends in that state or out of it (model/proration.hpp).
#include <optional>
#include <string>
#include <vector>

#include "interpreter/base/source.hpp"
#include "interpreter/model/proration.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct RecurringFee {
  std::string id;
  std::vector<std::string> names;
  Decimal amount;
  std::string period;                       // the product's cycle: month, year
  std::optional<std::string> when_state;    // charged only to accounts in this state
  std::optional<std::string> unless_state;  // not charged to accounts in this state
  std::optional<Proration> prorated;        // by day: for the days in (or out of) the state
  Span span;

  const std::string& display_name() const { return names.empty() ? id : names.front(); }
};

}  // namespace tariff
