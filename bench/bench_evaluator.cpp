// Micro-benchmarks of the evaluator (never run in CI): pricing one meter (the batch rater's hot
// path), billing one product, and billing a whole account across every bundled product.
#include <benchmark/benchmark.h>

#include <random>

#include "interpreter/billing/bill.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/batch/rate.hpp"

namespace {

using namespace tariff;

const RuleSet& rules() {
  static const RuleSet r = [] {
    Diagnostics d;
    return load_rules({TARIFF_SOURCE_RULES_DIR}, d);
  }();
  return r;
}

// Quantities spread over the bands a usage file meets: most in the first, some in the later ones.
std::vector<Decimal> quantities(std::size_t n, long long top) {
  std::mt19937_64 rng(42);
  std::vector<Decimal> q;
  for (std::size_t i = 0; i < n; ++i)
    q.emplace_back(static_cast<long long>(1 + rng() % static_cast<unsigned long long>(top)));
  return q;
}

void BM_charge_postpaid(benchmark::State& state) {
  const Product& p = *rules().catalog.find("face_recognition");
  const Meter& m = p.meters[*p.find_meter("compare")];
  auto q = quantities(4096, 20000000);
  std::size_t i = 0;
  for (auto _ : state) {
    const Decimal& quantity = q[i++ & 4095];
    benchmark::DoNotOptimize(charge_postpaid(p, m, quantity, quantity));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_charge_postpaid);

void BM_bill_product(benchmark::State& state) {
  const Product& p = *rules().catalog.find("face_recognition");
  auto q = quantities(4096, 5000000);
  BillRequest request;
  request.usage.resize(p.meters.size());
  std::size_t i = 0;
  for (auto _ : state) {
    for (auto& u : request.usage) u = q[i++ & 4095];
    benchmark::DoNotOptimize(bill(p, request));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(p.meters.size()));
}
BENCHMARK(BM_bill_product);

// Every product of the catalog, each meter used, below any contact-sales band, in the states
// batch rating bills it in (face_fusion: licensed).
void BM_bill_account(benchmark::State& state) {
  std::vector<std::pair<const Product*, BillRequest>> bills;
  std::size_t meters = 0;
  for (const auto& p : rules().catalog.products) {
    BillRequest r;
    r.states = p->rated_states;
    for (const auto& m : p->meters) r.usage.emplace_back(m.postpaid ? 9000 : 0);
    meters += p->meters.size();
    try {
      bill(*p, r);
      bills.emplace_back(p.get(), std::move(r));
    } catch (const BillingError&) {
      // a product with no postpaid meters (SDK licences are fees): not part of this account
    }
  }
  for (auto _ : state)
    for (const auto& [p, r] : bills) benchmark::DoNotOptimize(bill(*p, r));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(meters));
  state.counters["products"] = static_cast<double>(bills.size());
}
BENCHMARK(BM_bill_account);

}  // namespace

BENCHMARK_MAIN();
