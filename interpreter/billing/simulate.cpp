#include "interpreter/billing/simulate.hpp"

#include <memory>
#include <utility>

namespace tariff {

Decimal remaining(const Ledger& ledger, std::optional<MeterIndex> meter) {
  Decimal sum;
  for (const LedgerEntry& e : ledger.entries)
    if (e.holds_calls() && (!meter || e.meter == *meter)) sum += e.remaining;
  return sum;
}

Simulation simulate(const Product& product, const Example& months, Ledger opening) {
  Simulation sim;
  sim.product = &product;
  sort_ledger(opening);
  sim.opening = opening;
  sim.flows.assign(product.meters.size(), {});
  for (const LedgerEntry& e : opening.entries)
    if (e.holds_calls()) sim.flows.at(e.meter).opening += e.remaining;
  // One settler per version met: a month settles with the version in force, against the ledger
  // the months before left, so a pack keeps the size and expiry it was bought with.
  std::vector<std::pair<const Product*, std::unique_ptr<AccountSettler>>> settlers;
  auto settler = [&](const Product* version) -> AccountSettler& {
    for (auto& [p, s] : settlers)
      if (p == version) return *s;
    return *settlers.emplace_back(version, std::make_unique<AccountSettler>(*version)).second;
  };
  Ledger ledger = std::move(opening);
  for (const ExampleMonth& m : months.months) {
    SimulatedMonth out;
    out.month = m.month;
    try {
      AccountSettler& account = settler(m.version ? m.version : &product);
      AccountMonth settled = account.settle(ledger, m.month, m.request, months.states);
      sim.total += settled.bill.total;
      for (MeterIndex i = 0; i < sim.flows.size(); ++i) {
        const LedgerFlow& f = settled.flows[i];
        sim.flows[i] += {{}, f.bought, f.included, f.granted, f.drawn, f.expired, {}};
      }
      out.settled = std::move(settled);
    } catch (const BillingError& e) {
      out.error = e;
    }
    out.ledger = ledger;
    sim.months.push_back(std::move(out));
  }
  for (const LedgerEntry& e : ledger.entries)
    if (e.holds_calls()) sim.flows.at(e.meter).closing += e.remaining;
  return sim;
}

}  // namespace tariff
