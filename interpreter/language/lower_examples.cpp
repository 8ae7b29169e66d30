// Lowering worked examples and scenarios: the usage, purchases, held packs, fees and states an
// example names are resolved by the one request builder, as the command line and scripts resolve
// theirs; then what the document says the bill comes to. An example that spans months is a
// request and expectations per month, and the account's state periods over them.
#include <fmt/format.h>

#include "interpreter/language/lower.hpp"
#include "interpreter/language/lower_literals.hpp"
#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"

namespace tariff {

namespace {

class ExampleLowering {
 public:
  // `versions`: a scenario's product's versions, each month resolved against the one in force.
  ExampleLowering(const Product& product, const Prelude& prelude, Diagnostics& diagnostics,
                  std::vector<const Product*> versions = {})
      : product_(product), diag_(diagnostics), errors_before_(diagnostics.size()),
        lit_(prelude, diagnostics, ast::Name{product.currency, {}}), versions_(std::move(versions)) {}

  std::optional<Example> run(const ast::Example& e) {
    for (const auto& r : e.repeated) lit_.repeated(r, e.product ? "scenario" : "example");
    Example x;
    x.title = e.title;
    x.source = e.source;
    x.span = e.span;
    x.discrepancy = e.discrepancy;
    if (e.months.empty()) {
      x.request = request(e);
      if (e.period_spent) period_spent(e, x);
      for (const auto& expectation : e.expects) expect(expectation, x.expects, Scope::bill);
    } else {
      if (e.period_spent)
        diag_.error("no-commitment", e.period_spent->span, "`period spent` belongs to an example of one bill",
                    "over months, the months before are the period's spending");
      months(e, x);
    }
    // What was written counts, so an unknown expectation is not also reported as a missing one.
    bool checks = !e.expects.empty();
    for (const auto& m : e.months) checks = checks || !m.expects.empty();
    if (!checks)
      diag_.error("example-expects-nothing", e.span, "example checks nothing", "add a line like: expect total = 10470");
    if (diag_.size() != errors_before_) return std::nullopt;
    return x;
  }

 private:
  enum class Scope { bill, month, period };
  const Product& product_;
  Diagnostics& diag_;
  std::size_t errors_before_;
  lowering::Literals lit_;
  std::vector<const Product*> versions_;

  // The version in force at a scenario's month, or null (an example's own product; a month
  // before the first version, reported).
  const Product* version_at(const ast::Name& written, std::optional<int> month) {
    if (versions_.size() < 2 && (versions_.empty() || !versions_.front()->from)) return nullptr;
    if (!month) return nullptr;
    try {
      return &version_in_force(versions_, *month);
    } catch (const BillingError& e) {
      diag_.error(e.code, written.span, e.what(), e.hint, e.notes);
      return nullptr;
    }
  }

  // Runs one step of building the request; a name that resolves to nothing is reported, and the
  // example goes on being checked.
  template <typename Step>
  void resolving(Step step) {
    try {
      step();
    } catch (const DiagnosticError& e) {
      diag_.append(e.diagnostics);
    }
  }

  BillRequest request(const ast::ExampleBill& b, const Product* version = nullptr) {
    const Product& product = version ? *version : product_;
    RequestBuilder request(product);
    for (const auto& u : b.usage) {
      // Whole units, unless the meter counts decimal usage (unit GB decimal).
      auto m = product.find_meter(u.meter.text);
      auto q = m && product.meters[*m].decimal && !u.quantity.percent ? lit_.amount(u.quantity)
                                                                      : lit_.whole(u.quantity, "a usage");
      resolving([&] { request.usage(u.meter, q.value_or(Decimal())); });
    }
    for (const auto& buy : b.buys) {
      auto size = lit_.whole(buy.size, "a pack size");
      std::optional<Decimal> count = Decimal(1);
      if (buy.count && (count = lit_.whole(*buy.count, "a pack count")) && count->is_zero())
        diag_.error("pack-count", buy.count->span, "buying 0 packs buys nothing", "the count is at least 1, or leave it out");
      if (size && count)
        resolving([&] { request.buy(buy.meter, *size, {buy.size.text, buy.size.span}, *count); });
    }
    for (const auto& h : b.held) {
      auto left = lit_.whole(h.remaining, "a pack's remaining calls");
      std::optional<Decimal> size;
      if (h.size) size = lit_.whole(*h.size, "a pack size");
      resolving([&] { request.hold(h.meter, left.value_or(Decimal()), size); });
    }
    for (const auto& f : b.fees) {
      std::vector<std::pair<ast::Name, Decimal>> dimensions;
      for (const auto& [dim, qty] : f.quantities)
        dimensions.emplace_back(dim, lit_.whole(qty, "a fee quantity").value_or(Decimal()));
      resolving([&] { request.fee(f.fee, std::nullopt, dimensions); });
    }
    for (const auto& s : b.states) {
      if (s.from)
        diag_.error("state-period", s.span, "a state's months belong to an example that spans months",
                    "say `state STATE` here, or put the bills in month blocks: month 2026-01 { ... }");
      resolving([&] { request.state(s.state); });
    }
    return request.take();
  }

