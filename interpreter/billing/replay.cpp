#include "interpreter/billing/replay.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/billing/bill.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

// What an expectation is checked against: one bill (or the error billing raised), and over
// months the ledger after it and the calls that expired.
struct Outcome {
  const Product& product;
  const Bill* bill = nullptr;
  const BillingError* error = nullptr;
  std::optional<Decimal> total;                 // a bill's, or a period's
  const Ledger* ledger = nullptr;               // for remaining
  const std::vector<LedgerFlow>* flows = nullptr;  // for expired
};

std::optional<Decimal> measured(const ExampleExpect& x, const Outcome& o) {
  if (x.subject == "total") return o.total;
  if (x.subject == "freeze") return o.bill ? o.bill->freeze : std::nullopt;
  if (x.subject == "payable") return o.bill && o.bill->payable ? std::optional(o.bill->payable->total) : std::nullopt;
  if (x.subject == "remaining") return o.ledger ? std::optional(remaining(*o.ledger, x.meter)) : std::nullopt;
  if (x.subject == "expired" && o.flows) {
    Decimal sum;
    for (MeterIndex m = 0; m < o.flows->size(); ++m)
      if (!x.meter || *x.meter == m) sum += (*o.flows)[m].expired;
    return sum;
  }
  return std::nullopt;
}

// Every expectation stated, checked against the outcome; `where` prefixes each ("2026-03: ").
void mismatches(const std::vector<ExampleExpect>& expects, const Outcome& o, const std::string& where,
                std::vector<std::string>& out) {
  for (const auto& x : expects) {
    std::string what = x.meter ? fmt::format("{} {}", x.subject, o.product.meters.at(*x.meter).id) : x.subject;
    if ((x.subject == "notice" || x.subject == "alert") && o.bill) {
      const auto& texts = x.subject == "notice" ? o.bill->notices : o.bill->alerts;
      if (std::none_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(x.text) != std::string::npos; }))
        out.push_back(fmt::format("{}expected a{} {} containing \"{}\"", where, x.subject == "alert" ? "n" : "",
                                  x.subject, x.text));
      continue;
    }
    if (x.subject == "error") {
      if (!o.error)
        out.push_back(fmt::format("{}expected an error containing \"{}\", the bill totals {}", where, x.text,
                                  o.total ? o.total->to_string() : "nothing"));
      else if (std::string(o.error->what()).find(x.text) == std::string::npos)
        out.push_back(fmt::format("{}expected an error containing \"{}\", got: {}", where, x.text, o.error->what()));
      continue;
    }
    if (o.error) {
      out.push_back(fmt::format("{}expected {}, billing failed: {}", where, x.subject, o.error->what()));
      continue;
    }
    std::optional<Decimal> actual = measured(x, o);
    if (!actual)
      out.push_back(fmt::format("{}expected {} = {}, the product computes no {}", where, what, x.value->to_string(),
                                x.subject));
    else if (*actual != *x.value)
      out.push_back(fmt::format("{}{}: document {}, rules {}", where, what, x.value->to_string(), actual->to_string()));
  }
}

std::vector<std::string> replay_bill(const Product& product, const Example& example) {
  std::vector<std::string> wrong;
  try {
    Bill b = bill(product, example.request);
    mismatches(example.expects, {product, &b, nullptr, b.total}, "", wrong);
  } catch (const BillingError& e) {
    mismatches(example.expects, {product, nullptr, &e, std::nullopt, nullptr, nullptr}, "", wrong);
  }
  return wrong;
}

// Each month's expectations against its bill and the ledger it left; then the period's.
std::vector<std::string> replay_months(const Product& product, const Example& example) {
  std::vector<std::string> wrong;
  Simulation sim = simulate(product, example);
  for (std::size_t i = 0; i < sim.months.size(); ++i) {
    const SimulatedMonth& m = sim.months[i];
    std::string where = month_text(m.month) + ": ";
    if (m.settled)
      mismatches(example.months[i].expects,
                 {product, &m.settled->bill, nullptr, m.settled->bill.total, &m.ledger, &m.settled->flows}, where,
                 wrong);
    else
      mismatches(example.months[i].expects, {product, nullptr, &*m.error, std::nullopt, nullptr, nullptr}, where, wrong);
  }
  mismatches(example.expects, {product, nullptr, nullptr, sim.total, &sim.closing(), &sim.flows},
             "over the months: ", wrong);
  return wrong;
}

}  // namespace

ExampleResult run_example(const Product& product, const Example& example) {
  std::vector<std::string> wrong =
      example.spans_months() ? replay_months(product, example) : replay_bill(product, example);
  std::string detail;
  for (const auto& w : wrong) detail += (detail.empty() ? "" : "; ") + w;
  if (example.discrepancy) {
    if (wrong.empty())
      return {ExampleStatus::failed,
              "recorded as a document discrepancy, but the rules now agree with it: remove the discrepancy line"};
    return {ExampleStatus::discrepancy, fmt::format("{} ({})", detail, *example.discrepancy)};
  }
  if (!wrong.empty()) return {ExampleStatus::failed, detail};
  return {};
}

}  // namespace tariff
