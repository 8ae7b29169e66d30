// Micro-benchmarks of Decimal (never run in CI): the operations billing repeats per usage row.
// Inputs cycle through 4096 values so that neither the branch predictor nor the optimiser sees a
// constant; each benchmark reports ns per operation.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"

namespace {

using tariff::Decimal;

constexpr std::size_t count = 4096;  // a power of two: the index wraps with a mask

Decimal parsed(const std::string& text) { return *Decimal::parse(text); }

// Quantities as a usage file has them: whole units, some with a few decimals.
std::vector<Decimal> quantities(int max_places) {
  std::mt19937_64 rng(42);
  std::vector<Decimal> q;
  for (std::size_t i = 0; i < count; ++i) {
    const int places = static_cast<int>(rng() % static_cast<unsigned>(max_places + 1));
    q.push_back(Decimal::from_parts(static_cast<long long>(1 + rng() % 20000000), places));
  }
  return q;
}

// total += price * quantity, as a band's charge is computed.
void BM_decimal_multiply_add(benchmark::State& state) {
  const std::vector<Decimal> q = quantities(0);
  const Decimal price = parsed("0.0032");
  Decimal total;
  std::size_t i = 0;
  for (auto _ : state) {
    total += price * q[i++ & (count - 1)];
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_multiply_add);

// Sums of values with scales 0..4: aligning scales is part of the cost.
void BM_decimal_add_mixed_scales(benchmark::State& state) {
  const std::vector<Decimal> q = quantities(4);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(q[i & (count - 1)] + q[(i + 1) & (count - 1)]);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_add_mixed_scales);

// Band lookups compare a quantity with the band bounds, usually of another scale.
void BM_decimal_compare(benchmark::State& state) {
  const std::vector<Decimal> q = quantities(4);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(q[i & (count - 1)] < q[(i + 1) & (count - 1)]);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_compare);

// A quantity cell of a usage file.
void BM_decimal_parse(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const Decimal& d : quantities(3)) texts.push_back(d.to_string());
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Decimal::parse(texts[i++ & (count - 1)]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_parse);

// An amount of an output row.
void BM_decimal_to_string(benchmark::State& state) {
  const std::vector<Decimal> q = quantities(4);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(q[i++ & (count - 1)].to_string());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_to_string);

}  // namespace
