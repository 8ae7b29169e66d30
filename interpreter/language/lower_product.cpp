// Lowering a product: its own items (currency, cycle, settlement order, freeze, alerts, notices,
// rated states), the order of the other steps, and the literals and words every step reads.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/suggest.hpp"
#include "interpreter/language/lowering.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/model/settlement.hpp"

namespace tariff {

std::unique_ptr<Product> lower_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics) {
  return lowering::Lowering(product, prelude, diagnostics).run();
}

PackOrder lower_draw_order(const ast::DrawOrder& order, Diagnostics& diagnostics) {
  PackOrder keys;
  for (const auto& k : order.keys) {
    auto key = parse_pack_order_key(k.text);
    if (!key)
      diagnostics.error("unknown-word", k.span, fmt::format("packs cannot be drawn by '{}'", k.text),
                        "draw packs by expiry (earliest first), purchase (earliest bought first), or both in turn");
    else if (std::find(keys.begin(), keys.end(), *key) != keys.end())
      diagnostics.error("duplicate-item", k.span, fmt::format("packs are already drawn by {}", k.text));
    else
      keys.push_back(*key);
  }
  return keys;
}

void check_prelude(const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& s : file.settlements)
    for (const auto& step : s.steps)
      if (!parse_settlement_step(step.text))
        diagnostics.error("unknown-step", step.span, fmt::format("unknown settlement step '{}'", step.text),
                          with_suggestion(step.text, {"free", "grant", "packs", "postpaid"}, ""));
}

}  // namespace tariff

namespace tariff::lowering {

Lowering::Lowering(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics)
    : ast_(product), prelude_(prelude), diag_(diagnostics), errors_before_(diagnostics.size()),
      out_(std::make_unique<Product>()), literals_(prelude, diagnostics, product.currency) {}

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
  draw();
  for (const auto& e : ast_.examples)
    if (auto x = lower_example(e, *out_, prelude_, diag_)) out_->examples.push_back(std::move(*x));
  if (diag_.size() != errors_before_) return nullptr;
  return std::move(out_);
}

// ---- literals and words ------------------------------------------------------------------------

// A state the rules mention, kept in the order first mentioned (what --STATE accepts).
void Lowering::state(const ast::Name& name) {
  if (states_.insert(name.text).second) out_->states.push_back(name.text);
}

std::string Lowering::join_states() const {
  std::string out;
  for (const auto& s : out_->states) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Every rule that names a meter prices it (a table row, a free quota, a grant, a pack a fee
// includes): a retired meter prices nothing.
std::optional<MeterIndex> Lowering::meter(const ast::Name& ref) {
  try {
    MeterIndex m = resolve_meter(*out_, ref);
    const Meter& found = out_->meters[m];
    if (!found.retired()) return m;
    diag_.error("meter-retired-priced", ref.span,
                fmt::format("meter {} is retired in this version: it prices nothing", found.id),
                "leave its row out (a table need not list it), or drop `retired` to keep selling it",
                {{found.standing_span, "retired here"}});
  } catch (const DiagnosticError& e) {
    diag_.append(e.diagnostics);
  }
  return std::nullopt;
}

std::string Lowering::text_of(const Span& s) const { return s.source->text.substr(s.begin, s.end - s.begin); }

// ---- the product's own items -------------------------------------------------------------------

void Lowering::header() {
  out_->id = ast_.id.text;
  for (const auto& n : ast_.names) out_->names.push_back(n.text);
  out_->source = ast_.source;
  out_->notes = ast_.notes;
  out_->span = ast_.span;
  if (ast_.from) {
    out_->from = literals_.month(*ast_.from);
    out_->from_span = ast_.from->span;
  }
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
  bool misspelt = false;  // a step that is no step: the steps it leaves unused are its fault
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto step = parse_settlement_step(steps[i].text);
    if (!step) {
      misspelt = true;
      std::vector<std::string> known{"free", "grant", "packs", "postpaid"};
      for (const auto& [name, order] : prelude_.settlements) known.push_back(name);
      std::sort(known.begin() + 4, known.end());
      diag_.error("unknown-step", steps[i].span, fmt::format("unknown settlement step '{}'", steps[i].text),
                  with_suggestion(steps[i].text, known,
                                  "steps are free, grant, packs and postpaid, or a settlement order named in the prelude"));
      continue;
    }
    if (!seen.insert(*step).second) diag_.error("duplicate-step", steps[i].span, "settlement step listed twice");
    if (*step == SettlementStep::postpaid && i + 1 != steps.size())
      diag_.error("postpaid-not-last", steps[i].span, "postpaid settles what is left, so it comes last");
    out_->settlement.push_back(*step);
  }
  auto require = [&](SettlementStep step, bool present, const char* what) {
    if (present && !seen.contains(step) && !misspelt)
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

// The order held packs are drawn in: the product's own, or the prelude's.
void Lowering::draw() {
  out_->pack_order = ast_.draw ? lower_draw_order(*ast_.draw, diag_) : prelude_.pack_order;
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
