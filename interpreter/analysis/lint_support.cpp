#include "interpreter/analysis/lint_support.hpp"

#include <algorithm>

#include "interpreter/billing/charge.hpp"

namespace tariff::lint_detail {

Decimal first_whole(const Band& band) {
  Decimal whole = band.lower.round(0, RoundingMode::floor);
  return band.lower_closed && whole == band.lower ? whole : whole + 1;
}

std::optional<Decimal> last_whole(const Band& band) {
  if (!band.upper) return std::nullopt;
  Decimal whole = band.upper->round(0, RoundingMode::ceiling);
  return band.upper_closed && whole == *band.upper ? whole : whole - 1;
}

std::optional<FreeBefore> free_before_postpaid(const Product& product, const Meter& meter) {
  if (!meter.free || meter.free->period != "month" || !meter.postpaid) return std::nullopt;
  const auto& order = product.settlement;
  auto free = std::find(order.begin(), order.end(), SettlementStep::free);
  auto postpaid = std::find(order.begin(), order.end(), SettlementStep::postpaid);
  if (free == order.end() || postpaid == order.end() || postpaid < free) return std::nullopt;
  if (meter.free->lost_when && meter.free->lost_when == meter.postpaid->requires_state) return std::nullopt;
  return FreeBefore{meter.free->quantity, meter.free->lost_when};
}

Decimal band_offset(const Meter& meter, const std::optional<FreeBefore>& free) {
  bool by_usage = meter.postpaid && meter.postpaid->schedule->basis == BandBasis::usage;
  return by_usage && free ? free->quantity : Decimal(0);
}

Decimal postpaid_cost(const Product& product, const Meter& meter, const Decimal& postpaid,
                      const std::optional<FreeBefore>& free) {
  Decimal usage = postpaid.is_zero() ? Decimal(0) : postpaid + (free ? free->quantity : Decimal(0));
  return charge_postpaid(product, meter, postpaid, usage).amount;
}

// Postpaid quantities of one unit or more have band quantities from 1 + offset on.
bool band_reachable(const Meter& meter, std::size_t b, const std::optional<FreeBefore>& free) {
  auto last = last_whole(meter.postpaid->schedule->bands[b]);
  return !last || *last >= band_offset(meter, free) + 1;
}

std::string grouped(const Decimal& d) { return d.to_string_grouped(','); }

std::string units(const Meter& meter) { return meter.unit + "s"; }

std::string per_unit(const Decimal& amount, const Decimal& quantity) {
  if (auto exact = Decimal::divide_exact(amount, quantity)) return exact->to_string();
  return "≈" + Decimal::divide(amount, quantity, 8, RoundingMode::half_even).normalized().to_string();
}

}  // namespace tariff::lint_detail
