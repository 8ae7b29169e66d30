// Rule files: parse-tree nodes (parse_tree.hpp) → the syntax tree (ast.hpp), as written: names
// unresolved, numbers as text with their unit. One short function per construct of
// grammar/rules.hpp; examples and scenarios are convert_examples.cpp's. Over 300 lines as the
// grammar's product items are many: one converter keeps them beside each other, as rules.hpp does.
#include <algorithm>

#include "interpreter/language/parse_tree.hpp"

namespace tariff::parsing {

namespace {

struct RulesConverter {
  const Reader& r;

  // Sets a single-valued item, or records it as given again (the first stays; the checker says so).
  template <typename T>
  static void once(std::optional<T>& slot, T value, const char* item, const Span& at, std::vector<ast::Name>& repeated) {
    if (slot) repeated.push_back({item, at});
    else
      slot = std::move(value);
  }

  // product ID NAME NAME { items }
  ast::Product product(const Node& n) const {
    ast::Product p;
    p.span = r.span(n);
    for (const auto& c : n.children) product_item(p, *c);
    return p;
  }

  void product_item(ast::Product& p, const Node& c) const {
    if (c.is_type<g::product_id>()) p.id = r.name(c);
    else if (c.is_type<g::product_name>()) p.names.push_back(r.name(c));
    else if (c.is_type<g::version_month>()) p.from = r.name(c);
    else if (c.is_type<g::currency_code>()) once(p.currency, r.name(c), "currency", r.span(c), p.repeated);
    else if (c.is_type<g::cycle_name>()) once(p.cycle, r.name(c), "cycle", r.span(c), p.repeated);
    else if (c.is_type<g::source_text>()) {
      if (!p.source.empty()) p.repeated.push_back({"source", r.span(c)});
      else p.source = r.text(c);
    } else if (c.is_type<g::note_text>()) p.notes.push_back(r.text(c));
    else if (c.is_type<g::meter_stmt>()) p.meters.push_back(meter(c));
    else if (c.is_type<g::free_stmt>()) p.free.push_back(free(c));
    else if (c.is_type<g::grant_stmt>()) p.grants.push_back(grant(c));
    else if (c.is_type<g::packs_block>()) p.packs.push_back(packs(c));
    else if (c.is_type<g::postpaid_block>()) p.postpaid.push_back(postpaid(c));
    else if (c.is_type<g::fee_stmt>()) fee_or_recurring(p, c);
    else if (c.is_type<g::minimum_stmt>()) once(p.minimum, charge_limit(c), "minimum", r.span(c), p.repeated);
    else if (c.is_type<g::maximum_stmt>()) once(p.maximum, charge_limit(c), "maximum", r.span(c), p.repeated);
    else if (c.is_type<g::payable_stmt>()) once(p.payable, payable(c), "payable", r.span(c), p.repeated);
    else if (c.is_type<g::settle_stmt>()) once(p.settle, settle(c), "settle", r.span(c), p.repeated);
    else if (c.is_type<g::freeze_percent>()) once(p.freeze, r.number(c), "freeze", r.span(c), p.repeated);
    else if (c.is_type<g::alert_percent>()) once(p.alert, r.number(c), "alert", r.span(c), p.repeated);
    else if (c.is_type<g::notice_stmt>()) p.notices.push_back(notice(c));
    else if (c.is_type<g::rated_state>()) p.rated_states.push_back(r.name(c));
    else if (c.is_type<g::draw_stmt>()) once(p.draw, draw(c), "draw", r.span(c), p.repeated);
    else if (c.is_type<g::example_block>()) p.examples.push_back(convert_example(r, c));
  }

  // meter ID NAME [NAME] [aka NAME]... [actions A + B] [unit U] [added | retired]
  ast::Meter meter(const Node& n) const {
    ast::Meter m;
    m.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::meter_id>()) m.id = r.name(*c);
      else if (c->is_type<g::meter_name>()) m.names.push_back(r.name(*c));
      else if (c->is_type<g::meter_aka>()) m.aka.push_back(r.name(*c));
      else if (c->is_type<g::api_action>()) m.actions.push_back(r.name(*c));
      else if (c->is_type<g::meter_unit>()) m.unit = r.name(*c);
      else if (c->is_type<g::decimal_usage>()) m.decimal = r.span(*c);
      else if (c->is_type<g::meter_standing>()) m.standing = r.name(*c);
    }
    return m;
  }

