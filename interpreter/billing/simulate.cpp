#include "interpreter/billing/simulate.hpp"

namespace tariff {

Decimal remaining(const Ledger& ledger, std::optional<MeterIndex> meter) {
  Decimal sum;
  for (const LedgerEntry& e : ledger.entries)
    if (!meter || e.meter == *meter) sum += e.remaining;
  return sum;
}

Simulation simulate(const Product& product, const Example& months, Ledger opening) {
  Simulation sim;
  sim.product = &product;
  sort_ledger(opening);
  sim.opening = opening;
  sim.flows.assign(product.meters.size(), {});
  for (const LedgerEntry& e : opening.entries) sim.flows.at(e.meter).opening += e.remaining;
  AccountSettler account(product);
  Ledger ledger = std::move(opening);
  for (const ExampleMonth& m : months.months) {
    SimulatedMonth out;
    out.month = m.month;
    try {
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
  for (const LedgerEntry& e : ledger.entries) sim.flows.at(e.meter).closing += e.remaining;
  return sim;
}

}  // namespace tariff
