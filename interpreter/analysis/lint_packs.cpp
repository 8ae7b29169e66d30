// Two findings on one meter's packs: a pack never cheaper than postpaid for its own calls, and a
// larger pack dearer per call than a smaller one.
#include <fmt/format.h>

#include "interpreter/analysis/lint.hpp"
#include "interpreter/analysis/lint_support.hpp"
#include "interpreter/billing/charge.hpp"

namespace tariff {

using namespace lint_detail;

namespace {

// A meter's prices rise from one band to a later one.
bool prices_rise(const PostpaidPrices& prices) {
  std::optional<Decimal> lowest;
  for (const Price& price : prices.prices) {
    if (!price.sold()) continue;
    if (lowest && price.amount > *lowest) return true;
    if (!lowest || price.amount < *lowest) lowest = price.amount;
  }
  return false;
}

// The band with the highest list price that some account's postpaid quantity reaches.
std::optional<std::size_t> dearest_band(const Product& product, const Meter& meter) {
  // An account that loses the quota (suspended) reaches every band the quota would cover.
  auto free = free_before_postpaid(product, meter);
  bool always = free && !free->lost_when;
  const PostpaidPrices& prices = *meter.postpaid;
  std::optional<std::size_t> dearest;
  for (std::size_t b = 0; b < prices.prices.size(); ++b)
    if (prices.prices[b].sold() && band_reachable(meter, b, always ? free : std::nullopt) &&
        (!dearest || prices.prices[b].amount > prices.prices[*dearest].amount))
      dearest = b;
  return dearest;
}

}  // namespace

// A month's use of d calls of a pack saves at most the postpaid price of those d calls, each at
// most the dearest reachable band's price (volume banding by usage keeps the band; by postpaid
// quantity a smaller remainder only reaches a dearer band when prices fall with volume; graduated
// bills the last d calls each in its own band). So a pack priced at least S × that price saves
// nothing over all its S calls, however they are spread over months.
void find_packs_never_cheaper(const Product& product, const Meter& meter, Diagnostics& out) {
  if (!meter.postpaid || meter.packs.empty()) return;
  const PostpaidPrices& prices = *meter.postpaid;
  const BandSchedule& schedule = *prices.schedule;
  if (schedule.mode == BandMode::volume && schedule.basis == BandBasis::postpaid_quantity && prices_rise(prices))
    return;
  auto dearest = dearest_band(product, meter);
  if (!dearest) return;
  const Price& top = prices.prices[*dearest];
  for (const Pack& pack : meter.packs) {
    if (!pack.price.sold()) continue;
    Decimal most = pack.size * top.amount;
    if (pack.price.amount < most) continue;
    out.warning("pack-never-cheaper", pack.price.span,
                fmt::format("{}: the {} pack costs {}, and {} postpaid {} never cost more than {} (at most {} a {}, "
                            "in the band {}): the pack is never cheaper than postpaid for its own {}",
                            meter_label(product, meter), pack.size_text, grouped(pack.price.amount), grouped(pack.size),
                            units(meter), grouped(most), top.amount.to_string(), meter.unit,
                            schedule.bands[*dearest].text, units(meter)),
                fmt::format("no month's use of the pack saves more than its {} at the dearest postpaid price; "
                            "priced below {} it can pay off",
                            units(meter), grouped(most)),
                rule_note(top.span, "the dearest postpaid price"));
  }
}

// Each pack against the smaller pack that is cheapest per call: warned when it costs more per call.
void find_dearer_larger_packs(const Product& product, const Meter& meter, Diagnostics& out) {
  const Pack* cheapest = nullptr;         // per call, among the smaller packs sold
  for (const Pack& pack : meter.packs) {  // by size, ascending
    if (!pack.price.sold() || pack.size.is_zero()) continue;
    if (cheapest && cheapest->size < pack.size &&
        pack.price.amount * cheapest->size > cheapest->price.amount * pack.size) {
      Decimal count = Decimal::divide(pack.size, cheapest->size, 0, RoundingMode::ceiling);
      out.warning("larger-pack-dearer", pack.price.span,
                  fmt::format("{}: the {} pack costs {} a {} ({} for {}), more than the {} pack's {} a {}",
                              meter_label(product, meter), pack.size_text, per_unit(pack.price.amount, pack.size),
                              meter.unit, grouped(pack.price.amount), grouped(pack.size), cheapest->size_text,
                              per_unit(cheapest->price.amount, cheapest->size), meter.unit),
                  fmt::format("{} × {} packs hold {} {} for {}", count.to_string(), cheapest->size_text,
                              grouped(count * cheapest->size), units(meter), grouped(count * cheapest->price.amount)),
                  rule_note(cheapest->price.span, fmt::format("the {} pack's price", cheapest->size_text)));
    }
    if (!cheapest || pack.price.amount * cheapest->size < cheapest->price.amount * pack.size) cheapest = &pack;
  }
}

}  // namespace tariff
