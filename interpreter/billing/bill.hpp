#pragma once
// The billing engine: one account's usage of one product for one billing cycle, settled step by
// step in the product's settlement order, priced exactly, never rounded.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/model/bill_request.hpp"
#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

struct PackDraw {
  bool bought = false;
  std::string size_text;            // "5000万", or "held" when the held pack's size is unknown
  std::optional<Decimal> capacity;  // size × count, when known
  Decimal available;                // before this bill
  Decimal drawn;
  Decimal remaining() const { return available - drawn; }
};

// What one band charged: `quantity` units at `unit_price`.
struct BandCharge {
  std::size_t band = 0;
  Decimal quantity, unit_price, amount;
};

struct PostpaidCharge {
  std::optional<std::size_t> band;  // the band reached; none for a zero quantity
  Decimal unit_price;               // of the band reached
  Decimal amount;
  // Graduated pricing: each band the units crossed, lowest first (empty in volume mode, where
  // every unit is at the price of the band reached: no allocation on the rating path).
  std::vector<BandCharge> crossed;
};

// What each band charged for `postpaid` units: the crossed bands of a graduated charge, or the
// one band reached in volume mode; empty when nothing was charged.
std::vector<BandCharge> band_charges(const PostpaidCharge& charge, const Decimal& postpaid);

struct BillLine {
  MeterIndex meter = 0;
  Decimal usage, free, grant;
  std::vector<PackDraw> packs;
  Decimal postpaid;
  PostpaidCharge charge;
};

struct PurchaseLine {
  MeterIndex meter = 0;
  std::string size_text;
  Decimal size, count, unit_price, amount;
};

struct FeeLine {
  std::size_t fee = 0;
  std::vector<Decimal> quantities;  // per dimension of the fee
  Decimal amount;
};

struct Bill {
  const Product* product = nullptr;
  std::vector<BillLine> lines;
  std::vector<PurchaseLine> purchases;
  std::vector<FeeLine> fees;
  Decimal total;
  std::optional<Decimal> freeze;     // next month's pre-authorization freeze
  std::vector<std::string> alerts;   // packs under the alert threshold or used up
  std::vector<std::string> notices;  // notices whose threshold the total crosses
  std::vector<std::string> notes;    // how the bill was settled where it is not obvious (an expired grant)
};

// Bills one cycle. Throws BillingError for usage the rules cannot price.
Bill bill(const Product& product, const BillRequest& request);

// One meter's month settled step by step in the product's order: free quota, grant, packs (drawn
// in place from `packs`, held ones first), postpaid. The core of bill() and of batch rating, which
// calls it with no packs: no allocation, no lookup by name. `grant_valid` is false for an expired
// grant. Throws BillingError for what the rules cannot settle or price.
struct MeterSettlement {
  Decimal free, grant, postpaid;
  PostpaidCharge charge;
};
MeterSettlement settle_meter(const Product& product, const Meter& meter, const Decimal& usage,
                             const std::vector<std::string>& states, std::vector<PackDraw>* packs, bool grant_valid);

// Prices `postpaid` units of a meter whose month's usage is `usage` (the band basis may be
// either). The hot path of batch rating: no allocation, no lookup by name.
PostpaidCharge charge_postpaid(const Product& product, const Meter& meter, const Decimal& postpaid,
                               const Decimal& usage);

}  // namespace tariff
