#pragma once
// A worked example of a price page, kept beside the rules it tests: a bill request, resolved like
// any other, and what the document says its bill comes to; or an account's months, each settled
// against the ledger the months before it left (a scenario is one outside a product).
#include <optional>
#include <string>
#include <vector>

#include "interpreter/base/source.hpp"
#include "interpreter/model/account_states.hpp"
#include "interpreter/model/bill_request.hpp"

namespace tariff {

struct Product;

struct ExampleExpect {
  // total | payable | freeze | notice | alert | error, and over months: expired | remaining
  std::string subject;
  std::optional<std::size_t> meter;  // expired or remaining of one meter; none: of every meter
  std::optional<Decimal> value;
  std::string text;  // for error, notice and alert: a part of the message
  Span span;
};

// One month of an example that spans months.
struct ExampleMonth {
  int month = 0;
  // A scenario's month of a product with versions: the version in force (its request resolved
  // against it); null: the example's own product.
  const Product* version = nullptr;
  BillRequest request;
  std::vector<ExampleExpect> expects;
  Span span;
};

struct Example {
  using Expect = ExampleExpect;
  std::string title, source;
  BillRequest request;  // an example of one bill
  // Of one bill: its expectations; over months: the period's (total: the sum of the bills;
  // expired: calls expired over the period; remaining: left at its end).
  std::vector<Expect> expects;
  std::vector<ExampleMonth> months;   // in order; empty for an example of one bill
  std::vector<StatePeriod> states;    // the account's states over the months
  // The document's example disagrees with its own table: both figures are shown, see replay.hpp.
  std::optional<std::string> discrepancy;
  Span span;

  bool spans_months() const { return !months.empty(); }
};

}  // namespace tariff
