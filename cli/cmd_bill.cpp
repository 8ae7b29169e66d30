// tariff bill PRODUCT [METER=QTY...] [--buy METER=SIZE[xN]]... [--held METER=LEFT[/SIZE]]...
//             [--fee NAME[=N] | NAME:DIM=N,DIM=N]... [--STATE]... [--state NAME]...
//             [--STATE-since YYYY-MM[-DD] --STATE-until YYYY-MM[-DD] --month YYYY-MM] [--period-spent AMOUNT]
//             [--json | --format text|json]
//             [--explain] [--month YYYY-MM --ledger OPEN.csv --account A [--ledger-out CLOSE.csv]]
// Every name is resolved by the request builder (interpreter/model/request_builder.hpp), as a rule
// file's example and a script's bill() resolve theirs.
#include <fmt/format.h>

#include <iostream>

#include "cli/bill_ledger.hpp"
#include "cli/common.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/language/parse.hpp"
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

// --buy 人脸比对=1000万x3, --held 人脸比对=300万/1000万: read by the rule files' purchase syntax
// (grammar/purchase.hpp), so a bad one gets the message a bad `buy` gets, and a name that resolves to
// nothing is shown under the value as typed.
template <typename Parse>
auto option_value(const char* option, const std::string& text, Parse parse) {
  Diagnostics diagnostics;
  auto parsed = parse(make_source(option, text), diagnostics);
  if (!parsed) throw DiagnosticError(std::move(diagnostics));
  return std::move(*parsed);
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

// YYYY-MM or YYYY-MM-DD: a month, and the day when one is given.
std::pair<int, std::optional<int>> month_or_day(const std::string& text, const std::string& option) {
  auto d = parse_month_or_day(text);
  if (!d)
    throw UsageError(
        fmt::format("{} '{}' is not a month like 2026-11 or a day like 2026-11-15", option, printable(text)));
  return *d;
}

// What the state options say: the states the bill is in, and when the dated ones began or end.
struct StateOptions {
  std::vector<std::string> states;
  std::optional<std::string> grant_since;  // --STATE-since: when the grant given in that state was activated
  std::string since_state;
  std::vector<StatePeriod> periods;  // --STATE-since / --STATE-until, each state's days (inclusive)
  bool dated = false;                // a day or an end was given: the bill counts the states' days
};

// Every state the loaded rules mention is an option, --trial, --suspended, --licensed, ...;
// --STATE-since YYYY-MM[-DD] says when the state began (and the grant given in it was
// activated), --STATE-until YYYY-MM[-DD] its last day, for the fees prorated by day.
StateOptions state_options(Args& args, const RuleSet& rules, std::vector<std::string>& known) {
  StateOptions out;
  out.states = args.take_all("--state");
  for (const auto& p : rules.catalog.products)
    for (const auto& s : p->states) {
      for (const char* suffix : {"", "-since", "-until"}) known.push_back("--" + s + suffix);
      if (args.take_flag("--" + s)) out.states.push_back(s);
      auto since = args.take("--" + s + "-since");
      auto until = args.take("--" + s + "-until");
      if (!since && !until) continue;
      // From the start of time when only the end is given: no grant is activated by it.
      StatePeriod period{s, 0, std::nullopt, 1, std::nullopt};
      if (since) {
        auto from = month_or_day(*since, "--" + s + "-since");
        period.from = from.first;
        period.from_day = from.second.value_or(1);
        out.dated = out.dated || from.second.has_value();
        out.grant_since = since->substr(0, 7);
        out.since_state = s;
      }
      if (until) {
        auto last = month_or_day(*until, "--" + s + "-until");
        period.until = last.first;
        period.until_day = last.second;
        out.dated = true;
      }
      if (!period_ends_after_start(period))
        throw UsageError(fmt::format("--{}-until {} is before --{}-since {}", s, *until, s, *since));
      out.periods.push_back(period);
      out.states.push_back(s);
    }
  return out;
}

// With days given, the bill of --month counts the days each dated state covers in it.
void add_state_days(BillRequest& r, const StateOptions& options, const std::optional<std::string>& month) {
  if (!options.dated) return;
  if (!month)
    throw UsageError("a state's day (--STATE-since YYYY-MM-DD, --STATE-until) needs --month, the month billed");
  int billed = month_number(*month, "--month");
  for (const StatePeriod& p : options.periods)
    if (!p.holds_in(billed))
      throw UsageError(fmt::format("--{}-since/--{}-until do not cover --month {}", p.state, p.state, *month));
  r.days = month_days(options.periods, billed);
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
  std::vector<std::string> state_flags;
  StateOptions state = state_options(args, rules, state_flags);
  args.expect_no_options(state_flags);
  const auto& grant_since = state.grant_since;

  RequestBuilder request(product);
  for (std::size_t i = 1; i < args.words.size(); ++i) {
    auto [meter, qty] = split_assignment(args.words[i], "usage");
    request.usage({meter, {}}, parse_quantity(rules, qty, args.words[i]));
  }
  for (const auto& b : buys) {
    auto buy = option_value("--buy", b, parse_buy_option);
    Decimal count = buy.count ? parse_quantity(rules, buy.count->text, b) : Decimal(1);
    request.buy(buy.meter, parse_quantity(rules, buy.size.text, b), {buy.size.text, buy.size.span}, count);
  }
  for (const auto& h : held) {
    auto pack = option_value("--held", h, parse_held_option);
    std::optional<Decimal> size;
    if (pack.size) size = parse_quantity(rules, pack.size->text, h);
    request.hold(pack.meter, parse_quantity(rules, pack.remaining.text, h), size);
  }
  for (const auto& f : fees) add_fee(request, rules, f);
  for (const auto& s : state.states) request.state({s, {}});
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
    // With a ledger a grant is activated as its state begins: --STATE-since says when (and the
    // days of dated states are counted from the periods).
    against.periods = state.periods;
    return bill_against_ledger(rules, product, std::move(r), against);
  }
  if (against.ledger_out || against.account) throw UsageError("--ledger-out and --account need --ledger");
  add_state_days(r, state, month);
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
