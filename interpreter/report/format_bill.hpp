#pragma once
// Rendering a bill for people (a table) and for tools (JSON with every number an exact string).
#include <string>

#include "interpreter/billing/bill.hpp"
#include "interpreter/report/quantity_text.hpp"

namespace tariff {

// The table: quantities grouped (3,500,000) or, under QuantityStyle::wan, as 350万 where they
// divide exactly; amounts are always grouped.
std::string format_bill_text(const Bill& bill, QuantityStyle quantities = QuantityStyle::grouped);
std::string format_bill_json(const Bill& bill);

// A bill's lines besides its meters', as the bill's text writes them after "bought: " and "fee: "
// (and `rate --detail` in its bands column): "人脸比对 pack 1000万 × 1 at 30,400 = 30,400",
// "号码月租 every month (14 of 31 days of 20) = 9.03", "minimum: 100 per month, true-up = 12".
// A commitment's true-up names what the period came to before it where `spent` is known.
std::string purchase_text(const Product& product, const PurchaseLine& line);
std::string fee_text(const Product& product, const FeeLine& line);
std::string recurring_text(const Product& product, const RecurringLine& line);
std::string true_up_text(const Product& product, const TrueUp& t, const std::optional<Decimal>& spent);

}  // namespace tariff
