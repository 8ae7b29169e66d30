// tariff bill PRODUCT [METER=QTY...] [--buy METER=SIZE[xN]]... [--held METER=LEFT[/SIZE]]...
//             [--fee NAME[=N] | NAME:DIM=N,DIM=N]... [--STATE]... [--state NAME]...
//             [--STATE-since YYYY-MM --month YYYY-MM] [--period-spent AMOUNT] [--json | --format text|json]
//             [--explain] [--month YYYY-MM --ledger OPEN.csv --account A [--ledger-out CLOSE.csv]]
// Every name is resolved by the request builder (interpreter/model/request_builder.hpp), as a rule
// file's example and a script's bill() resolve theirs.
#include <fmt/format.h>

#include <iostream>

#include "cli/bill_ledger.hpp"
#include "cli/common.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/report/explain.hpp"
#include "interpreter/report/format_bill.hpp"

namespace tariff::cli {

namespace {

std::pair<std::string, std::string> split_assignment(const std::string& word, const char* what) {
  auto eq = word.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == word.size())
    throw UsageError(fmt::format("{} '{}' is not METER=QUANTITY", what, printable(word)));
  return {word.substr(0, eq), word.substr(eq + 1)};
}

// "1000万x3", "1000万×3", "1000万*3" → size and count.
std::pair<std::string, std::string> split_count(const std::string& text) {
  for (const char* sep : {"×", "x", "*"})
    if (auto at = text.find(sep); at != std::string::npos)
      return {text.substr(0, at), text.substr(at + std::string(sep).size())};
  return {text, "1"};
}

// --fee licence=2 (the first dimension), --fee qps_upgrade:activity=1,day=7,qps=100, --fee plan
// (a flat fee); dimensions not given take their default.
void add_fee(RequestBuilder& request, const RuleSet& rules, const std::string& text) {
  std::string name = text.substr(0, text.find_first_of(":="));
  std::optional<std::pair<Span, Decimal>> first;
  std::vector<std::pair<Name, Decimal>> dimensions;
  if (name.size() < text.size() && text[name.size()] == '=') {
    first = {Span{}, parse_quantity(rules, text.substr(name.size() + 1), text)};
  } else if (name.size() < text.size()) {
    std::string rest = text.substr(name.size() + 1);
    for (std::size_t start = 0; start < rest.size();) {
      std::size_t end = std::min(rest.find(',', start), rest.size());
      auto [dim, qty] = split_assignment(rest.substr(start, end - start), "--fee");
      dimensions.emplace_back(Name{dim, {}}, parse_quantity(rules, qty, text));
      start = end + 1;
    }
  }
  request.fee({name, {}}, first, dimensions);
}

// YYYY-MM → months since year 0, for the age of a grant.
int month_number(const std::string& text, const char* option) {
  auto month = parse_month(text);
  if (!month) throw UsageError(fmt::format("{} '{}' is not a month like 2026-11", option, printable(text)));
  return *month;
}

// Every state the loaded rules mention is an option, --trial, --suspended, --licensed, ...; and
// --STATE-since YYYY-MM says when the grant given in that state was activated.
std::vector<std::string> state_options(Args& args, const RuleSet& rules, std::optional<std::string>& grant_since,
                                       std::string& since_state, std::vector<std::string>& known) {
  std::vector<std::string> states = args.take_all("--state");
  for (const auto& p : rules.catalog.products)
    for (const auto& s : p->states) {
      known.push_back("--" + s);
      known.push_back("--" + s + "-since");
      if (args.take_flag("--" + s)) states.push_back(s);
      if (auto since = args.take("--" + s + "-since")) {
        grant_since = *since;
        since_state = s;
        states.push_back(s);
      }
    }
  return states;
}

}  // namespace

int cmd_bill(Args args) {
  auto paths = rule_paths(args);
  bool json = json_format(args);
  bool explain = args.take_flag("--explain");
  auto buys = args.take_all("--buy");
  auto held = args.take_all("--held");
  auto fees = args.take_all("--fee");
  auto month = args.take("--month");
  LedgerBill against;
  against.ledger = args.take("--ledger");
  against.ledger_out = args.take("--ledger-out");
  against.account = args.take("--account");
  against.month = month;
  against.json = json;
  auto period_spent = args.take("--period-spent");
  if (args.words.empty() || args.words.front().starts_with("--"))
    throw UsageError("bill needs a PRODUCT, then METER=QUANTITY for each meter used");
  RuleSet rules = load(paths);
  const Product& product = find_product(rules, args.words.front(), month);
  std::optional<std::string> grant_since;
  std::vector<std::string> state_flags;
  std::string since_state;
  auto states = state_options(args, rules, grant_since, since_state, state_flags);
  args.expect_no_options(state_flags);

  RequestBuilder request(product);
  for (std::size_t i = 1; i < args.words.size(); ++i) {
    auto [meter, qty] = split_assignment(args.words[i], "usage");
    request.usage({meter, {}}, parse_quantity(rules, qty, args.words[i]));
  }
  for (const auto& b : buys) {
    auto [meter, rest] = split_assignment(b, "--buy");
    auto [size, count] = split_count(rest);
    request.buy({meter, {}}, parse_quantity(rules, size, b), {size, {}}, parse_quantity(rules, count, b));
  }
  for (const auto& h : held) {
    auto [meter, rest] = split_assignment(h, "--held");
    auto slash = rest.find('/');
    std::optional<Decimal> size;
    if (slash != std::string::npos) size = parse_quantity(rules, rest.substr(slash + 1), h);
    request.hold({meter, {}}, parse_quantity(rules, rest.substr(0, slash), h), size);
  }
  for (const auto& f : fees) add_fee(request, rules, f);
  for (const auto& s : states) request.state({s, {}});
  BillRequest r = request.take();
  // The bill closes the period of the product's minimum commitment, after AMOUNT billed in it.
  if (period_spent) {
    if (!product.limits.commitment)
      throw UsageError(fmt::format("--period-spent: product {} has no minimum commitment over a period", product.id));
    r.period_spent = parse_quantity(rules, *period_spent, "--period-spent");
  }
  if (against.ledger) {
    if (!month) throw UsageError("--ledger needs --month, the month billed");
    against.month_number = month_number(*month, "--month");
    // With a ledger a grant is activated as its state begins: --STATE-since says when.
    if (grant_since) against.periods.push_back({since_state, month_number(*grant_since, "--STATE-since"), std::nullopt});
    return bill_against_ledger(rules, product, std::move(r), against);
  }
  if (against.ledger_out || against.account) throw UsageError("--ledger-out and --account need --ledger");
  if (grant_since) {
    if (!month) throw UsageError("--STATE-since needs --month, the month billed");
    r.grant_age_months = month_number(*month, "--month") - month_number(*grant_since, "--STATE-since");
    if (*r.grant_age_months < 0)
      throw UsageError(fmt::format("the grant's month {} is after --month {}", *grant_since, *month));
  }
  try {
    Bill b = bill(product, r);
    std::cout << (json ? format_bill_json(b) + "\n" : format_bill_text(b));
    // The steps go to stdout after the bill; under --json they would not be JSON, so stderr.
    if (explain) (json ? std::cerr : std::cout) << (json ? "" : "\n") << explain_bill(b);
    return ok;
  } catch (const BillingError& e) {
    print_diagnostic(e.diagnostic({}, "cannot bill: "));
    return usage_error;
  }
}

}  // namespace tariff::cli