  // An example over months: each month's bill items and expectations, the states' periods, and
  // the expectations over the whole period. A bill's items outside a month would belong to none.
  void months(const ast::Example& e, Example& x) {
    if (!e.usage.empty() || !e.buys.empty() || !e.held.empty() || !e.fees.empty())
      diag_.error("outside-month", e.span, "in an example that spans months, usage, purchases and fees go in a month",
                  "move them into a block like: month 2026-01 { usage ... }");
    for (const auto& s : e.states) period(s, x.states);
    std::vector<std::pair<int, std::vector<std::string>>> named;
    for (const auto& m : e.months) {
      ExampleMonth out;
      out.span = m.span;
      auto month = lit_.month(m.month);
      if (month && !x.months.empty() && *month <= x.months.back().month)
        diag_.error("month-order", m.month.span, fmt::format("month {} does not come after the month before it", m.month.text),
                    "list an example's months in order, each once");
      out.month = month.value_or(0);
      out.version = version_at(m.month, month);
      out.request = request(m, out.version);
      named.emplace_back(out.month, out.request.states);
      for (const auto& s : m.states)
        if (s.from) named.back().second.clear();  // reported by request()
      for (const auto& expectation : m.expects) expect(expectation, out.expects, Scope::month);
      x.months.push_back(std::move(out));
    }
    for (auto& p : periods_from_months(named)) x.states.push_back(std::move(p));
    for (auto& m : x.months) m.request.states = states_in(x.states, m.month);
    for (const auto& expectation : e.expects) expect(expectation, x.expects, Scope::period);
  }

  // period spent 1100: the example's bill closes the period of the product's minimum commitment.
  void period_spent(const ast::Example& e, Example& out) {
    auto spent = lit_.amount(*e.period_spent);
    lit_.currency(e.period_currency);
    if (!product_.limits.commitment) {
      diag_.error("no-commitment", e.period_spent->span,
                  fmt::format("product {} has no minimum commitment over a period", product_.id),
                  "`period spent` closes the period of a commitment like: minimum 1200 USD per year");
      return;
    }
    if (spent) out.request.period_spent = *spent;
  }

  // state STATE from 2026-01[-15] [until 2026-06[-10]]: the days count inclusively at both ends.
  void period(const ast::ExampleBill::State& s, std::vector<StatePeriod>& out) {
    resolving([&] { resolve_state(product_, s.state); });
    if (!s.from) {
      diag_.error("state-period", s.span, "outside a month, a state says the months it holds",
                  "write `state STATE from 2026-01 until 2026-06`, or `state STATE` inside a month block");
      return;
    }
    auto from = lit_.month_or_day(*s.from);
    std::optional<std::pair<int, std::optional<int>>> until;
    if (s.until) until = lit_.month_or_day(*s.until);
    if (!from || (s.until && !until)) return;
    StatePeriod p{s.state.text, from->first, std::nullopt, from->second.value_or(1), std::nullopt};
    if (until) p.until = until->first, p.until_day = until->second;
    if (!period_ends_after_start(p))
      diag_.error("state-period", s.until->span, fmt::format("the state ends in {}, before it begins", s.until->text));
    else
      out.push_back(std::move(p));
  }

  void expect(const ast::ExampleBill::Expect& x, std::vector<ExampleExpect>& out, Scope scope) {
    bool known = lit_.one_of(
        x.subject, {"total", "payable", "freeze", "notice", "alert", "error", "expired", "remaining"}, "expectation");
    const std::string& subject = x.subject.text;
    bool wants_text = subject == "error" || subject == "notice" || subject == "alert";
    bool over_months = subject == "expired" || subject == "remaining";
    if (wants_text ? !x.text.has_value() : !x.value.has_value())
      diag_.error("expect-shape", x.span,
                  wants_text ? fmt::format("expect {} takes a text in quotes", subject) : "expect takes '= AMOUNT'");
    if (known && over_months && scope == Scope::bill)
      diag_.error("expect-months", x.subject.span, fmt::format("expect {} is about the months of a ledger", subject),
                  "put the bill in a month block: month 2026-01 { ... }");
    if (known && scope == Scope::period && subject != "total" && !over_months)
      diag_.error("expect-months", x.subject.span, fmt::format("expect {} is about one month's bill", subject),
                  "put it in the month block it is about");
    if (x.meter && !over_months)
      diag_.error("expect-shape", x.meter->span, fmt::format("expect {} is not about one meter", subject));
    std::optional<std::size_t> meter;
    if (x.meter) resolving([&] { meter = resolve_meter(product_, *x.meter); });
    std::optional<Decimal> value;
    if (x.value) value = over_months ? lit_.whole(*x.value, "a number of calls") : lit_.amount(*x.value);
    lit_.currency(x.currency);
    if (known) out.push_back({subject, meter, value, x.text.value_or(""), x.span});
  }
};

}  // namespace

std::optional<Example> lower_example(const ast::Example& example, const Product& product, const Prelude& prelude,
                                     Diagnostics& diagnostics) {
  return ExampleLowering(product, prelude, diagnostics).run(example);
}

std::optional<Scenario> lower_scenario(const ast::Example& scenario, const Catalog& catalog, const Prelude& prelude,
                                       Diagnostics& diagnostics) {
  if (!scenario.product) {
    diagnostics.error("scenario-product", scenario.span, "a scenario names the product it plays",
                      "add a line like: product PRODUCT");
    return std::nullopt;
  }
  if (scenario.months.empty()) {
    diagnostics.error("scenario-months", scenario.span, "a scenario is played month by month, and this one has none",
                      "add a block like: month 2026-01 { usage ... }");
    return std::nullopt;
  }
  try {
    // A product with versions: each month is resolved against, and billed with, the version in
    // force; the first month's version stands for the product.
    auto versions = catalog.versions(scenario.product->text);
    std::optional<int> first = versions.size() > 1 || (!versions.empty() && versions.front()->from)
                                   ? parse_month(scenario.months.front().month.text)
                                   : std::nullopt;
    const Product& product = resolve_product(catalog, *scenario.product, first);
    auto example = ExampleLowering(product, prelude, diagnostics, versions).run(scenario);
    if (!example) return std::nullopt;
    return Scenario{&product, std::move(*example)};
  } catch (const DiagnosticError& e) {
    diagnostics.append(e.diagnostics);
    return std::nullopt;
  }
}

}  // namespace tariff
