#include "interpreter/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "interpreter/bill.hpp"

namespace tariff {

namespace {

// The exact programme works in units of the gcd of the pack sizes and keeps a cost per unit count
// (about 60 bytes each); past this many units it would take too long and too much memory (over
// 100 MB), and says so instead of guessing. Every documented volume is far below it (faceid's
// 30万 is 3,000 units of 100; face_recognition's 3000万 is 30 units of 100万).
constexpr long long max_units = 2'000'000;

struct SoldPack {
  std::size_t index;
  long long units;
  Decimal price;
};

std::vector<SoldPack> sold_packs(const Meter& m, long long& unit) {
  std::vector<SoldPack> sold;
  unit = 0;
  for (std::size_t i = 0; i < m.packs.size(); ++i) {
    if (!m.packs[i].price.sold()) continue;
    long long size = m.packs[i].size.to_int64().value_or(0);
    if (size <= 0) continue;
    unit = std::gcd(unit, size);
    sold.push_back({i, size, m.packs[i].price.amount});
  }
  for (auto& p : sold) p.units /= unit;
  return sold;
}

PackPlan make_plan(const Meter& m, std::vector<PackChoice> choices) {
  PackPlan plan{std::move(choices), {}, {}};
  for (const auto& c : plan.packs) {
    plan.covered += m.packs[c.pack].size * c.count;
    plan.cost += m.packs[c.pack].price.amount * c.count;
  }
  return plan;
}

// Unbounded knapsack: the cheapest multiset of packs holding at least `volume` calls.
PackPlan cheapest_cover(const Product& p, const Meter& m, const Decimal& volume) {
  long long unit = 0;
  auto sold = sold_packs(m, unit);
  long long volume_units = *Decimal::divide(volume, unit, 0, RoundingMode::ceiling).to_int64();
  long long largest = 0;
  for (const auto& s : sold) largest = std::max(largest, s.units);
  long long limit = volume_units + largest;  // covering beyond this never helps
  if (limit > max_units)
    throw BillingError("plan-too-large", fmt::format("{} {}: {} calls is too large a volume to plan exactly", p.id,
                                                     m.display_name(), volume.to_string()));
  std::vector<std::optional<Decimal>> cost(limit + 1);
  std::vector<int> last(limit + 1, -1);
  cost[0] = Decimal(0);
  for (long long q = 1; q <= limit; ++q)
    for (std::size_t i = 0; i < sold.size(); ++i) {
      if (sold[i].units > q || !cost[q - sold[i].units]) continue;
      Decimal c = *cost[q - sold[i].units] + sold[i].price;
      if (!cost[q] || c < *cost[q]) cost[q] = c, last[q] = static_cast<int>(i);
    }
  long long best = -1;
  for (long long q = volume_units; q <= limit; ++q)
    if (cost[q] && (best < 0 || *cost[q] < *cost[best])) best = q;
  std::vector<long long> counts(sold.size(), 0);
  for (long long q = best; q > 0; q -= sold[last[q]].units) ++counts[last[q]];
  std::vector<PackChoice> choices;
  for (std::size_t i = sold.size(); i-- > 0;)
    if (counts[i] > 0) choices.push_back({sold[i].index, Decimal(counts[i])});
  return make_plan(m, std::move(choices));
}

PackPlan cheapest_one_size(const Meter& m, const Decimal& volume) {
  std::optional<PackPlan> best;
  for (std::size_t i = 0; i < m.packs.size(); ++i) {
    if (!m.packs[i].price.sold()) continue;
    Decimal count = Decimal::divide(volume, m.packs[i].size, 0, RoundingMode::ceiling);
    PackPlan plan = make_plan(m, {{i, count}});
    if (!best || plan.cost < best->cost) best = std::move(plan);
  }
  return *best;
}

// Twelve bills of the volume spread evenly: the first (volume mod 12) months take one call more.
PostpaidPlan postpaid_by_month(const Product& p, MeterIndex meter, const Decimal& volume) {
  PostpaidPlan plan;
  Decimal base = Decimal::divide(volume, 12, 0, RoundingMode::floor);
  Decimal extra = volume - base * 12;
  try {
    for (int month = 0; month < 12; ++month) {
      BillRequest r;
      r.usage.resize(p.meters.size());
      // Postpaid for some accounts only (face_fusion: licensed) is planned for such an account.
      if (const auto& prices = p.meters[meter].postpaid; prices && prices->requires_state)
        r.states = {*prices->requires_state};
      r.usage[meter] = base + (Decimal(month) < extra ? 1 : 0);
      plan.months.push_back(r.usage[meter]);
      plan.cost += bill(p, r).total;
    }
  } catch (const BillingError& e) {
    plan.unavailable = e.what();
  }
  return plan;
}

}  // namespace

Plan plan_purchase(const Product& product, MeterIndex meter, const Decimal& volume) {
  const Meter& m = product.meters.at(meter);
  if (volume.is_negative() || !volume.is_integer() || volume.is_zero())
    throw BillingError("plan-volume", fmt::format("{} {}: plan a whole, positive number of {}s, not {}", product.id,
                                                  m.display_name(), m.unit, volume.to_string()));
  Plan plan{&product, meter, volume, {}, {}, {}, Plan::Winner::none};
  bool sells = std::any_of(m.packs.begin(), m.packs.end(), [](const Pack& p) { return p.price.sold(); });
  if (sells) {
    plan.cheapest = cheapest_cover(product, m, volume);
    plan.one_size = cheapest_one_size(m, volume);
  }
  plan.postpaid = postpaid_by_month(product, meter, volume);
  bool postpaid_ok = plan.postpaid.unavailable.empty() && m.postpaid;
  if (plan.cheapest && postpaid_ok)
    plan.winner = plan.cheapest->cost < plan.postpaid.cost   ? Plan::Winner::packs
                  : plan.postpaid.cost < plan.cheapest->cost ? Plan::Winner::postpaid
                                                             : Plan::Winner::tie;
  else if (plan.cheapest)
    plan.winner = Plan::Winner::packs;
  else if (postpaid_ok)
    plan.winner = Plan::Winner::postpaid;
  return plan;
}

}  // namespace tariff
