#include "interpreter/language/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "interpreter/language/check_bands.hpp"
#include "interpreter/model/settlement.hpp"

namespace tariff {

namespace {

class ProductChecker {
 public:
  ProductChecker(const ast::Product& p, const Prelude& prelude, Diagnostics& d)
      : product_(p), prelude_(prelude), diag_(d), names_(meter_names(p)) {}

  void run() {
    for (const auto& r : product_.repeated) repeated(r, "product");
    check_header();
    check_meters();
    for (const auto& f : product_.free) check_free(f);
    for (const auto& g : product_.grants) check_grant(g);
    for (const auto& p : product_.packs) check_packs(p);
    for (const auto& p : product_.postpaid) check_postpaid(p);
    for (const auto& f : product_.fees) check_fee(f);
    check_settle();
    check_percent(product_.freeze, "freeze");
    check_percent(product_.alert, "alert threshold");
    for (const auto& n : product_.notices) {
      amount(n.threshold);
      check_currency(n.currency);
    }
    check_rated();
    for (const auto& e : product_.examples) check_example(e);
  }

  // A rated account's state must be one the rules depend on: otherwise it would change nothing.
  void check_rated() {
    std::set<std::string> seen;
    for (const auto& s : product_.rated_states) {
      if (!seen.insert(s.text).second) repeated({"rated accounts are " + s.text, s.span}, "product");
      if (!states_.contains(s.text))
        diag_.error("unknown-state", s.span,
                    fmt::format("no rule of product {} depends on the state '{}'", product_.id.text, s.text),
                    states_.empty() ? "this product's rules mention no account state"
                                    : fmt::format("its rules mention: {}", join(states_)));
    }
  }

 private:
  const ast::Product& product_;
  const Prelude& prelude_;
  Diagnostics& diag_;
  std::unordered_map<std::string, std::size_t> names_;
  std::set<std::string> states_;  // states the product's rules mention

  static std::string join(const std::set<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
  }

  // ---- values ----
  std::optional<Decimal> amount(const ast::Number& n) {
    LiteralValue v = prelude_.evaluate(n);
    if (!v.value) diag_.error(v.code, n.span, v.message, v.hint);
    return v.value;
  }
  std::optional<Decimal> whole(const ast::Number& n, const char* what) {
    auto v = amount(n);
    if (v && (n.percent || !v->is_integer() || v->is_negative())) {
      diag_.error("not-whole", n.span, fmt::format("{} must be a whole number, not {}", what, v->to_string()));
      return std::nullopt;
    }
    return v;
  }
  void check_percent(const std::optional<ast::Number>& n, const char* what) {
    if (!n) return;
    if (!n->percent)
      diag_.error("not-percent", n->span, fmt::format("the {} must be a percentage", what), "write it like 120%");
    amount(*n);
  }
  void check_currency(const std::optional<ast::Name>& c) {
    if (c && product_.currency && c->text != product_.currency->text)
      diag_.error("currency-mismatch", c->span,
                  fmt::format("amount in {} in a product priced in {}", c->text, product_.currency->text),
                  "amounts of a product are all in its currency");
  }
  std::optional<std::size_t> meter(const ast::Name& ref) {
    auto it = names_.find(ref.text);
    if (it != names_.end()) return it->second;
    diag_.error("unknown-meter", ref.span, fmt::format("no meter '{}' in product {}", ref.text, product_.id.text),
                "name a meter by its id, its display name, an alias or one of its API actions");
    return std::nullopt;
  }
  void one_of(const ast::Name& n, std::initializer_list<const char*> words, const char* what) {
    for (const char* w : words)
      if (n.text == w) return;
    std::string list;
    for (const char* w : words) list += (list.empty() ? "" : ", ") + std::string(w);
    diag_.error("unknown-word", n.span, fmt::format("unknown {} '{}'", what, n.text),
                fmt::format("expected one of: {}", list));
  }

  void repeated(const ast::Name& item, const char* owner) {
    diag_.error("duplicate-item", item.span, fmt::format("{} is given twice", item.text),
                fmt::format("a {} states its {} once: the first is kept, remove this one", owner, item.text));
  }

