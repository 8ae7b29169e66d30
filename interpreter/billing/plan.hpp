#pragma once
// Purchase planning: for a year's volume of one meter, the cheapest set of packs that covers it
// (exact, by dynamic programming over pack counts, not greedy), the cheapest cover in a single
// pack size (the form the documents' advice takes: "buy three 1000万 packs"), and what paying
// postpaid month by month would cost for the same volume spread evenly, free quota included.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/model/product.hpp"

namespace tariff {

struct PackChoice {
  std::size_t pack;  // index into the meter's packs
  Decimal count;
};

struct PackPlan {
  std::vector<PackChoice> packs;
  Decimal covered;  // calls the packs hold
  Decimal cost;
};

struct PostpaidPlan {
  std::vector<Decimal> months;  // usage of each bill: 12 months, or one for a product billed once or yearly
  Decimal cost;
  std::string unavailable;  // why postpaid cannot price it (a contact-sales band), if so
};

// The calls a fee includes for the state the meter's packs or postpaid require (face_fusion's
// licence: a 30万 pack a year): an account that can buy either holds them, drawn first, so the
// packs need cover only the rest and the postpaid year is played against them (the fee's own
// price is the same on both sides and is not counted).
struct IncludedCalls {
  std::string fee;  // its display name
  Decimal calls;
  std::optional<int> valid_months;
};

struct Plan {
  const Product* product = nullptr;
  MeterIndex meter = 0;
  Decimal volume;
  std::optional<IncludedCalls> included;
  std::optional<PackPlan> cheapest;  // none when the meter sells no packs
  std::optional<PackPlan> one_size;
  PostpaidPlan postpaid;
  enum class Winner { packs, postpaid, tie, none } winner = Winner::none;
};

// Plans a year of `volume` units of `meter`. Throws BillingError for a volume too large to plan
// exactly (over the dynamic programme's limit) or a quantity that is not whole.
Plan plan_purchase(const Product& product, MeterIndex meter, const Decimal& volume);

}  // namespace tariff
