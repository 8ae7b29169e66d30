#include "interpreter/billing/replay.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/billing/bill.hpp"

namespace tariff {

namespace {

// Every expectation the example states, checked against the bill (or the error billing raised).
std::vector<std::string> mismatches(const Example& e, const Bill* bill, const BillingError* error) {
  std::vector<std::string> out;
  for (const auto& x : e.expects) {
    if ((x.subject == "notice" || x.subject == "alert") && bill) {
      const auto& texts = x.subject == "notice" ? bill->notices : bill->alerts;
      if (std::none_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(x.text) != std::string::npos; }))
        out.push_back(
            fmt::format("expected a{} {} containing \"{}\"", x.subject == "alert" ? "n" : "", x.subject, x.text));
      continue;
    }
    if (x.subject == "error") {
      if (!error)
        out.push_back(
            fmt::format("expected an error containing \"{}\", the bill totals {}", x.text, bill->total.to_string()));
      else if (std::string(error->what()).find(x.text) == std::string::npos)
        out.push_back(fmt::format("expected an error containing \"{}\", got: {}", x.text, error->what()));
      continue;
    }
    if (error) {
      out.push_back(fmt::format("expected {}, billing failed: {}", x.subject, error->what()));
      continue;
    }
    std::optional<Decimal> actual = x.subject == "total" ? std::optional(bill->total)
                                    : x.subject == "payable"
                                        ? (bill->payable ? std::optional(bill->payable->total) : std::nullopt)
                                        : bill->freeze;
    if (!actual)
      out.push_back(
          fmt::format("expected {} = {}, the product computes no {}", x.subject, x.value->to_string(), x.subject));
    else if (*actual != *x.value)
      out.push_back(fmt::format("{}: document {}, rules {}", x.subject, x.value->to_string(), actual->to_string()));
  }
  return out;
}

}  // namespace

ExampleResult run_example(const Product& product, const Example& example) {
  std::vector<std::string> wrong;
  try {
    Bill b = bill(product, example.request);
    wrong = mismatches(example, &b, nullptr);
  } catch (const BillingError& e) {
    wrong = mismatches(example, nullptr, &e);
  }
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