  // free Q per PERIOD for each meter | METERS [unless STATE]
  ast::FreeQuota free(const Node& n) const {
    ast::FreeQuota f;
    f.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::free_quantity>()) f.quantity = r.number(*c);
      else if (c->is_type<g::free_period>()) f.period = r.name(*c);
      else if (c->is_type<g::each_meter>()) f.each_meter = true;
      else if (c->is_type<g::meter_ref>()) f.meters.push_back(r.name(*c));
      else if (c->is_type<g::state_name>()) f.unless_state = r.name(*c);
    }
    return f;
  }

  ast::Validity validity(const Node& n) const {
    ast::Validity v;
    v.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::validity_amount>()) v.amount = r.number(*c);
      else if (c->is_type<g::validity_unit>()) v.unit = r.name(*c);
    }
    return v;
  }

  // grant Q each of METERS valid N UNIT when STATE
  ast::Grant grant(const Node& n) const {
    ast::Grant g;
    g.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::grant_quantity>()) g.quantity = r.number(*c);
      else if (c->is_type<g::meter_ref>()) g.meters.push_back(r.name(*c));
      else if (c->is_type<g::validity>()) g.validity = validity(*c);
      else if (c->is_type<g::state_name>()) g.when_state = r.name(*c);
    }
    return g;
  }

  // packs [valid N UNIT, stackable, not refundable, requires STATE] { table }
  ast::Packs packs(const Node& n) const {
    ast::Packs p;
    p.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::validity>()) p.validity = validity(*c);
      else if (c->is_type<g::pack_stackable>()) p.stackable = true;
      else if (c->is_type<g::not_refundable>() || c->is_type<g::pack_refundable>()) p.refunds = r.name(*c);
      else if (c->is_type<g::state_name>()) p.requires_state = r.name(*c);
      else if (c->is_type<g::table>()) p.table = table(*c);
    }
    return p;
  }

  // postpaid MODE [, band by BASIS] [, requires STATE] { table }
  ast::Postpaid postpaid(const Node& n) const {
    ast::Postpaid p;
    p.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::band_mode>()) p.mode = r.name(*c);
      else if (c->is_type<g::band_basis>()) p.basis = r.name(*c);
      else if (c->is_type<g::state_name>()) p.requires_state = r.name(*c);
      else if (c->is_type<g::price_per>()) p.per.push_back(price_basis(*c));
      else if (c->is_type<g::packages_option>()) p.packages.push_back(price_basis(*c));
      else if (c->is_type<g::table>()) p.table = table(*c);
    }
    return p;
  }

  // per 1000 calls | packages of 100 GB rounded up
  ast::PriceBasis price_basis(const Node& n) const {
    ast::PriceBasis b;
    b.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::per_size>() || c->is_type<g::package_size>()) b.size = r.number(*c);
      else if (c->is_type<g::per_unit>() || c->is_type<g::package_unit>()) b.unit = r.name(*c);
      else if (c->is_type<g::rounding_direction>()) b.rounding = r.name(*c);
    }
    return b;
  }

  // | label | column | ... |, then | key | cell | ... | rows
  ast::Table table(const Node& n) const {
    ast::Table t;
    t.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::table_label>()) t.label = r.name(*c);
      else if (c->is_type<g::column_band>()) t.columns.push_back({interval(*c), std::nullopt, r.span(*c)});
      else if (c->is_type<g::column_size>()) t.columns.push_back({std::nullopt, r.number(*c), r.span(*c)});
      else if (c->is_type<g::data_row>()) t.rows.push_back(row(*c));
    }
    return t;
  }

  // (0, 300万]   [1000, 1万)   (1500万, ∞)
  ast::Interval interval(const Node& n) const {
    ast::Interval in;
    in.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::lower_bracket>()) in.lower_closed = c->string_view() == "[";
      else if (c->is_type<g::lower_bound>()) in.lower = r.number(*c);
      else if (c->is_type<g::upper_bracket>()) in.upper_closed = c->string_view() == "]";
      else if (c->is_type<g::upper_bound>() && std::isdigit(static_cast<unsigned char>(c->string_view().front())))
        in.upper = r.number(*c);
    }
    return in;
  }

  ast::Row row(const Node& n) const {
    ast::Row row;
    row.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::row_key>()) {
        // The cell is free text between bars; its name is the text without surrounding blanks.
        std::string raw = c->string();
        std::size_t first = raw.find_first_not_of(" \t"), last = raw.find_last_not_of(" \t");
        Span s = r.span(*c);
        s.end = s.begin + last + 1;
        s.begin += first;
        row.key = {raw.substr(first, last - first + 1), s};
      } else if (c->is_type<g::contact_sales>()) {
        row.cells.push_back({ast::Cell::Kind::contact_sales, {}, std::nullopt, r.span(*c)});
      } else if (c->is_type<g::not_sold>()) {
        row.cells.push_back({ast::Cell::Kind::not_sold, {}, std::nullopt, r.span(*c)});
      } else if (c->is_type<g::price>()) {
        row.cells.push_back({ast::Cell::Kind::price, r.number(*c), std::nullopt, r.span(*c)});
      } else if (c->is_type<g::flat_price>()) {
        row.cells.push_back(flat_cell(*c));
      }
    }
    return row;
  }

  // flat 20 [+ 0.5]
  ast::Cell flat_cell(const Node& n) const {
    ast::Cell cell{ast::Cell::Kind::price, {}, std::nullopt, r.span(n)};
    for (const auto& c : n.children) {
      if (c->is_type<g::flat_amount>()) cell.flat = r.number(*c);
      else if (c->is_type<g::flat_unit_price>()) cell.value = r.number(*c);
    }
    return cell;
  }

  // A fee with `every PERIOD` recurs in every bill; any other is bought.
  void fee_or_recurring(ast::Product& p, const Node& n) const {
    if (auto every = recurring(n)) p.recurring.push_back(std::move(*every));
    else p.fees.push_back(fee(n));
  }

  // fee ID NAME [NAME] = AMOUNT every PERIOD [when STATE | unless STATE] [, prorated ...], or none for a
  // fee bought
  std::optional<ast::RecurringFee> recurring(const Node& n) const {
    auto every = std::find_if(n.children.begin(), n.children.end(),
                              [](const auto& c) { return c->template is_type<g::fee_every>(); });
    if (every == n.children.end()) return std::nullopt;
    ast::RecurringFee f;
    f.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::fee_id>()) f.id = r.name(*c);
      else if (c->is_type<g::fee_name>()) f.names.push_back(r.name(*c));
      else if (c->is_type<g::fee_price>()) f.amount = r.number(*c);
    }
    for (const auto& c : (*every)->children) {
      if (c->is_type<g::recurring_period>()) f.period = r.name(*c);
      else if (c->is_type<g::recurring_when>()) f.when_state = r.name(*c->children.front());
      else if (c->is_type<g::recurring_unless>()) f.unless_state = r.name(*c->children.front());
      else if (c->is_type<g::fee_prorated>()) f.prorated = prorated(*c);
    }
    return f;
  }

  // prorated by UNIT rounded to AMOUNT MODE
  ast::Prorated prorated(const Node& n) const {
    ast::Prorated p;
    p.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::proration_unit>()) p.unit = r.name(*c);
      else if (c->is_type<g::proration_rounding_unit>()) p.rounding = r.number(*c);
      else if (c->is_type<g::proration_mode>()) p.mode = r.name(*c);
    }
    return p;
  }

  // minimum | maximum AMOUNT [CUR] per PERIOD
  ast::ChargeLimit charge_limit(const Node& n) const {
    ast::ChargeLimit l;
    l.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::limit_amount>()) l.amount = r.number(*c);
      else if (c->is_type<g::amount_currency>()) l.currency = r.name(*c);
      else if (c->is_type<g::limit_period>()) l.period = r.name(*c);
    }
    return l;
  }

  // payable rounded to UNIT MODE on total | per line
  ast::PayableRounding payable(const Node& n) const {
    ast::PayableRounding p;
    p.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::rounding_unit>()) p.unit = r.number(*c);
      else if (c->is_type<g::rounding_mode_name>()) p.mode = r.name(*c);
      else if (c->is_type<g::per_line>()) p.per_line = true;
    }
    return p;
  }

  // fee ID NAME [NAME] = PRICE [per [N] DIM]... [{ includes, grants, requires, note, limits }]
  ast::Fee fee(const Node& n) const {
    ast::Fee f;
    f.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::fee_id>()) f.id = r.name(*c);
      else if (c->is_type<g::fee_name>()) f.names.push_back(r.name(*c));
      else if (c->is_type<g::fee_price>()) f.price = r.number(*c);
      else if (c->is_type<g::fee_dimension>()) f.per.push_back(dimension(*c));
      else if (c->is_type<g::includes_item>()) f.includes.push_back(included(*c));
      else if (c->is_type<g::grants_item>()) f.grants_state = r.name(*c->children.front());
      else if (c->is_type<g::fee_requires>()) f.requires_state = r.name(*c->children.front());
      else if (c->is_type<g::fee_note_text>()) f.notes.push_back(r.text(*c));
      else if (c->is_type<g::dimension_rule>()) f.limits.push_back(limit(*c));
    }
    return f;
  }

  ast::Fee::Dimension dimension(const Node& n) const {
    ast::Fee::Dimension d;
    for (const auto& c : n.children) {
      if (c->is_type<g::dimension_size>()) d.size = r.number(*c);
      else if (c->is_type<g::dimension_name>()) d.name = r.name(*c);
    }
    return d;
  }

  ast::Fee::Included included(const Node& n) const {
    ast::Fee::Included inc;
    for (const auto& c : n.children) {
      if (c->is_type<g::meter_ref>()) inc.meter = r.name(*c);
      else if (c->is_type<g::included_size>()) inc.size = r.number(*c);
      else if (c->is_type<g::validity>()) inc.validity = validity(*c);
    }
    return inc;
  }

  // DIM from A to B, step N, up to M [else contact sales]
  ast::Fee::Limit limit(const Node& n) const {
    ast::Fee::Limit l;
    for (const auto& c : n.children) {
      if (c->is_type<g::range_dimension>()) l.dimension = r.name(*c);
      else if (c->is_type<g::range_from>()) l.from = r.number(*c);
      else if (c->is_type<g::range_to>()) l.to = r.number(*c);
      else if (c->is_type<g::range_step>()) l.step = r.number(*c);
      else if (c->is_type<g::range_max>()) l.up_to = r.number(*c);
      else if (c->is_type<g::beyond_contact>()) l.beyond_is_contact_sales = true;
    }
    return l;
  }

  ast::Settle settle(const Node& n) const {
    ast::Settle s;
    s.span = r.span(n);
    for (const auto& c : n.children) s.steps.push_back(r.name(*c));
    return s;
  }

  // notice when total > AMOUNT [CUR] "text"
  ast::Notice notice(const Node& n) const {
    ast::Notice x;
    x.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::notice_threshold>()) x.threshold = r.number(*c);
      else if (c->is_type<g::amount_currency>()) x.currency = r.name(*c);
      else if (c->is_type<g::notice_text>()) x.text = r.text(*c);
    }
    return x;
  }

  ast::DrawOrder draw(const Node& n) const {
    ast::DrawOrder d{{}, r.span(n)};
    for (const auto& c : n.children) d.keys.push_back(r.name(*c));
    return d;
  }

  ast::UnitDef unit(const Node& n) const {
    return {r.name(*n.children.at(0)), r.number(*n.children.at(1)), r.span(n)};
  }

  ast::SettlementDef settlement(const Node& n) const {
    ast::SettlementDef s;
    s.span = r.span(n);
    s.name = r.name(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) s.steps.push_back(r.name(*n.children[i]));
    return s;
  }
};

}  // namespace

ast::File convert_file(const Reader& reader, const Node& root) {
  RulesConverter convert{reader};
  ast::File file;
  file.source = reader.source;
  for (const auto& c : root.children) {
    if (c->is_type<g::product_block>()) file.products.push_back(convert.product(*c));
    else if (c->is_type<g::unit_def>()) file.units.push_back(convert.unit(*c));
    else if (c->is_type<g::settlement_def>()) file.settlements.push_back(convert.settlement(*c));
    else if (c->is_type<g::draw_stmt>()) file.draws.push_back(convert.draw(*c));
    else if (c->is_type<g::scenario_block>()) file.scenarios.push_back(convert_example(reader, *c));
    else if (c->is_type<g::script_statement_body>()) file.statements.push_back(convert_statement(reader, *c->children.front()));
  }
  return file;
}

}  // namespace tariff::parsing