  // ---- product and meters ----
  void check_header() {
    if (!product_.currency)
      diag_.error("missing-currency", product_.id.span, fmt::format("product {} has no currency", product_.id.text),
                  "add a line like: currency CNY");
    if (product_.cycle) one_of(*product_.cycle, {"month", "year", "once"}, "billing cycle");
  }

  void check_meters() {
    std::unordered_map<std::string, const ast::Name*> seen;
    for (const auto& m : product_.meters) {
      std::vector<const ast::Name*> all{&m.id};
      for (const auto& n : m.names) all.push_back(&n);
      for (const auto& n : m.aka) all.push_back(&n);
      for (const auto& n : m.actions) all.push_back(&n);
      std::set<std::string> own;
      for (const ast::Name* n : all) {
        if (!own.insert(n->text).second) continue;  // a meter may repeat its own name (id = name)
        auto [it, fresh] = seen.emplace(n->text, n);
        if (!fresh)
          diag_.error("duplicate-name", n->span, fmt::format("'{}' already names another meter", n->text),
                      "ids, display names, aliases and API actions must each pick out one meter",
                      {{it->second->span, "first used here"}});
      }
    }
  }

  // A meter has one free quota and one grant: a second would silently replace the first.
  std::map<std::size_t, Span> free_of_, grant_of_;
  // True when `m` had none yet; else reports the second one.
  bool claim(std::map<std::size_t, Span>& claimed, std::size_t m, const Span& at) {
    auto [it, fresh] = claimed.emplace(m, at);
    if (!fresh) notes_ = {{it->second, "the first"}};
    return fresh;
  }
  std::vector<Note> notes_;

  void check_free(const ast::FreeQuota& f) {
    whole(f.quantity, "a free quota");
    one_of(f.period, {"month", "year", "activity"}, "free-quota period");
    std::vector<std::pair<std::size_t, Span>> meters;
    if (f.each_meter)
      for (std::size_t m = 0; m < product_.meters.size(); ++m) meters.emplace_back(m, f.span);
    for (const auto& ref : f.meters)
      if (auto m = meter(ref)) meters.emplace_back(*m, ref.span);
    for (const auto& [m, at] : meters)
      if (!claim(free_of_, m, at))
        diag_.error("duplicate-free", at, fmt::format("meter '{}' already has a free quota", product_.meters[m].id.text),
                    "give each meter one free quota", notes_);
    if (f.unless_state) states_.insert(f.unless_state->text);
  }

  void check_grant(const ast::Grant& g) {
    whole(g.quantity, "a grant");
    check_validity(g.validity);
    for (const auto& ref : g.meters)
      if (auto m = meter(ref); m && !claim(grant_of_, *m, ref.span))
        diag_.error("duplicate-grant", ref.span, fmt::format("meter '{}' already has a grant", product_.meters[*m].id.text),
                    "give each meter one grant", notes_);
    states_.insert(g.when_state.text);
  }

  // At most a century: longer is a typo, and months must stay countable.
  void check_validity(const ast::Validity& v) {
    auto amount = whole(v.amount, "a validity");
    one_of(v.unit, {"day", "days", "month", "months", "year", "years"}, "unit of time");
    Decimal most = v.unit.text.starts_with("year") ? 100 : v.unit.text.starts_with("month") ? 1200 : 36500;
    if (amount && *amount > most)
      diag_.error("validity-range", v.amount.span, fmt::format("a validity of more than 100 years ({} {})",
                                                               amount->to_string(), v.unit.text),
                  fmt::format("write at most {} {}", most.to_string(), v.unit.text));
  }

  // ---- tables ----
  // Rows name known meters, once each, with as many cells as the header has columns.
  void check_rows(const ast::Table& t, std::set<std::size_t>& claimed, const char* what, const char* width_hint) {
    for (const auto& row : t.rows) {
      auto m = meter(row.key);
      if (m && !claimed.insert(*m).second)
        diag_.error("duplicate-row", row.key.span, fmt::format("meter '{}' already has {}", row.key.text, what));
      if (row.cells.size() != t.columns.size())
        diag_.error("row-width", row.span,
                    fmt::format("row has {} cells, the header has {} columns", row.cells.size(), t.columns.size()),
                    width_hint, {{t.label.span, "the header"}});
    }
  }

  std::set<std::size_t> packed_, priced_;

