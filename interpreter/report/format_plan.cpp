// Rendering a purchase plan: shared by `tariff plan` and plan values in scripts.
#include "interpreter/report/format_plan.hpp"

#include <fmt/format.h>

#include "interpreter/base/json.hpp"

namespace tariff {

namespace {

std::string packs_text(const Meter& m, const PackPlan& plan) {
  std::string out;
  for (const auto& c : plan.packs)
    out += fmt::format("{}{} × {}", out.empty() ? "" : " + ", c.count.to_string(), m.packs[c.pack].size_text);
  return out.empty() ? "no pack needed:" : out;
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

}  // namespace

const char* plan_winner_name(Plan::Winner winner) {
  switch (winner) {
    case Plan::Winner::packs:
      return "packs";
    case Plan::Winner::postpaid:
      return "postpaid";
    case Plan::Winner::tie:
      return "tie";
    case Plan::Winner::none:
      return "none";
  }
  return "none";
}

std::string format_plan_text(const Plan& plan) {
  const Product& p = *plan.product;
  const Meter& m = p.meters[plan.meter];
  std::string out = fmt::format("plan: {} {}, {} {}s {} ({})\n\n", p.id, m.display_name(),
                                plan.volume.to_string_grouped(), m.unit,
                                p.cycle == "once" ? "in one purchase" : "a year", p.currency);
  if (plan.included)
    out += fmt::format("included            {} calls with {}, drawn first by both (its price is not counted)\n",
                       plan.included->calls.to_string_grouped(), plan.included->fee);
  if (plan.cheapest) {
    out += fmt::format("cheapest packs      {} = {} (holds {})\n", packs_text(m, *plan.cheapest),
                       plan.cheapest->cost.to_string_grouped(), plan.cheapest->covered.to_string_grouped());
    out += fmt::format("in one pack size    {} = {} (the form of the documents' advice)\n",
                       packs_text(m, *plan.one_size), plan.one_size->cost.to_string_grouped());
  } else {
    out += "packs               none sold for this meter\n";
  }
  const auto& months = plan.postpaid.months;
  std::string label = months.size() == 12 ? "postpaid by month " : "postpaid, one bill";
  if (!plan.postpaid.unavailable.empty())
    out += fmt::format("{}  not priced: {}\n", label, plan.postpaid.unavailable);
  else if (months.size() != 12)
    out += fmt::format("{}  {} {}s = {}\n", label, plan.volume.to_string_grouped(), m.unit,
                       plan.postpaid.cost.to_string_grouped());
  else  // the first months may take one call more than the last
    out += fmt::format("{}  {}{} {}s a month, free quota included = {}\n", label,
                       months.back() == months.front() ? "" : months.back().to_string_grouped() + " to ",
                       months.front().to_string_grouped(), m.unit, plan.postpaid.cost.to_string_grouped());
  out += fmt::format("\nwinner: {}", plan_winner_name(plan.winner));
  if (plan.winner == Plan::Winner::packs || plan.winner == Plan::Winner::postpaid)
    if (plan.cheapest && plan.postpaid.unavailable.empty()) {
      Decimal saving = plan.cheapest->cost - plan.postpaid.cost;
      out += fmt::format(", {} {} less", (saving.is_negative() ? -saving : saving).to_string_grouped(), p.currency);
    }
  return out + "\n";
}

std::string format_plan_json(const Plan& plan) {
  const Meter& m = plan.product->meters[plan.meter];
  JsonWriter w;
  w.begin_object();
  w.key("product").string(plan.product->id);
  w.key("meter").string(m.id);
  w.key("currency").string(plan.product->currency);
  w.key("volume").string(plan.volume.to_string());
  w.key("included");
  if (plan.included) {
    w.begin_object();
    w.key("fee").string(plan.included->fee);
    w.key("calls").string(plan.included->calls.to_string());
    w.end_object();
  } else {
    w.null();
  }
  w.key("cheapest");
  if (plan.cheapest)
    pack_plan_json(w, m, *plan.cheapest);
  else
    w.null();
  w.key("one_size");
  if (plan.one_size)
    pack_plan_json(w, m, *plan.one_size);
  else
    w.null();
  w.key("postpaid").begin_object();
  if (plan.postpaid.unavailable.empty())
    w.key("cost").string(plan.postpaid.cost.to_string());
  else
    w.key("unavailable").string(plan.postpaid.unavailable);
  w.end_object();
  w.key("winner").string(plan_winner_name(plan.winner));
  w.end_object();
  return w.str() + "\n";
}

}  // namespace tariff
