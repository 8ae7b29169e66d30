// The help's examples filled from the rules' worked examples (help_examples.hpp).
#include "cli/help_examples.hpp"

#include <algorithm>
#include <map>

#include "cli/common.hpp"

namespace tariff::cli {

namespace {

// An example of one bill that `tariff bill` can repeat with usage and --buy alone, and that
// bills without an error.
bool plain(const Product& p, const Example& e) {
  const BillRequest& r = e.request;
  bool fails = std::any_of(e.expects.begin(), e.expects.end(), [](const auto& x) { return x.subject == "error"; });
  return !p.from && !e.spans_months() && !fails && r.held.empty() && r.fees.empty() && r.states.empty() &&
         !r.grant_age_months && !r.period_spent && !r.days;
}

std::string usage_words(const Product& p, const BillRequest& r, const char* assign, const char* separator) {
  std::string out;
  for (std::size_t m = 0; m < r.usage.size(); ++m)
    if (!r.usage[m].is_zero()) out += (out.empty() ? "" : separator) + p.meters[m].id + assign + r.usage[m].to_string();
  return out;
}

std::map<std::string, std::string> placeholders(const RuleSet& rules) {
  std::map<std::string, std::string> out;
  for (const auto& p : rules.catalog.products)
    for (const Example& e : p->examples) {
      if (!plain(*p, e) || usage_words(*p, e.request, "=", " ").empty()) continue;
      const BillRequest& r = e.request;
      if (r.buys.empty() && !out.count("bill")) {
        out["bill"] = p->id + " " + usage_words(*p, r, "=", " ");
        out["product"] = p->id;
        out["script_bill"] = "bill(" + p->id + ", " + usage_words(*p, r, " = ", ", ") + ")";
      }
      if (!r.buys.empty() && !out.count("bill_buy")) {
        std::string buys;
        for (const PackPurchase& b : r.buys)
          buys += " --buy " + p->meters[b.meter].id + "=" + p->meters[b.meter].packs[b.pack].size_text + "x" +
                  b.count.to_string();
        out["bill_buy"] = p->id + " " + usage_words(*p, r, "=", " ") + buys;
        const PackPurchase& first = r.buys.front();
        if (first.meter < r.usage.size() && !r.usage[first.meter].is_zero())
          out["plan"] = p->id + " " + p->meters[first.meter].id + "=" + r.usage[first.meter].to_string();
      }
    }
  return out;
}

}  // namespace

std::optional<std::string> filled_example(const std::string& line) {
  static const auto values = help_rules() ? placeholders(*help_rules()) : std::map<std::string, std::string>{};
  std::string out;
  for (std::size_t at = 0; at < line.size();) {
    std::size_t open = line.find('{', at), close = open == std::string::npos ? open : line.find('}', open);
    if (close == std::string::npos) {
      out += line.substr(at);
      break;
    }
    auto value = values.find(line.substr(open + 1, close - open - 1));
    if (value == values.end()) return std::nullopt;
    out += line.substr(at, open - at) + value->second;
    at = close + 1;
  }
  return out;
}

const RuleSet* help_rules() {
  static const std::optional<RuleSet> rules = []() -> std::optional<RuleSet> {
    try {
      Args none;
      Diagnostics d;
      RuleSet r = load_rules(rule_paths(none), d);
      if (!d.empty()) return std::nullopt;
      return r;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }();
  return rules ? &*rules : nullptr;
}

}  // namespace tariff::cli
