// tariff plan PRODUCT METER=ANNUAL_QUANTITY [--json]: the cheapest packs for a year's volume, the
// cheapest in one pack size (the documents' advice), and postpaid month by month; which wins.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/report/format_plan.hpp"

namespace tariff::cli {

int cmd_plan(Args args) {
  auto paths = rule_paths(args);
  bool as_json = json_format(args);
  args.expect_no_options();
  if (args.words.size() != 2) throw UsageError("plan needs PRODUCT and one METER=ANNUAL_QUANTITY");
  auto rules = std::make_optional(load(paths));
  const Product& product = find_product(*rules, args.words[0]);
  auto eq = args.words[1].find('=');
  if (eq == std::string::npos) throw UsageError(fmt::format("'{}' is not METER=ANNUAL_QUANTITY", printable(args.words[1])));
  MeterIndex meter = resolve_usage_meter(product, {args.words[1].substr(0, eq), {}});  // never a retired one
  Decimal volume = parse_quantity(*rules, args.words[1].substr(eq + 1), args.words[1]);
  try {
    Plan plan = plan_purchase(product, meter, volume);
    std::cout << (as_json ? format_plan_json(plan) : format_plan_text(plan));
    return ok;
  } catch (const BillingError& e) {
    print_diagnostic(e.diagnostic({}, "cannot plan: "));
    return usage_error;
  }
}

}  // namespace tariff::cli