  void check_packs(const ast::Packs& p) {
    if (p.validity) check_validity(*p.validity);
    if (p.requires_state) states_.insert(p.requires_state->text);
    std::map<Decimal, Span> sizes;  // 100万 and 1000000 are one size: two prices for it would disagree
    for (const auto& col : p.table.columns) {
      if (col.band) {
        diag_.error("pack-header", col.span, "a pack table's header lists pack sizes, not bands",
                    "write the sizes the document sells: | 资源包规格 | 100万 | 1000万 |");
      } else if (auto size = whole(*col.size, "a pack size"); size && size->is_zero()) {
        diag_.error("pack-size", col.span, "a pack size must be more than zero");
      } else if (size) {
        auto [it, fresh] = sizes.emplace(*size, col.span);
        if (!fresh)
          diag_.error("duplicate-pack-size", col.span, fmt::format("the {} pack is listed twice", size->to_string()),
                      "give each pack size one column", {{it->second, "the first"}});
      }
    }
    check_rows(p.table, packed_, "a pack row", "give every column a cell: '-' marks a pack that is not sold");
    for (const auto& row : p.table.rows)
      for (const auto& cell : row.cells) {
        if (cell.kind == ast::Cell::Kind::contact_sales)
          diag_.error("pack-contact", cell.span, "a pack is sold at a price or not at all",
                      "write '-' for a pack that is not sold");
        if (cell.kind == ast::Cell::Kind::price) check_price(cell, false);
      }
  }

  void check_price(const ast::Cell& cell, bool percent_allowed) {
    if (cell.value.percent && !percent_allowed)
      diag_.error("price-percent", cell.span, "a pack price is an amount, not a percentage");
    auto v = amount(cell.value);
    if (v && v->is_negative()) diag_.error("negative-price", cell.span, "a price cannot be negative");
  }

  void check_postpaid(const ast::Postpaid& p) {
    one_of(p.mode, {"volume", "graduated"}, "band mode");
    if (p.requires_state) states_.insert(p.requires_state->text);
    if (p.basis) one_of(*p.basis, {"postpaid_quantity", "usage"}, "band basis");
    check_bands(p.table);
    check_rows(p.table, priced_, "postpaid prices",
               "give every band a price: 联系商务 marks a band without a list price");
    for (const auto& row : p.table.rows)
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const auto& cell = row.cells[i];
        if (cell.kind == ast::Cell::Kind::not_sold)
          diag_.error("postpaid-unsold", cell.span, "every band of a postpaid row needs a price",
                      "write 联系商务 (or: contact sales) where the document says to contact sales");
        if (cell.kind != ast::Cell::Kind::price) continue;
        check_price(cell, true);
        if (cell.value.percent && (i == 0 || row.cells[0].kind != ast::Cell::Kind::price || row.cells[0].value.percent))
          diag_.error("percent-of-nothing", cell.span, "a percentage price is a share of the row's first price",
                      "the first cell of the row must be an amount");
      }
  }

  void check_bands(const ast::Table& t) {
    std::vector<CheckedBand> bands;
    for (const auto& col : t.columns) {
      if (!col.band) {
        diag_.error("band-header", col.span, "a postpaid table's header lists bands, not sizes",
                    "write each band as an interval: (0, 300万], (300万, 1500万], (1500万, ∞)");
        continue;
      }
      for (const ast::Number* bound : {&col.band->lower, col.band->upper ? &*col.band->upper : nullptr})
        if (bound && bound->percent)
          diag_.error("band-percent", bound->span, "a band's bounds are quantities, not percentages",
                      "write them like (0, 300万]");
      auto lower = amount(col.band->lower);
      std::optional<Decimal> upper;
      if (col.band->upper && !(upper = amount(*col.band->upper))) continue;
      if (!lower) continue;
      if (check_band(*col.band, *lower, upper, diag_)) bands.push_back({&*col.band, *lower, upper});
    }
    check_band_sequence(bands, diag_);
  }

