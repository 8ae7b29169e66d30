#pragma once
// What one bill is asked to settle: an account's usage of one product in one cycle, the packs it
// buys and holds, the fees it buys and the states it is in. Everything is resolved: meters, packs
// and fees are indices into the product, never names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"

namespace tariff {

// Packs in a bill: bought in the scenario (their price is part of the total), or already held.
struct PackPurchase {
  std::size_t meter;
  std::size_t pack;  // index into the meter's packs
  Decimal count;
};

// A pack the account already holds. Its months, when known (from a ledger), order the draw:
// earliest expiry first, then earliest bought (model/settlement.hpp's PackOrder).
struct HeldPack {
  std::size_t meter;
  Decimal remaining;
  std::optional<Decimal> size;  // when known, alerts can tell how much of it is left
  std::optional<int> bought, expires;
};

// What is left of a grant, or of a free quota that does not renew each month (per year, per
// activity), as an account's ledger knows it: the step draws from it instead of the rule's quantity.
struct Balance {
  std::size_t meter;
  Decimal remaining;
};

// A fee bought in a bill: one quantity per dimension, in the fee's order.
struct FeePurchase {
  std::size_t fee;
  std::vector<Decimal> quantities;
};

// The days of the billed month each of the account's states covers (a state that began on the
// 15th), for the fees prorated by day: one bit per day, bit 0 the 1st.
struct StateDays {
  std::string state;
  std::uint32_t days = 0;
};
struct MonthDays {
  int length = 0;  // the month's days, 28 to 31
  std::vector<StateDays> states;
};

struct BillRequest {
  std::vector<Decimal> usage;  // per meter, indexed like Product::meters (missing: zero)
  std::vector<PackPurchase> buys;
  std::vector<HeldPack> held;
  std::vector<FeePurchase> fees;
  std::vector<std::string> states;  // trial, suspended, licensed, ...
  // Months since a one-time grant (the trial) was activated; a grant older than its validity has
  // expired. Unknown: the grant is taken to be valid.
  std::optional<int> grant_age_months;
  // From an account's ledger (billing/ledger.hpp): present, the grant and the free quotas that do
  // not renew each month are drawn from these balances (a meter without one has none left);
  // absent, a bill stands alone and they are whole.
  std::optional<std::vector<Balance>> grants_left, free_left;
  // Present, the bill closes the period of the product's minimum commitment, after this much was
  // billed earlier in the period: a shortfall is trued up. Absent, the period goes on.
  std::optional<Decimal> period_spent;
  // Present, the days of the month the states cover (from dated state periods); absent, each
  // state in `states` holds the whole month.
  std::optional<MonthDays> days;
};

}  // namespace tariff
