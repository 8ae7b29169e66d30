#pragma once
// A fee: a charge for something other than metered calls, priced per unit of one or more
// dimensions (技术授权费 20000 per activity per year; 升级QPS 1050 per activity per day per
// 50 qps), with limits on what can be bought and what buying it brings along.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct FeeDimension {
  std::string name;                      // activity, year, day, qps
  Decimal per = 1;                       // "per 50 qps": sold in units of 50
  std::optional<Decimal> from, to;       // the quantities that may be bought (day from 1 to 30)
  std::optional<Decimal> step;           // bought in multiples of (qps step 50)
  std::optional<Decimal> up_to;          // the most sold online (qps up to 250)
  bool beyond_is_contact_sales = false;  // above up_to: contact sales, not an input error

  Decimal default_quantity() const { return from ? *from : step ? *step : per; }
};

struct IncludedPack {
  std::size_t meter;
  Decimal size;  // per unit of the fee: one 30万 pack per licensed activity-year
  std::string size_text;
  std::optional<int> valid_months;  // from the month the fee is bought; none: never expires
};

struct Fee {
  std::string id;
  std::vector<std::string> names;
  Decimal price;
  std::vector<FeeDimension> dimensions;
  std::vector<IncludedPack> includes;
  std::optional<std::string> grants_state;    // buying it puts the account in this state (licensed)
  std::optional<std::string> requires_state;  // only accounts in this state may buy it
  std::vector<std::string> notes;
  Span span;  // its definition in the rule file

  const std::string& display_name() const { return names.empty() ? id : names.front(); }
};

// price × Π quantity/per. Throws BillingError (billing_error.hpp) for a quantity outside the fee's limits:
// code "fee-limit", or "contact-sales" above a limit that says so.
Decimal fee_amount(const std::string& product_id, const Fee& fee, const std::vector<Decimal>& quantities);

// How many units of the fee the quantities buy (Π quantity/per): the count of included packs.
// Throws as fee_amount does for a quantity outside the fee's limits.
Decimal fee_units(const std::string& product_id, const Fee& fee, const std::vector<Decimal>& quantities);

}  // namespace tariff
