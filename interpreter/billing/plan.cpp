#include "interpreter/billing/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "interpreter/billing/account.hpp"
#include "interpreter/billing/bill.hpp"

namespace tariff {

namespace {

// The exact programme works in units of the gcd of the pack sizes and keeps a cost per unit count
// (about 60 bytes each); past this many units it would take too long and too much memory (over
// 100 MB), and says so instead of guessing. Every documented volume is far below it (faceid's
// 30万 is 3,000 units of 100; face_recognition's 3000万 is 30 units of 100万). Its time is units ×
// pack sizes, bounded too (a rule file with thousands of pack sizes).
constexpr long long max_units = 2'000'000;
constexpr long long max_steps = 40'000'000;

struct SoldPack {
  std::size_t index;
  Decimal size, price;
  long long units = 0;  // in the programme's unit
};

PackPlan make_plan(const Meter& m, std::vector<PackChoice> choices) {
  PackPlan plan{std::move(choices), {}, {}};
  for (const auto& c : plan.packs) {
    plan.covered += m.packs[c.pack].size * c.count;
    plan.cost += m.packs[c.pack].price.amount * c.count;
  }
  return plan;
}

[[noreturn]] void too_large(const Product& p, const Meter& m, const Decimal& volume) {
  throw BillingError("plan-too-large", fmt::format("{} {}: {} calls is too large a volume to plan exactly", p.id,
                                                   m.display_name(), volume.to_string()));
}

// Unbounded knapsack over the packs smaller than the volume, in units of their gcd: the cheapest
// multiset holding at least `volume` calls. `small` holds sizes in calls; none when empty.
std::optional<PackPlan> cheapest_small_cover(const Product& p, const Meter& m, const Decimal& volume,
                                             std::vector<SoldPack> small) {
  if (small.empty()) return std::nullopt;
  // Each small pack is below the volume, so sizes fit when the volume does (2^62: no overflow).
  if (volume > Decimal(1LL << 62)) too_large(p, m, volume);
  long long unit = 0;
  for (auto& s : small) unit = std::gcd(unit, s.units = *s.size.to_int64());
  for (auto& s : small) s.units /= unit;
  long long volume_units = *Decimal::divide(volume, unit, 0, RoundingMode::ceiling).to_int64();
  long long largest = 0;
  for (const auto& s : small) largest = std::max(largest, s.units);
  long long limit = volume_units + largest;  // covering beyond this never helps
  if (limit > max_units || limit * static_cast<long long>(small.size()) > max_steps) too_large(p, m, volume);
  std::vector<std::optional<Decimal>> cost(static_cast<std::size_t>(limit) + 1);
  std::vector<int> last(static_cast<std::size_t>(limit) + 1, -1);
  cost[0] = Decimal(0);
  for (long long q = 1; q <= limit; ++q)
    for (std::size_t i = 0; i < small.size(); ++i) {
      if (small[i].units > q || !cost[q - small[i].units]) continue;
      Decimal c = *cost[q - small[i].units] + small[i].price;
      if (!cost[q] || c < *cost[q]) cost[q] = c, last[q] = static_cast<int>(i);
    }
  long long best = -1;
  for (long long q = volume_units; q <= limit; ++q)
    if (cost[q] && (best < 0 || *cost[q] < *cost[best])) best = q;
  if (best < 0) return std::nullopt;
  std::vector<long long> counts(small.size(), 0);
  for (long long q = best; q > 0; q -= small[last[q]].units) ++counts[last[q]];
  std::vector<PackChoice> choices;
  for (std::size_t i = small.size(); i-- > 0;)
    if (counts[i] > 0) choices.push_back({small[i].index, Decimal(counts[i])});
  return make_plan(m, std::move(choices));
}

// The cheapest cover: a pack at least as large as the volume covers it alone, and a cover that
// holds one needs no other pack, so such packs are candidates one by one; the others go through
// the exact programme. Sizes are compared as decimals, however large.
PackPlan cheapest_cover(const Product& p, const Meter& m, const Decimal& volume) {
  std::optional<PackPlan> best;
  std::vector<SoldPack> small;
  for (std::size_t i = 0; i < m.packs.size(); ++i) {
    const Pack& pack = m.packs[i];
    if (!pack.price.sold()) continue;
    if (pack.size >= volume) {
      PackPlan alone = make_plan(m, {{i, Decimal(1)}});
      if (!best || alone.cost < best->cost) best = std::move(alone);
    } else {
      small.push_back({i, pack.size, pack.price.amount});
    }
  }
  if (auto mix = cheapest_small_cover(p, m, volume, std::move(small)); mix && (!best || mix->cost <= best->cost))
    best = std::move(mix);
  return *best;
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

// The state the meter's postpaid (or else its packs) require, if any.
std::optional<std::string> required_state(const Meter& m) {
  if (m.postpaid && m.postpaid->requires_state) return m.postpaid->requires_state;
  for (const Pack& pack : m.packs)
    if (pack.terms && pack.terms->requires_state) return pack.terms->requires_state;
  return std::nullopt;
}

// What the fee that grants that state includes of this meter, per unit of the fee.
std::optional<IncludedCalls> included_calls(const Product& p, MeterIndex meter) {
  auto state = required_state(p.meters[meter]);
  if (!state) return std::nullopt;
  for (const Fee& fee : p.fees) {
    if (fee.grants_state != state) continue;
    IncludedCalls out{fee.display_name(), Decimal(), std::nullopt};
    for (const IncludedPack& inc : fee.includes)
      if (inc.meter == meter) out.calls += inc.size, out.valid_months = inc.valid_months;
    if (!out.calls.is_zero()) return out;
  }
  return std::nullopt;
}

// Twelve bills of the volume spread evenly: the first (volume mod 12) months take one call more.
// A product billed once (a licence) or yearly is one bill of the whole volume. The months are
// played in order against a ledger (billing/account.hpp) holding the calls a fee includes, so
// they are drawn first, and expire as their validity says.
PostpaidPlan postpaid_by_month(const Product& p, MeterIndex meter, const Decimal& volume,
                               const std::optional<IncludedCalls>& included) {
  PostpaidPlan plan;
  int bills = p.cycle == "month" ? 12 : 1;
  Decimal base = Decimal::divide(volume, bills, 0, RoundingMode::floor);
  Decimal extra = volume - base * bills;
  constexpr int first_month = 2026 * 12;  // any year: only the order of the months matters
  Ledger ledger;
  if (included)
    ledger.entries.push_back({LedgerEntry::Kind::included, meter, included->calls, included->calls.to_string(),
                              first_month,
                              included->valid_months ? std::optional(first_month + *included->valid_months)
                                                     : std::nullopt,
                              included->calls, included->fee});
  AccountSettler settler(p);
  try {
    for (int month = 0; month < bills; ++month) {
      BillRequest r;
      r.usage.resize(p.meters.size());
      // Postpaid for some accounts only (face_fusion: licensed) is planned for such an account.
      if (auto state = required_state(p.meters[meter])) r.states = {*state};
      r.usage[meter] = base + (Decimal(month) < extra ? 1 : 0);
      plan.months.push_back(r.usage[meter]);
      plan.cost += settler.settle(ledger, first_month + month, r, {}).bill.total;
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
  Plan plan{&product, meter, volume, included_calls(product, meter), {}, {}, {}, Plan::Winner::none};
  bool sells = std::any_of(m.packs.begin(), m.packs.end(), [](const Pack& p) { return p.price.sold(); });
  Decimal to_cover = plan.included ? volume - plan.included->calls : volume;
  if (sells && (to_cover.is_negative() || to_cover.is_zero())) {
    plan.cheapest = plan.one_size = PackPlan{};  // what the fee includes covers the year
  } else if (sells) {
    plan.cheapest = cheapest_cover(product, m, to_cover);
    plan.one_size = cheapest_one_size(m, to_cover);
  }
  plan.postpaid = postpaid_by_month(product, meter, volume, plan.included);
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
