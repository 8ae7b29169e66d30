// tariff plan PRODUCT METER=ANNUAL_QUANTITY [--json]: the cheapest packs for a year's volume, the
// cheapest in one pack size (the documents' advice), and postpaid month by month; which wins.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/bill.hpp"
#include "interpreter/json.hpp"
#include "interpreter/plan.hpp"

namespace tariff::cli {

namespace {

std::string packs_text(const Meter& m, const PackPlan& plan) {
  std::string out;
  for (const auto& c : plan.packs)
    out += fmt::format("{}{} × {}", out.empty() ? "" : " + ", c.count.to_string(), m.packs[c.pack].size_text);
  return out;
}

const char* winner_text(Plan::Winner w) {
  switch (w) {
    case Plan::Winner::packs: return "packs";
    case Plan::Winner::postpaid: return "postpaid";
    case Plan::Winner::tie: return "tie";
    case Plan::Winner::none: return "none";
  }
  return "none";
}

std::string text(const Plan& plan) {
  const Product& p = *plan.product;
  const Meter& m = p.meters[plan.meter];
  std::string out = fmt::format("plan: {} {}, {} {}s a year ({})\n\n", p.id, m.display_name(),
                                plan.volume.to_string_grouped(), m.unit, p.currency);
  if (plan.cheapest) {
    out += fmt::format("cheapest packs      {} = {} (holds {})\n", packs_text(m, *plan.cheapest),
                       plan.cheapest->cost.to_string_grouped(), plan.cheapest->covered.to_string_grouped());
    out += fmt::format("in one pack size    {} = {} (the form of the documents' advice)\n", packs_text(m, *plan.one_size),
                       plan.one_size->cost.to_string_grouped());
  } else {
    out += "packs               none sold for this meter\n";
  }
  if (plan.postpaid.unavailable.empty())
    out += fmt::format("postpaid by month   {} {}s a month, free quota included = {}\n",
                       plan.postpaid.months.front().to_string_grouped(), m.unit, plan.postpaid.cost.to_string_grouped());
  else
    out += fmt::format("postpaid by month   not priced: {}\n", plan.postpaid.unavailable);
  out += fmt::format("\nwinner: {}", winner_text(plan.winner));
  if (plan.winner == Plan::Winner::packs || plan.winner == Plan::Winner::postpaid)
    if (plan.cheapest && plan.postpaid.unavailable.empty()) {
      Decimal saving = plan.cheapest->cost - plan.postpaid.cost;
      out += fmt::format(", {} {} less", (saving.is_negative() ? -saving : saving).to_string_grouped(), p.currency);
    }
  return out + "\n";
}

void pack_plan_json(JsonWriter& w, const Meter& m, const PackPlan& plan) {
  w.begin_object();
  w.key("packs").begin_array();
  for (const auto& c : plan.packs) {
    w.begin_object();
    w.key("pack").string(m.packs[c.pack].size_text);
    w.key("count").string(c.count.to_string());
    w.key("unit_price").string(m.packs[c.pack].price.amount.to_string());
    w.end_object();
  }
  w.end_array();
  w.key("covered").string(plan.covered.to_string());
  w.key("cost").string(plan.cost.to_string());
  w.end_object();
}

std::string json(const Plan& plan) {
  const Meter& m = plan.product->meters[plan.meter];
  JsonWriter w;
  w.begin_object();
  w.key("product").string(plan.product->id);
  w.key("meter").string(m.id);
  w.key("currency").string(plan.product->currency);
  w.key("volume").string(plan.volume.to_string());
  w.key("cheapest");
  if (plan.cheapest) pack_plan_json(w, m, *plan.cheapest); else w.null();
  w.key("one_size");
  if (plan.one_size) pack_plan_json(w, m, *plan.one_size); else w.null();
  w.key("postpaid").begin_object();
  if (plan.postpaid.unavailable.empty()) w.key("cost").string(plan.postpaid.cost.to_string());
  else w.key("unavailable").string(plan.postpaid.unavailable);
  w.end_object();
  w.key("winner").string(winner_text(plan.winner));
  w.end_object();
  return w.str() + "\n";
}

}  // namespace

int cmd_plan(Args args) {
  auto paths = rule_paths(args);
  bool as_json = args.take_flag("--json");
  args.expect_no_options();
  if (args.words.size() != 2) throw UsageError("plan needs PRODUCT and one METER=ANNUAL_QUANTITY");
  auto rules = load(paths, false);
  const Product& product = find_product(*rules, args.words[0]);
  auto eq = args.words[1].find('=');
  if (eq == std::string::npos) throw UsageError(fmt::format("'{}' is not METER=ANNUAL_QUANTITY", args.words[1]));
  MeterIndex meter = find_meter(product, args.words[1].substr(0, eq));
  Decimal volume = parse_quantity(*rules, args.words[1].substr(eq + 1), args.words[1]);
  try {
    Plan plan = plan_purchase(product, meter, volume);
    std::cout << (as_json ? json(plan) : text(plan));
    return ok;
  } catch (const BillingError& e) {
    std::cerr << "tariff: cannot plan: " << e.what() << "\n";
    return usage_error;
  }
}

}  // namespace tariff::cli