  // ---- fees ----
  std::map<std::string, Span> fee_names_;  // ids and display names of the fees so far
  void check_fee(const ast::Fee& f) {
    if (f.price.percent) diag_.error("price-percent", f.price.span, "a fee is an amount, not a percentage");
    if (auto v = amount(f.price); v && v->is_negative())
      diag_.error("negative-price", f.price.span, "a fee cannot be negative");
    if (!fee_ids_.insert(f.id.text).second)
      diag_.error("duplicate-fee", f.id.span, fmt::format("fee '{}' is defined twice", f.id.text));
    std::set<std::string> own{f.id.text};
    for (const auto& n : f.names) {
      if (!own.insert(n.text).second) continue;
      auto [it, fresh] = fee_names_.emplace(n.text, n.span);
      if (!fresh)
        diag_.error("duplicate-name", n.span, fmt::format("'{}' already names another fee", n.text),
                    "a fee is bought by its id or name: each must pick out one fee", {{it->second, "first used here"}});
    }
    fee_names_.emplace(f.id.text, f.id.span);
    std::set<std::string> dims;
    for (const auto& d : f.per) {
      if (d.size)
        if (auto size = whole(*d.size, "a fee's unit"); size && size->is_zero())
          diag_.error("fee-unit", d.size->span, "a fee is sold per a unit of more than zero",
                      "write it like: per 50 qps");
      if (!dims.insert(d.name.text).second)
        diag_.error("duplicate-dimension", d.name.span, fmt::format("the fee is per {} twice", d.name.text));
    }
    for (const auto& limit : f.limits) {
      if (!dims.contains(limit.dimension.text))
        diag_.error("unknown-dimension", limit.dimension.span,
                    fmt::format("fee '{}' is not priced per {}", f.id.text, limit.dimension.text),
                    "limit a dimension the fee is priced per, like: day from 1 to 30");
      std::optional<Decimal> from, to;
      if (limit.from) from = whole(*limit.from, "a fee limit");
      if (limit.to) to = whole(*limit.to, "a fee limit");
      for (const auto* n : {&limit.step, &limit.up_to})
        if (*n)
          if (auto v = whole(**n, "a fee limit"); v && v->is_zero() && n == &limit.step)
            diag_.error("fee-unit", (*n)->span, "a step of zero sells nothing", "write a step of 1 or more");
      if (from && to && *to < *from)
        diag_.error("fee-range", limit.from->span,
                    fmt::format("{} from {} to {} allows no quantity", limit.dimension.text, from->to_string(),
                                to->to_string()),
                    "write the lower end first");
    }
    for (const auto& inc : f.includes) {
      meter(inc.meter);
      if (auto size = whole(inc.size, "an included pack"); size && size->is_zero())
        diag_.error("pack-size", inc.size.span, "a pack size must be more than zero");
    }
    if (f.grants_state) states_.insert(f.grants_state->text);
    if (f.requires_state) states_.insert(f.requires_state->text);
  }
  std::set<std::string> fee_ids_;

  const ast::Fee* fee(const ast::Name& ref) {
    for (const auto& f : product_.fees) {
      if (f.id.text == ref.text) return &f;
      for (const auto& n : f.names)
        if (n.text == ref.text) return &f;
    }
    diag_.error("unknown-fee", ref.span, fmt::format("no fee '{}' in product {}", ref.text, product_.id.text),
                fee_ids_.empty() ? "the product defines no fee" : fmt::format("its fees: {}", join(fee_ids_)));
    return nullptr;
  }

  void check_fee_use(const ast::Example::FeeUse& use) {
    const ast::Fee* f = fee(use.fee);
    for (const auto& [dim, qty] : use.quantities) {
      whole(qty, "a fee quantity");
      if (f &&
          std::none_of(f->per.begin(), f->per.end(), [&name = dim.text](const auto& d) { return d.name.text == name; }))
        diag_.error("unknown-dimension", dim.span,
                    fmt::format("fee '{}' is not priced per {}", use.fee.text, dim.text));
    }
  }

  // ---- settlement ----
  void check_settle() {
    if (!product_.settle) {
      if (!product_.meters.empty())
        diag_.error("missing-settle", product_.id.span,
                    fmt::format("product {} states no settlement order", product_.id.text),
                    "add a line like: settle free > packs > postpaid");
      return;
    }
    auto steps = settlement_steps(*product_.settle, prelude_);
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
    }
    require_step(seen, SettlementStep::free, !product_.free.empty(), "a free quota");
    require_step(seen, SettlementStep::grant, !product_.grants.empty(), "a grant");
    require_step(seen, SettlementStep::packs, !product_.packs.empty(), "packs");
    require_step(seen, SettlementStep::postpaid, !product_.postpaid.empty(), "postpaid prices");
    require_step(
        seen, SettlementStep::packs,
        std::any_of(product_.fees.begin(), product_.fees.end(), [](const auto& f) { return !f.includes.empty(); }),
        "fees that include packs");
  }

