// Lowering a product: its own items (currency, cycle, settlement order, freeze, alerts, notices,
// rated states), the order of the other steps, and the literals and words every step reads.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/language/lowering.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/model/settlement.hpp"

namespace tariff {

std::unique_ptr<Product> lower_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics) {
  return lowering::Lowering(product, prelude, diagnostics).run();
}

void check_prelude(const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& s : file.settlements)
    for (const auto& step : s.steps)
      if (!parse_settlement_step(step.text))
        diagnostics.error("unknown-step", step.span, fmt::format("unknown settlement step '{}'", step.text));
}

}  // namespace tariff

namespace tariff::lowering {

Lowering::Lowering(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics)
    : ast_(product), prelude_(prelude), diag_(diagnostics), errors_before_(diagnostics.size()),
      out_(std::make_unique<Product>()) {}

// In the order a reader meets the items' consequences: meters before the tables that price them,
// the states rules mention before the examples and declarations that name them.
std::unique_ptr<Product> Lowering::run() {
  for (const auto& r : ast_.repeated) repeated(r, "product");
  header();
  meters();
  for (const auto& f : ast_.free) free_quota(f);
  for (const auto& g : ast_.grants) grant(g);
  for (const auto& p : ast_.packs) packs(p);
  for (const auto& p : ast_.postpaid) postpaid(p);
  for (const auto& f : ast_.fees) fee(f);
  for (const auto& f : ast_.recurring) recurring_fee(f);
  charge_limits();
  payable();
  settle();
  out_->freeze = percent(ast_.freeze, "freeze");
  out_->alert_below = percent(ast_.alert, "alert threshold");
  notices();
  rated();
  for (const auto& e : ast_.examples) example(e);
  if (diag_.size() != errors_before_) return nullptr;
  return std::move(out_);
}

// ---- literals and words ------------------------------------------------------------------------

std::optional<Decimal> Lowering::amount(const ast::Number& n) {
  LiteralValue v = prelude_.evaluate(n);
  if (!v.value) diag_.error(v.code, n.span, v.message, v.hint);
  return v.value;
}

std::optional<Decimal> Lowering::whole(const ast::Number& n, const char* what) {
  auto v = amount(n);
  if (v && (n.percent || !v->is_integer() || v->is_negative())) {
    diag_.error("not-whole", n.span, fmt::format("{} must be a whole number, not {}", what, v->to_string()));
    return std::nullopt;
  }
  return v;
}

std::optional<Decimal> Lowering::percent(const std::optional<ast::Number>& n, const char* what) {
  if (!n) return std::nullopt;
  if (!n->percent)
    diag_.error("not-percent", n->span, fmt::format("the {} must be a percentage", what), "write it like 120%");
  return amount(*n);
}

void Lowering::currency(const std::optional<ast::Name>& c) {
  if (c && ast_.currency && c->text != ast_.currency->text)
    diag_.error("currency-mismatch", c->span,
                fmt::format("amount in {} in a product priced in {}", c->text, ast_.currency->text),
                "amounts of a product are all in its currency");
}

bool Lowering::one_of(const ast::Name& n, std::initializer_list<const char*> words, const char* what) {
  for (const char* w : words)
    if (n.text == w) return true;
  std::string list;
  for (const char* w : words) list += (list.empty() ? "" : ", ") + std::string(w);
  diag_.error("unknown-word", n.span, fmt::format("unknown {} '{}'", what, n.text), fmt::format("expected one of: {}", list));
  return false;
}

void Lowering::repeated(const ast::Name& item, const char* owner) {
  diag_.error("duplicate-item", item.span, fmt::format("{} is given twice", item.text),
              fmt::format("a {} states its {} once: the first is kept, remove this one", owner, item.text));
}

// A state the rules mention, kept in the order first mentioned (what --STATE accepts).
void Lowering::state(const ast::Name& name) {
  if (states_.insert(name.text).second) out_->states.push_back(name.text);
}

std::string Lowering::join_states() const {
  std::string out;
  for (const auto& s : out_->states) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::optional<MeterIndex> Lowering::meter(const ast::Name& ref) {
  try {
    return resolve_meter(*out_, ref);
  } catch (const DiagnosticError& e) {
    diag_.append(e.diagnostics);
    return std::nullopt;
  }
}

std::string Lowering::text_of(const Span& s) const { return s.source->text.substr(s.begin, s.end - s.begin); }

// ---- the product's own items -------------------------------------------------------------------

void Lowering::header() {
  out_->id = ast_.id.text;
  for (const auto& n : ast_.names) out_->names.push_back(n.text);
  out_->source = ast_.source;
  out_->notes = ast_.notes;
  out_->span = ast_.span;
  if (ast_.currency)
    out_->currency = ast_.currency->text;
  else
    diag_.error("missing-currency", ast_.id.span, fmt::format("product {} has no currency", ast_.id.text),
                "add a line like: currency CNY");
  if (ast_.cycle && one_of(*ast_.cycle, {"month", "year", "once"}, "billing cycle")) out_->cycle = ast_.cycle->text;
}

// The order the steps settle in; every kind of thing the product has must be settled by a step.
void Lowering::settle() {
  if (!ast_.settle) {
    if (!ast_.meters.empty())
      diag_.error("missing-settle", ast_.id.span, fmt::format("product {} states no settlement order", ast_.id.text),
                  "add a line like: settle free > packs > postpaid");
    return;
  }
  auto steps = settlement_steps(*ast_.settle, prelude_);
  std::set<SettlementStep> seen;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto step = parse_settlement_step(steps[i].text);
    if (!step) {
      diag_.error("unknown-step", steps[i].span, fmt::format("unknown settlement step '{}'", steps[i].text),
                  "steps are free, grant, packs and postpaid, or a settlement order named in the prelude");
      continue;
    }
    if (!seen.insert(*step).second) diag_.error("duplicate-step", steps[i].span, "settlement step listed twice");
    if (*step == SettlementStep::postpaid && i + 1 != steps.size())
      diag_.error("postpaid-not-last", steps[i].span, "postpaid settles what is left, so it comes last");
    out_->settlement.push_back(*step);
  }
  auto require = [&](SettlementStep step, bool present, const char* what) {
    if (present && !seen.contains(step))
      diag_.error("unused-step", ast_.settle->span,
                  fmt::format("the product has {} but its settlement order never uses them", what),
                  fmt::format("add '{}' to the settle statement", to_string(step)));
  };
  require(SettlementStep::free, !ast_.free.empty(), "a free quota");
  require(SettlementStep::grant, !ast_.grants.empty(), "a grant");
  require(SettlementStep::packs, !ast_.packs.empty(), "packs");
  require(SettlementStep::postpaid, !ast_.postpaid.empty(), "postpaid prices");
  require(SettlementStep::packs,
          std::any_of(ast_.fees.begin(), ast_.fees.end(), [](const auto& f) { return !f.includes.empty(); }),
          "fees that include packs");
}

void Lowering::notices() {
  for (const auto& n : ast_.notices) {
    auto threshold = amount(n.threshold);
    currency(n.currency);
    if (threshold) out_->notices.push_back({*threshold, n.text});
  }
}

// A rated account's state must be one the rules depend on: otherwise it would change nothing.
void Lowering::rated() {
  std::set<std::string> seen;
  for (const auto& s : ast_.rated_states) {
    if (!seen.insert(s.text).second) {
      repeated({"rated accounts are " + s.text, s.span}, "product");
      continue;
    }
    if (!states_.contains(s.text))
      diag_.error("unknown-state", s.span,
                  fmt::format("product {} has no rule for the account state '{}'", ast_.id.text, s.text),
                  states_.empty() ? "this product's rules mention no account state"
                                  : fmt::format("its rules mention: {}", join_states()));
    else
      out_->rated_states.push_back(s.text);
  }
}

}  // namespace tariff::lowering
