#pragma once
// What lint's findings share (internal to analysis/): the whole quantities a band holds, the free
// quota drawn before postpaid, a cost as billing charges it, and figures as messages print them.
#include <optional>
#include <string>

#include "interpreter/model/product.hpp"

namespace tariff::lint_detail {

// The first and last whole quantity of a band (quantities are whole units); no last for ∞.
Decimal first_whole(const Band& band);
std::optional<Decimal> last_whole(const Band& band);

// The free quota an account draws each month before postpaid: a monthly quota, in the settlement
// order before postpaid, and not lost in the state postpaid requires (then no account that pays
// postpaid has it). `lost_when`: the state in which an account loses it (suspended), if any.
struct FreeBefore {
  Decimal quantity;
  std::optional<std::string> lost_when;
};
std::optional<FreeBefore> free_before_postpaid(const Product& product, const Meter& meter);

// How far band quantities are from postpaid quantities: the free quota when bands count usage
// (postpaid = usage - free), zero when they count postpaid quantity.
Decimal band_offset(const Meter& meter, const std::optional<FreeBefore>& free);

// What charge_postpaid() charges for `postpaid` units with the free quota drawn before them.
// Throws BillingError where billing would (a contact-sales band, beyond the last band).
Decimal postpaid_cost(const Product& product, const Meter& meter, const Decimal& postpaid,
                      const std::optional<FreeBefore>& free);

// Whether some postpaid quantity of at least one unit falls in band `b`.
bool band_reachable(const Meter& meter, std::size_t b, const std::optional<FreeBefore>& free);

// "3,000,001", "9,000.003"; "calls" for a meter counted in calls.
std::string grouped(const Decimal& d);
std::string units(const Meter& meter);
// A / B exactly when it terminates, else "≈" and 8 places: a price per call.
std::string per_unit(const Decimal& amount, const Decimal& quantity);

}  // namespace tariff::lint_detail
