#pragma once
// A postpaid band's price as the rule file writes it, and one band's charge as a sum, for bills,
// batch rating's detail and the REPL's tables alike.
#include <string>

#include "interpreter/billing/charge.hpp"
#include "interpreter/billing/settle.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// "0.0032"; "1.5 per 1000 calls" (a table per N units; the Price holds the price of one unit);
// "5 per package of 100 GB"; "flat 20 + 0.5", "flat 20"; "联系商务"; "-". `grouped` writes
// 300,000 rather than 300000.
std::string price_text(const Price& price, const BandSchedule& schedule, bool grouped = false);

// One band's charge as the sum it is: "3490000 × 0.003 = 10470", "flat 20 + 100 × 0.5 = 70",
// "250 in 3 packages × 5 = 15" (the unit price per unit, or per package).
std::string band_charge_text(const BandCharge& charge, bool grouped = false);

// A recurring fee's part of the month when it was prorated by day: " (17 of 31 days of 50)";
// empty for a whole cycle.
std::string recurring_days_text(const Product& product, const RecurringLine& line);

}  // namespace tariff
