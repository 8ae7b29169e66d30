#pragma once
// What the REPL's :products and :show print: the catalog, and one product as tables.
#include <string>

#include "interpreter/language/load.hpp"

namespace tariff::cli {

std::string list_products(const RuleSet& rules);
// Meters (names, actions, free quota), postpaid bands × prices, packs sizes × prices.
std::string show_product(const Product& product);

}  // namespace tariff::cli
