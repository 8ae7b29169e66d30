#pragma once
// What one bill is asked to settle: an account's usage of one product in one cycle, the packs it
// buys and holds, the fees it buys and the states it is in. Everything is resolved: meters, packs
// and fees are indices into the product, never names.
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

struct HeldPack {
  std::size_t meter;
  Decimal remaining;
  std::optional<Decimal> size;  // when known, alerts can tell how much of it is left
};

// A fee bought in a bill: one quantity per dimension, in the fee's order.
struct FeePurchase {
  std::size_t fee;
  std::vector<Decimal> quantities;
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
};

}  // namespace tariff
