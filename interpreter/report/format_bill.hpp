#pragma once
// Rendering a bill for people (a table) and for tools (JSON with every number an exact string).
#include <string>

#include "interpreter/billing/bill.hpp"

namespace tariff {

std::string format_bill_text(const Bill& bill);
std::string format_bill_json(const Bill& bill);

}  // namespace tariff
