#include "interpreter/billing/charge.hpp"

#include <fmt/format.h>

namespace tariff {

std::string meter_label(const Product& p, const Meter& m) { return fmt::format("{} {}", p.id, m.display_name()); }

void require_whole(const Product& p, const Meter& m, const Decimal& q, const char* what, bool of_units) {
  if (q.is_negative())
    throw BillingError("negative-quantity",
                       fmt::format("{}: {} cannot be negative ({})", meter_label(p, m), what, q.to_string()));
  if (!q.is_integer() && !(of_units && m.decimal))
    throw BillingError("fractional-quantity",
                       fmt::format("{}: {} must be a whole number{} ({})", meter_label(p, m), what,
                                   of_units ? " of " + m.unit + "s" : "", q.to_string()));
}

std::vector<Note> rule_note(const Span& at, std::string what) {
  if (!at.valid()) return {};
  return {{at, std::move(what)}};
}

namespace {

const Price& priced_band(const Product& p, const Meter& m, const PostpaidPrices& prices, std::size_t band,
                         const Decimal& q) {
  const Price& price = prices.prices[band];
  if (price.kind == Price::Kind::contact_sales)
    throw BillingError(
        "contact-sales",
        fmt::format("{}: {} {}s reach the band {}, which has no list price (联系商务): contact sales for a quote",
                    meter_label(p, m), q.to_string(), m.unit, prices.schedule->bands[band].text),
        "", rule_note(price.span, "the rules price this band: contact sales"));
  return price;
}

// The band holding q, or an error saying whether q is under the first band (a minimum) or over the last.
std::size_t band_of(const Product& p, const Meter& m, const BandSchedule& s, const Decimal& q) {
  if (auto band = s.find(q)) return *band;
  const Band& first = s.bands.front();
  if (!first.contains(q) && !first.below(q))
    throw BillingError("below-minimum",
                       fmt::format("{}: {} {}s is below the minimum; the first band is {}", meter_label(p, m),
                                   q.to_string(), m.unit, first.text),
                       "", rule_note(first.span, "the first band"));
  throw BillingError("above-maximum",
                     fmt::format("{}: {} {}s is beyond the last band {}", meter_label(p, m), q.to_string(), m.unit,
                                 s.bands.back().text),
                     "", rule_note(s.bands.back().span, "the last band"));
}

// What `units` cost in one band: in packages where the table bills them, plus the band's flat sum.
BandCharge band_charge(const BandSchedule& s, std::size_t band, const Price& price, const Decimal& units) {
  BandCharge c{band, units, price.amount, {}, price.flat.value_or(Decimal()), std::nullopt};
  if (s.packages) c.packages = s.packages->count(units);
  c.amount = c.flat + (c.packages ? *c.packages : units) * price.amount;
  return c;
}

}  // namespace

PostpaidCharge charge_postpaid(const Product& product, const Meter& meter, const Decimal& postpaid,
                               const Decimal& usage) {
  PostpaidCharge charge;
  if (postpaid.is_zero()) return charge;
  if (!meter.postpaid)
    throw BillingError(
        "no-postpaid",
        fmt::format("{}: {} {}s are left after free quota and packs, and the meter has no postpaid price",
                    meter_label(product, meter), postpaid.to_string(), meter.unit));
  const PostpaidPrices& prices = *meter.postpaid;
  const BandSchedule& schedule = *prices.schedule;
  const Decimal& basis = schedule.basis == BandBasis::usage ? usage : postpaid;
  std::size_t reached = band_of(product, meter, schedule, basis);
  charge.band = reached;
  charge.unit_price = priced_band(product, meter, prices, reached, basis).amount;
  if (schedule.mode == BandMode::volume) {
    if (!schedule.packages && !prices.prices[reached].flat) {  // the common case: units × price
      charge.amount = postpaid * charge.unit_price;
      return charge;
    }
    BandCharge c = band_charge(schedule, reached, prices.prices[reached], postpaid);
    charge.amount = c.amount;
    charge.flat = c.flat;
    charge.packages = c.packages;
    return charge;
  }
  // Graduated: the postpaid units are the last `postpaid` units of the basis quantity; whole units
  // are counted (k from first to last), decimal usage measured.
  Decimal first = meter.decimal ? basis - postpaid : basis - postpaid + 1;
  for (std::size_t b = 0; b <= reached; ++b) {
    const Band& band = schedule.bands[b];
    Decimal units = meter.decimal ? band.measure_within(first, basis) : band.units_within(first, basis);
    if (units.is_zero()) continue;
    charge.crossed.push_back(band_charge(schedule, b, priced_band(product, meter, prices, b, basis), units));
    charge.amount += charge.crossed.back().amount;
  }
  return charge;
}

std::vector<BandCharge> band_charges(const PostpaidCharge& charge, const Decimal& postpaid) {
  if (!charge.crossed.empty()) return charge.crossed;
  if (!charge.band) return {};
  return {{*charge.band, postpaid, charge.unit_price, charge.amount, charge.flat, charge.packages}};
}

}  // namespace tariff
