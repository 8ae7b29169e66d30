#pragma once
// The price table in force (tariff show PRODUCT [--month M]): the tables and lists of the price
// page rendered back from the rules (report/doc.hpp), as plain text for a terminal, without the
// page's charts and worked examples. Nothing here computes a price.
#include <string>

#include "interpreter/model/product.hpp"

namespace tariff {

// `in_force` says which version it is, as the caller words it ("in force from 2027-01").
std::string price_table_text(const Product& product, const std::string& in_force);

}  // namespace tariff
