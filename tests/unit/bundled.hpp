#pragma once
// Helpers for unit tests of the bundled rule files: each product loaded once from rules/, and
// requests built by meter, pack and fee name, as a user of `tariff bill` would name them.
#include <map>
#include <string>
#include <string_view>

#include "interpreter/billing/bill.hpp"
#include "support.hpp"

namespace tariff::test {

// The product `id` of rules/<id>.tariff, loaded (with the prelude) once and kept for the run.
inline const Product& bundled(const std::string& id) {
  static std::map<std::string, RuleSet> loaded;
  auto it = loaded.find(id);
  if (it == loaded.end()) {
    Diagnostics d;
    RuleSet rules = load_rules({std::string(TARIFF_RULES_DIR) + "/" + id + ".tariff"}, d);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(d.empty());
    it = loaded.emplace(id, std::move(rules)).first;
  }
  const Product* p = it->second.catalog.find(id);
  REQUIRE(p);
  return *p;
}

inline MeterIndex meter_of(const Product& p, std::string_view name) {
  auto m = p.find_meter(name);
  if (!m) FAIL("no meter " << name << " in " << p.id);
  return *m;
}

inline std::size_t pack_of(const Product& p, MeterIndex m, const Decimal& size) {
  const auto& packs = p.meters[m].packs;
  for (std::size_t i = 0; i < packs.size(); ++i)
    if (packs[i].size == size) return i;
  FAIL("no pack of size " << size.to_string() << " in " << p.id);
  return 0;
}

// A request with `quantity` units of one meter of p.
inline BillRequest usage_of(const Product& p, std::string_view name, const Decimal& quantity) {
  BillRequest r;
  r.usage.resize(p.meters.size());
  r.usage[meter_of(p, name)] = quantity;
  return r;
}

inline void buy_pack(BillRequest& r, const Product& p, std::string_view name, const Decimal& size,
                     const Decimal& count = 1) {
  MeterIndex m = meter_of(p, name);
  r.buys.push_back({m, pack_of(p, m, size), count});
}

// Buys fee `name` with its dimensions given by name; those not given take their default, as the CLI does.
inline void buy_fee(BillRequest& r, const Product& p, std::string_view name,
                    const std::map<std::string, Decimal>& quantities = {}) {
  auto index = p.find_fee(name);
  if (!index) FAIL("no fee " << name << " in " << p.id);
  const Fee& fee = p.fees[*index];
  FeePurchase purchase{*index, {}};
  for (const auto& d : fee.dimensions) {
    auto q = quantities.find(d.name);
    purchase.quantities.push_back(q == quantities.end() ? d.default_quantity() : q->second);
  }
  r.fees.push_back(std::move(purchase));
}

// The code of the BillingError that billing r throws, or "" when it bills. The message is kept
// in `message` when asked for.
inline std::string billing_error(const Product& p, const BillRequest& r, std::string* message = nullptr) {
  try {
    bill(p, r);
  } catch (const BillingError& e) {
    UNSCOPED_INFO(e.what());
    if (message) *message = e.what();
    return e.code;
  }
  return "";
}

}  // namespace tariff::test
