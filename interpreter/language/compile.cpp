#include "interpreter/language/compile.hpp"

#include <algorithm>
#include <set>

namespace tariff {

namespace {

// The checker bounds a validity to a century, so the months fit an int.
int months_of(const ast::Validity& v, const Prelude& prelude) {
  int amount = static_cast<int>(prelude.value(v.amount)->to_int64().value_or(0));
  if (v.unit.text.starts_with("year")) return amount * 12;
  if (v.unit.text.starts_with("month")) return amount;
  return (amount + 29) / 30;  // days: a month is the finest grain a bill has
}

std::string text_of(const Span& s) { return std::string(s.source->text.substr(s.begin, s.end - s.begin)); }

class Compiler {
 public:
  Compiler(const ast::Product& p, const Prelude& prelude) : ast_(p), prelude_(prelude), names_(meter_names(p)) {}

  std::unique_ptr<Product> run() {
    auto p = std::make_unique<Product>();
    out_ = p.get();
    header();
    meters();
    for (const auto& f : ast_.free) free_quota(f);
    for (const auto& g : ast_.grants) grant(g);
    for (const auto& t : ast_.packs) packs(t);
    for (const auto& t : ast_.postpaid) postpaid(t);
    for (const auto& f : ast_.fees) fee(f);
    settlement();
    for (const auto& e : ast_.examples) example(e);
    return p;
  }

 private:
  const ast::Product& ast_;
  const Prelude& prelude_;
  std::unordered_map<std::string, std::size_t> names_;
  Product* out_ = nullptr;
  std::set<std::string> states_;

  Decimal value(const ast::Number& n) const { return *prelude_.value(n); }
  MeterIndex meter(const ast::Name& ref) const { return names_.at(ref.text); }
  void state(const std::string& s) {
    if (states_.insert(s).second) out_->states.push_back(s);
  }

  void header() {
    out_->id = ast_.id.text;
    for (const auto& n : ast_.names) out_->names.push_back(n.text);
    out_->currency = ast_.currency ? ast_.currency->text : "";
    if (ast_.cycle) out_->cycle = ast_.cycle->text;
    out_->source = ast_.source;
    out_->notes = ast_.notes;
    out_->span = ast_.span;
    if (ast_.freeze) out_->freeze = value(*ast_.freeze);
    if (ast_.alert) out_->alert_below = value(*ast_.alert);
    for (const auto& n : ast_.notices) out_->notices.push_back({value(n.threshold), n.text});
    for (const auto& s : ast_.rated_states) out_->rated_states.push_back(s.text);
  }

  void meters() {
    for (const auto& m : ast_.meters) {
      Meter& meter = out_->meters.emplace_back();
      meter.id = m.id.text;
      for (const auto& n : m.names) meter.names.push_back(n.text);
      for (const auto& n : m.aka) meter.aka.push_back(n.text);
      for (const auto& n : m.actions) meter.actions.push_back(n.text);
      if (m.unit) meter.unit = m.unit->text;
    }
    for (const auto& [name, index] : names_) out_->meter_names.emplace(name, index);
  }

  std::vector<MeterIndex> meters_of(const ast::FreeQuota& f) const {
    std::vector<MeterIndex> all;
    if (f.each_meter)
      for (MeterIndex i = 0; i < out_->meters.size(); ++i) all.push_back(i);
    for (const auto& ref : f.meters) all.push_back(meter(ref));
    return all;
  }

  void free_quota(const ast::FreeQuota& f) {
    FreeQuota quota{value(f.quantity), f.period.text, std::nullopt};
    if (f.unless_state) {
      quota.lost_when = f.unless_state->text;
      state(f.unless_state->text);
    }
    for (MeterIndex i : meters_of(f)) out_->meters[i].free = quota;
  }

  void grant(const ast::Grant& g) {
    Grant grant{value(g.quantity), months_of(g.validity, prelude_), g.when_state.text};
    state(g.when_state.text);
    for (const auto& ref : g.meters) out_->meters[meter(ref)].grant = grant;
  }

  void packs(const ast::Packs& t) {
    auto terms = std::make_unique<PackTerms>();
    if (t.validity) terms->valid_months = months_of(*t.validity, prelude_);
    terms->stackable = t.stackable;
    terms->refundable = t.refundable.value_or(false);
    if (t.requires_state) {
      terms->requires_state = t.requires_state->text;
      state(t.requires_state->text);
    }
    for (const auto& row : t.table.rows) {
      auto& packs = out_->meters[meter(row.key)].packs;
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        Pack pack{value(*t.table.columns[i].size), price(row, i), text_of(t.table.columns[i].span), terms.get(),
                  row.cells[i].span};
        packs.push_back(std::move(pack));
      }
      std::stable_sort(packs.begin(), packs.end(), [](const Pack& a, const Pack& b) { return a.size < b.size; });
    }
    out_->pack_terms.push_back(std::move(terms));
  }

