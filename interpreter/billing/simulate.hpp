#pragma once
// Playing an account through months: an example that spans months, or a scenario, settled month
// after month against the ledger each month leaves (billing/account.hpp). A month that cannot be
// billed is recorded with its error, and the months after it go on from the ledger before it.
#include <optional>
#include <vector>

#include "interpreter/billing/account.hpp"
#include "interpreter/model/example.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

struct SimulatedMonth {
  int month = 0;
  std::optional<AccountMonth> settled;  // absent when the month could not be billed
  std::optional<BillingError> error;
  Ledger ledger;  // as the month left it
};

struct Simulation {
  const Product* product = nullptr;
  Ledger opening;
  std::vector<SimulatedMonth> months;
  Decimal total;                  // the bills' totals, summed
  std::vector<LedgerFlow> flows;  // per meter, over the whole period

  const Ledger& closing() const { return months.empty() ? opening : months.back().ledger; }
};

// Throws ConservationError (a bug) only; billing errors stay in their month.
Simulation simulate(const Product& product, const Example& months, Ledger opening = {});

// Calls left in `ledger` for a meter (or every meter): packs, grants and free balances.
Decimal remaining(const Ledger& ledger, std::optional<MeterIndex> meter);

}  // namespace tariff
