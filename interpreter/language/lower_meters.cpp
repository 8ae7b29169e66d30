// Lowering meters (their names, which must each pick out one meter), free quotas and grants.
#include <fmt/format.h>

#include "interpreter/language/lowering.hpp"

namespace tariff::lowering {

// Every name a meter answers to — id, display names, aliases, API actions — picks out that meter
// only; the first meter to claim a name keeps it.
void Lowering::meters() {
  std::unordered_map<std::string, const ast::Name*> seen;
  for (std::size_t i = 0; i < ast_.meters.size(); ++i) {
    const ast::Meter& m = ast_.meters[i];
    Meter& meter = out_->meters.emplace_back();
    meter.id = m.id.text;
    for (const auto& n : m.names) meter.names.push_back(n.text);
    for (const auto& n : m.aka) meter.aka.push_back(n.text);
    for (const auto& n : m.actions) meter.actions.push_back(n.text);
    if (m.unit) meter.unit = m.unit->text;
    meter.decimal = m.decimal.has_value();
    meter.span = m.span;
    standing(m, meter);
    std::vector<const ast::Name*> all{&m.id};
    for (const auto* names : {&m.names, &m.aka, &m.actions})
      for (const auto& n : *names) all.push_back(&n);
    std::set<std::string> own;
    for (const ast::Name* n : all) {
      if (!own.insert(n->text).second) continue;  // a meter may repeat its own name (id = name)
      auto [it, fresh] = seen.emplace(n->text, n);
      if (fresh)
        out_->meter_names.emplace(n->text, i);
      else
        diag_.error("duplicate-name", n->span, fmt::format("'{}' already names another meter", n->text),
                    "ids, display names, aliases and API actions must each pick out one meter",
                    {{it->second->span, "first used here"}});
    }
  }
}

// `added` or `retired` speaks of the version before, so a product without versions has neither;
// the first version's are refused as the catalog takes it (check_version), knowing it is first.
void Lowering::standing(const ast::Meter& m, Meter& meter) {
  if (!m.standing) return;
  meter.standing_span = m.standing->span;
  if (!ast_.from)
    return no_version_before(m.id.text, m.standing->text == "added", m.standing->span, "a product without versions",
                             diag_);
  if (m.standing->text == "added")
    meter.added = true;
  else
    meter.retired_from = out_->from;
}

bool Lowering::claim(std::map<MeterIndex, Span>& claimed, MeterIndex m, const Span& at, std::vector<Note>& first) {
  auto [it, fresh] = claimed.emplace(m, at);
  if (!fresh) first = {{it->second, "the first"}};
  return fresh;
}

// free 10000 per month for each meter unless suspended. A meter has one free quota: a second
// would silently replace the first.
void Lowering::free_quota(const ast::FreeQuota& f) {
  auto quantity = whole(f.quantity, "a free quota");
  bool period = one_of(f.period, {"month", "year", "activity"}, "free-quota period");
  std::vector<std::pair<MeterIndex, Span>> meters;
  if (f.each_meter)  // every meter that takes usage: a retired one has no free quota
    for (MeterIndex m = 0; m < out_->meters.size(); ++m)
      if (!out_->meters[m].retired()) meters.emplace_back(m, f.span);
  for (const auto& ref : f.meters)
    if (auto m = meter(ref)) meters.emplace_back(*m, ref.span);
  if (f.unless_state) state(*f.unless_state);
  FreeQuota quota{quantity.value_or(Decimal()), f.period.text,
                  f.unless_state ? std::optional(f.unless_state->text) : std::nullopt};
  for (const auto& [m, at] : meters) {
    std::vector<Note> first;
    if (!claim(free_of_, m, at, first))
      diag_.error("duplicate-free", at, fmt::format("meter '{}' already has a free quota", out_->meters[m].id),
                  "give each meter one free quota", first);
    else if (quantity && period)
      out_->meters[m].free = quota;
  }
}

// At most a century: longer is a typo, and months must stay countable.
std::optional<int> Lowering::validity_months(const ast::Validity& v) {
  auto amount = whole(v.amount, "a validity");
  bool unit = one_of(v.unit, {"day", "days", "month", "months", "year", "years"}, "unit of time");
  Decimal most = v.unit.text.starts_with("year") ? 100 : v.unit.text.starts_with("month") ? 1200 : 36500;
  if (amount && *amount > most) {
    diag_.error("validity-range", v.amount.span,
                fmt::format("a validity of more than 100 years ({} {})", amount->to_string(), v.unit.text),
                fmt::format("write at most {} {}", most.to_string(), v.unit.text));
    return std::nullopt;
  }
  if (!amount || !unit) return std::nullopt;
  int n = static_cast<int>(*amount->to_int64());
  if (v.unit.text.starts_with("year")) return n * 12;
  if (v.unit.text.starts_with("month")) return n;
  return (n + 29) / 30;  // days: a month is the finest grain a bill has
}

// grant 50 each of live_verify, live_compare valid 1 year when trial
void Lowering::grant(const ast::Grant& g) {
  auto quantity = whole(g.quantity, "a grant");
  auto months = validity_months(g.validity);
  state(g.when_state);
  for (const auto& ref : g.meters) {
    auto m = meter(ref);
    std::vector<Note> first;
    if (m && !claim(grant_of_, *m, ref.span, first))
      diag_.error("duplicate-grant", ref.span, fmt::format("meter '{}' already has a grant", out_->meters[*m].id),
                  "give each meter one grant", first);
    else if (m && quantity && months)
      out_->meters[*m].grant = Grant{*quantity, *months, g.when_state.text};
  }
}

}  // namespace tariff::lowering