  // A cell's price; a percentage is that share of the row's first price (续期费用为第一年的10%).
  Price price(const ast::Row& row, std::size_t i) const {
    const ast::Cell& cell = row.cells[i];
    switch (cell.kind) {
      case ast::Cell::Kind::not_sold:
        return {Price::Kind::not_sold, {}};
      case ast::Cell::Kind::contact_sales:
        return {Price::Kind::contact_sales, {}};
      case ast::Cell::Kind::price:
        break;
    }
    Decimal v = value(cell.value);
    if (cell.value.percent) v = v * value(row.cells.front().value);
    return Price::of(v);
  }

  void postpaid(const ast::Postpaid& t) {
    auto schedule = std::make_shared<BandSchedule>();
    schedule->mode = t.mode.text == "graduated" ? BandMode::graduated : BandMode::volume;
    schedule->basis = t.basis && t.basis->text == "usage" ? BandBasis::usage : BandBasis::postpaid_quantity;
    for (const auto& col : t.table.columns) {
      const ast::Interval& in = *col.band;
      Band band{value(in.lower), std::nullopt, in.lower_closed, in.upper_closed, text_of(in.span)};
      if (in.upper) band.upper = value(*in.upper);
      schedule->bands.push_back(std::move(band));
    }
    if (t.requires_state) state(t.requires_state->text);
    for (const auto& row : t.table.rows) {
      PostpaidPrices prices{schedule, {}, t.requires_state ? std::optional(t.requires_state->text) : std::nullopt};
      for (std::size_t i = 0; i < row.cells.size(); ++i) prices.prices.push_back(price(row, i));
      out_->meters[meter(row.key)].postpaid = std::move(prices);
    }
  }

  void fee(const ast::Fee& f) {
    Fee& fee = out_->fees.emplace_back();
    fee.id = f.id.text;
    for (const auto& n : f.names) fee.names.push_back(n.text);
    fee.price = value(f.price);
    for (const auto& d : f.per) {
      FeeDimension& dim = fee.dimensions.emplace_back();
      dim.name = d.name.text;
      if (d.size) dim.per = value(*d.size);
      for (const auto& limit : f.limits) {
        if (limit.dimension.text != dim.name) continue;
        if (limit.from) dim.from = value(*limit.from);
        if (limit.to) dim.to = value(*limit.to);
        if (limit.step) dim.step = value(*limit.step);
        if (limit.up_to) dim.up_to = value(*limit.up_to);
        dim.beyond_is_contact_sales = dim.beyond_is_contact_sales || limit.beyond_is_contact_sales;
      }
    }
    for (const auto& inc : f.includes)
      fee.includes.push_back({meter(inc.meter), value(inc.size), text_of(inc.size.span)});
    if (f.grants_state) {
      fee.grants_state = f.grants_state->text;
      state(f.grants_state->text);
    }
    if (f.requires_state) {
      fee.requires_state = f.requires_state->text;
      state(f.requires_state->text);
    }
    fee.notes = f.notes;
  }

  // Quantities for each of the fee's dimensions: as given, else the dimension's default.
  FeePurchase fee_use(const ast::Example::FeeUse& use) const {
    std::size_t index = *out_->find_fee(use.fee.text);
    const Fee& fee = out_->fees[index];
    FeePurchase purchase{index, {}};
    for (const auto& dim : fee.dimensions) {
      Decimal q = dim.default_quantity();
      for (const auto& [name, qty] : use.quantities)
        if (name.text == dim.name) q = value(qty);
      purchase.quantities.push_back(q);
    }
    return purchase;
  }

  void settlement() {
    if (!ast_.settle) return;
    for (const auto& step : settlement_steps(*ast_.settle, prelude_))
      out_->settlement.push_back(*parse_settlement_step(step.text));
  }

  void example(const ast::Example& e) {
    Example x;
    x.title = e.title;
    x.source = e.source;
    x.span = e.span;
    x.discrepancy = e.discrepancy;
    x.request.usage.resize(out_->meters.size());
    for (const auto& u : e.usage) x.request.usage[meter(u.meter)] += value(u.quantity);
    for (const auto& b : e.buys) {
      MeterIndex m = meter(b.meter);
      Decimal size = value(b.size);
      const auto& packs = out_->meters[m].packs;
      auto pack = std::find_if(packs.begin(), packs.end(), [&](const Pack& p) { return p.size == size; });
      x.request.buys.push_back(
          {m, static_cast<std::size_t>(pack - packs.begin()), b.count ? value(*b.count) : Decimal(1)});
    }
    for (const auto& h : e.held)
      x.request.held.push_back(
          {meter(h.meter), value(h.remaining), h.size ? std::optional(value(*h.size)) : std::nullopt});
    for (const auto& f : e.fees) x.request.fees.push_back(fee_use(f));
    for (const auto& s : e.states) x.request.states.push_back(s.text);
    for (const auto& ex : e.expects)
      x.expects.push_back(
          {ex.subject.text, ex.value ? std::optional(value(*ex.value)) : std::nullopt, ex.text.value_or("")});
    out_->examples.push_back(std::move(x));
  }
};

}  // namespace

std::unique_ptr<Product> compile_product(const ast::Product& product, const Prelude& prelude) {
  return Compiler(product, prelude).run();
}

}  // namespace tariff
