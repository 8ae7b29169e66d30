#pragma once
// How a quantity of calls is written for people: 3,500,000, or in the price pages' own units,
// 350万 and 1.5亿 (the REPL's :wan and eval --wan), so one switch reads the same in a value and in
// a bill's table.
#include <optional>
#include <string>

#include "interpreter/money/decimal.hpp"

namespace tariff {

enum class QuantityStyle { grouped, wan };

// 3500000 → 350万, 150000000 → 1.5亿; nullopt when the quantity is not a whole number of 万 (or
// an exact 亿 to four places), which is then best written as it is.
std::optional<std::string> in_wan(const Decimal& quantity);

// 3,500,000 (grouped), or 350万 under QuantityStyle::wan when it divides exactly, else grouped.
std::string quantity_text(const Decimal& quantity, QuantityStyle style);

}  // namespace tariff
