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

}  // namespace tariff
