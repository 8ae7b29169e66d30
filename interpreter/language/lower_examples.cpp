// Lowering worked examples: the usage, purchases, held packs, fees and states an example names are
// resolved by the one request builder, as the command line and scripts resolve theirs; then what
// the document says the bill comes to.
#include <fmt/format.h>

#include "interpreter/language/lowering.hpp"
#include "interpreter/model/request_builder.hpp"

namespace tariff::lowering {

namespace {

// Runs one step of building the request; a name that resolves to nothing is reported, and the
// example goes on being checked.
template <typename Step>
void resolving(Diagnostics& diagnostics, Step step) {
  try {
    step();
  } catch (const DiagnosticError& e) {
    diagnostics.append(e.diagnostics);
  }
}

}  // namespace

void Lowering::example(const ast::Example& e) {
  for (const auto& r : e.repeated) repeated(r, "example");
  Example x;
  x.title = e.title;
  x.source = e.source;
  x.span = e.span;
  x.discrepancy = e.discrepancy;
  RequestBuilder request(*out_);
  for (const auto& u : e.usage) {
    // Whole units, unless the meter counts decimal usage (unit GB decimal).
    auto m = out_->find_meter(u.meter.text);
    auto q = m && out_->meters[*m].decimal && !u.quantity.percent ? amount(u.quantity) : whole(u.quantity, "a usage");
    resolving(diag_, [&] { request.usage(u.meter, q.value_or(Decimal())); });
  }
  for (const auto& b : e.buys) {
    auto size = whole(b.size, "a pack size");
    std::optional<Decimal> count = Decimal(1);
    if (b.count && (count = whole(*b.count, "a pack count")) && count->is_zero())
      diag_.error("pack-count", b.count->span, "buying 0 packs buys nothing", "the count is at least 1, or leave it out");
    if (size && count) resolving(diag_, [&] { request.buy(b.meter, *size, {b.size.text, b.size.span}, *count); });
  }
  for (const auto& h : e.held) {
    auto left = whole(h.remaining, "a pack's remaining calls");
    std::optional<Decimal> size;
    if (h.size) size = whole(*h.size, "a pack size");
    resolving(diag_, [&] { request.hold(h.meter, left.value_or(Decimal()), size); });
  }
  for (const auto& f : e.fees) {
    std::vector<std::pair<ast::Name, Decimal>> dimensions;
    for (const auto& [dim, qty] : f.quantities) dimensions.emplace_back(dim, whole(qty, "a fee quantity").value_or(Decimal()));
    resolving(diag_, [&] { request.fee(f.fee, std::nullopt, dimensions); });
  }
  for (const auto& s : e.states) resolving(diag_, [&] { request.state(s); });
  x.request = request.take();
  if (e.period_spent) period_spent(e, x);
  for (const auto& expectation : e.expects) expect(expectation, x);
  if (e.expects.empty())
    diag_.error("example-expects-nothing", e.span, "example checks nothing", "add a line like: expect total = 10470");
  out_->examples.push_back(std::move(x));
}

// period spent 1100: the example's bill closes the period of the product's minimum commitment.
void Lowering::period_spent(const ast::Example& e, Example& out) {
  auto spent = amount(*e.period_spent);
  currency(e.period_currency);
  if (!out_->limits.commitment) {
    diag_.error("no-commitment", e.period_spent->span,
                fmt::format("product {} has no minimum commitment over a period", ast_.id.text),
                "`period spent` closes the period of a commitment like: minimum 1200 USD per year");
    return;
  }
  if (spent) out.request.period_spent = *spent;
}

void Lowering::expect(const ast::Example::Expect& x, Example& out) {
  bool known = one_of(x.subject, {"total", "payable", "freeze", "notice", "alert", "error"}, "expectation");
  bool wants_text = x.subject.text == "error" || x.subject.text == "notice" || x.subject.text == "alert";
  if (wants_text ? !x.text.has_value() : !x.value.has_value())
    diag_.error("expect-shape", x.span,
                wants_text ? fmt::format("expect {} takes a text in quotes", x.subject.text) : "expect takes '= AMOUNT'");
  std::optional<Decimal> value;
  if (x.value) value = amount(*x.value);
  currency(x.currency);
  if (known) out.expects.push_back({x.subject.text, value, x.text.value_or("")});
}

}  // namespace tariff::lowering
