#include "interpreter/model/fee.hpp"

#include <fmt/format.h>

#include "interpreter/model/billing_error.hpp"

namespace tariff {

namespace {

// Every limit error points at the fee's definition, where its limits are written.
[[noreturn]] void refuse(const Fee& fee, const char* code, std::string message) {
  std::vector<Note> notes;
  if (fee.span.valid()) notes.push_back({fee.span, "the fee's limits"});
  throw BillingError(code, message, "", std::move(notes));
}

void check_limits(const std::string& product_id, const Fee& fee, const FeeDimension& d, const Decimal& q) {
  auto what = [&] { return fmt::format("{} {}: {} {}", product_id, fee.display_name(), q.to_string(), d.name); };
  if (q.is_negative() || !q.is_integer())
    refuse(fee, "fee-limit", fmt::format("{} must be a whole, non-negative number", what()));
  if (d.up_to && q > *d.up_to) {
    if (d.beyond_is_contact_sales)
      refuse(fee, "contact-sales", fmt::format("{} is more than the {} sold online: contact sales (联系商务)",
                                                      what(), d.up_to->to_string()));
    refuse(fee, "fee-limit", fmt::format("{} is more than the most sold, {}", what(), d.up_to->to_string()));
  }
  if ((d.from && q < *d.from) || (d.to && q > *d.to))
    refuse(fee, "fee-limit", fmt::format("{} is outside {} to {}", what(), d.from ? d.from->to_string() : "0",
                                                d.to ? d.to->to_string() : "∞"));
  for (const Decimal* unit : {d.step ? &*d.step : nullptr, &d.per}) {
    if (!unit || unit->is_zero()) continue;
    auto units = Decimal::divide_exact(q, *unit);
    if (!units || !units->is_integer())
      refuse(fee, "fee-limit", fmt::format("{} is not a multiple of {}: {} is sold in units of {}", what(),
                                                  unit->to_string(), d.name, unit->to_string()));
  }
}

}  // namespace

Decimal fee_units(const std::string& product_id, const Fee& fee, const std::vector<Decimal>& quantities) {
  Decimal units = 1;
  for (std::size_t i = 0; i < fee.dimensions.size(); ++i) {
    // The limits first: they make each quantity a whole multiple of its unit.
    check_limits(product_id, fee, fee.dimensions[i], quantities.at(i));
    units *= *Decimal::divide_exact(quantities[i], fee.dimensions[i].per);
  }
  return units;
}

Decimal fee_amount(const std::string& product_id, const Fee& fee, const std::vector<Decimal>& quantities) {
  return fee.price * fee_units(product_id, fee, quantities);
}

}  // namespace tariff