  void require_step(const std::set<SettlementStep>& seen, SettlementStep step, bool present, const char* what) {
    if (present && !seen.contains(step))
      diag_.error("unused-step", product_.settle->span,
                  fmt::format("the product has {} but its settlement order never uses them", what),
                  fmt::format("add '{}' to the settle statement", to_string(step)));
  }

  // ---- examples ----
  void check_example(const ast::Example& e) {
    for (const auto& r : e.repeated) repeated(r, "example");
    for (const auto& u : e.usage) {
      meter(u.meter);
      whole(u.quantity, "a usage");
    }
    for (const auto& b : e.buys) check_buy(b);
    for (const auto& h : e.held) {
      meter(h.meter);
      whole(h.remaining, "a pack's remaining calls");
      if (h.size) whole(*h.size, "a pack size");
    }
    for (const auto& f : e.fees) check_fee_use(f);
    for (const auto& s : e.states)
      if (!states_.contains(s.text))
        diag_.error("unknown-state", s.span,
                    fmt::format("no rule of product {} depends on the state '{}'", product_.id.text, s.text),
                    states_.empty() ? "this product's rules mention no account state"
                                    : fmt::format("its rules mention: {}", join(states_)));
    for (const auto& x : e.expects) check_expect(x);
    if (e.expects.empty())
      diag_.error("example-expects-nothing", e.span, "example checks nothing", "add a line like: expect total = 10470");
  }

  void check_buy(const ast::Example::Buy& b) {
    auto m = meter(b.meter);
    auto size = whole(b.size, "a pack size");
    if (b.count)
      if (auto count = whole(*b.count, "a pack count"); count && count->is_zero())
        diag_.error("pack-count", b.count->span, "buying 0 packs buys nothing", "the count is at least 1, or leave it out");
    if (!m || !size) return;
    for (const auto& p : product_.packs)
      for (const auto& row : p.table.rows) {
        auto it = names_.find(row.key.text);
        if (it == names_.end() || it->second != *m) continue;
        for (std::size_t i = 0; i < p.table.columns.size() && i < row.cells.size(); ++i) {
          const auto& col = p.table.columns[i];
          if (col.size && prelude_.value(*col.size) == size) {
            if (row.cells[i].kind != ast::Cell::Kind::price)
              diag_.error("pack-not-sold", b.size.span,
                          fmt::format("the {} pack of '{}' is not sold", b.size.digits + b.size.unit, b.meter.text),
                          "the pack table marks it '-'", {{row.cells[i].span, "here"}});
            return;
          }
        }
      }
    diag_.error("unknown-pack", b.size.span,
                fmt::format("meter '{}' has no {} pack", b.meter.text, b.size.digits + b.size.unit));
  }

  void check_expect(const ast::Example::Expect& x) {
    one_of(x.subject, {"total", "freeze", "notice", "alert", "error"}, "expectation");
    bool wants_text = x.subject.text == "error" || x.subject.text == "notice" || x.subject.text == "alert";
    if (wants_text ? !x.text.has_value() : !x.value.has_value())
      diag_.error(
          "expect-shape", x.span,
          wants_text ? fmt::format("expect {} takes a text in quotes", x.subject.text) : "expect takes '= AMOUNT'");
    if (x.value) amount(*x.value);
    check_currency(x.currency);
  }
};

}  // namespace

void check_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics) {
  ProductChecker(product, prelude, diagnostics).run();
}

void check_prelude(const ast::File& file, const Prelude&, Diagnostics& diagnostics) {
  for (const auto& s : file.settlements)
    for (const auto& step : s.steps)
      if (!parse_settlement_step(step.text))
        diagnostics.error("unknown-step", step.span, fmt::format("unknown settlement step '{}'", step.text));
}

}  // namespace tariff
