#pragma once
// What changed between two rule sets (tariff diff OLD NEW): product by product, each table cell by
// cell (a band's price, a pack's price, a fee's price, a free quota), with what was there before
// and what is there now, or nothing on one side for what was added or removed.
//
// A comparison of two products, whatever they were loaded from: two rule sets, or the versions of
// one product in force at two months (`tariff diff PRODUCT --at M --at M`, cli/cmd_diff.cpp), by
// handing diff_products the product as it stands at each month.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/analysis/rule_change.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

struct RuleDiff {
  std::vector<RuleChange> changes;  // in the new rule set's order, what was removed after what stayed
  std::size_t before_products = 0, after_products = 0;
};

// Products are matched by id (the versions of one by the month they are in force from), meters
// and fees by id, bands by their interval (however the file writes it), packs by size.
RuleDiff diff_catalogs(const Catalog& before, const Catalog& after);
// `version` ("from 2027-01") labels the changes of one version of a product with versions.
void diff_products(const Product& before, const Product& after, std::vector<RuleChange>& out,
                   const std::optional<std::string>& version = std::nullopt);

}  // namespace tariff
