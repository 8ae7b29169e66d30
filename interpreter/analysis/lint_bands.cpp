// Two findings on one meter's bands: a unit price that rises with volume, and a band that no
// postpaid quantity reaches.
#include <fmt/format.h>

#include "interpreter/analysis/lint.hpp"
#include "interpreter/analysis/lint_support.hpp"
#include "interpreter/billing/charge.hpp"

namespace tariff {

using namespace lint_detail;

// Each band is compared with the cheapest band before it, so that 1, 1.2, 1.1 reports both 1.2
// and 1.1 against 1. Contact-sales bands have no price to compare.
void find_rising_prices(const Product& product, const Meter& meter, Diagnostics& out) {
  if (!meter.postpaid) return;
  const PostpaidPrices& prices = *meter.postpaid;
  const auto& bands = prices.schedule->bands;
  std::optional<std::size_t> cheapest;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const Price& price = prices.prices[b];
    if (!price.sold()) continue;
    if (cheapest && price.amount > prices.prices[*cheapest].amount) {
      const Price& before = prices.prices[*cheapest];
      out.warning(
          "price-rises", price.span,
          fmt::format("{}: the band {} costs {} a {}, more than the {} a {} of the earlier band {}: the unit "
                      "price rises with volume",
                      meter_label(product, meter), bands[b].text, price.amount.to_string(), meter.unit,
                      before.amount.to_string(), meter.unit, bands[*cheapest].text),
          "a larger customer pays more per " + meter.unit + "; if that is not meant, check the order of the cells",
          rule_note(before.span, "the earlier, cheaper price"));
    }
    if (!cheapest || price.amount < prices.prices[*cheapest].amount) cheapest = b;
  }
}

namespace {

// Why no postpaid quantity reaches a band, for the message.
std::string unreachable_reason(const Meter& m, const Band& band, const std::optional<FreeBefore>& free) {
  if (m.postpaid->schedule->basis == BandBasis::usage && free) {
    std::string lost = free->lost_when
                           ? fmt::format(" (only {} accounts, which lose the free quota, reach it)", *free->lost_when)
                           : "";
    return fmt::format(
        "bands count usage, and the first {} {} of a month are free, so postpaid starts at usage {}, "
        "past {}{}",
        grouped(free->quantity), units(m), grouped(free->quantity + 1), band.text, lost);
  }
  return fmt::format("bands count postpaid {}, and {} holds none above zero, which is never charged", units(m),
                     band.text);
}

}  // namespace

void find_unreachable_bands(const Product& product, const Meter& meter, Diagnostics& out) {
  if (!meter.postpaid) return;
  auto free = free_before_postpaid(product, meter);
  const auto& bands = meter.postpaid->schedule->bands;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (band_reachable(meter, b, free)) continue;
    out.warning("unreachable-band", meter.postpaid->prices[b].span,
                fmt::format("{}: no postpaid quantity reaches the band {}: {}", meter_label(product, meter),
                            bands[b].text, unreachable_reason(meter, bands[b], free)),
                "its price is never charged: drop the band, or start the table where postpaid starts",
                rule_note(bands[b].span, "the band"));
  }
}

}  // namespace tariff
