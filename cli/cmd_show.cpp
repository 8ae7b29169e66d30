// tariff show PRODUCT [--month YYYY-MM]: the price table in force (report/price_table.hpp); of a
// product with versions, the version in force that month, found by the one lookup bill and rate
// use (Catalog::in_force).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/common.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/report/price_table.hpp"

namespace tariff::cli {

namespace {

// "in force from 2026-01 until 2026-12", "in force from 2027-01 on", "in force at every month".
std::string in_force_text(const Catalog& catalog, const Product& product) {
  if (!product.from) return "in force at every month";
  auto versions = catalog.versions(product.id);
  auto at = std::find(versions.begin(), versions.end(), &product);
  if (at + 1 == versions.end()) return fmt::format("in force from {} on", month_text(*product.from));
  return fmt::format("in force from {} until {}", month_text(*product.from), month_text(*(*(at + 1))->from - 1));
}

}  // namespace

int cmd_show(Args args) {
  auto paths = rule_paths(args);
  auto month = args.take("--month");
  args.expect_no_options();
  if (args.words.size() != 1) throw UsageError("show needs one PRODUCT");
  RuleSet rules = load(paths);
  const Product& product = find_product(rules, args.words.front(), month);
  std::cout << price_table_text(product, in_force_text(rules.catalog, product));
  return ok;
}

}  // namespace tariff::cli
