// Examples and scenarios: parse-tree nodes → the syntax tree, as written. An example of one bill
// holds its items itself; one that spans months holds them in `month 2026-01 { ... }` blocks.
#include "interpreter/language/parse_tree.hpp"

namespace tariff::parsing {

namespace {

struct ExampleConverter {
  const Reader& r;

  ast::Example example(const Node& n) const {
    ast::Example e;
    e.span = r.span(n);
    for (const auto& c : n.children) example_item(e, *c);
    return e;
  }

  void example_item(ast::Example& e, const Node& c) const {
    if (c.is_type<g::example_title>()) {
      e.title = r.text(c);
    } else if (c.is_type<g::example_source>()) {
      if (first(e.source.empty(), "source", c, e)) e.source = r.text(c);
    } else if (c.is_type<g::scenario_product>()) {
      if (first(!e.product, "product", c, e)) e.product = r.name(c);
    } else if (c.is_type<g::discrepancy_text>()) {
      if (first(!e.discrepancy, "discrepancy", c, e)) e.discrepancy = r.text(c);
    } else if (c.is_type<g::month_block>()) {
      e.months.push_back(month(c));
    } else if (c.is_type<g::period_item>()) {
      if (first(!e.period_spent, "period", c, e)) period(e, c);
    } else {
      bill_item(e, c);
    }
  }

  // period spent AMOUNT [CUR]
  void period(ast::Example& e, const Node& n) const {
    for (const auto& c : n.children) {
      if (c->is_type<g::spent_amount>())
        e.period_spent = r.number(*c);
      else if (c->is_type<g::amount_currency>())
        e.period_currency = r.name(*c);
    }
  }

  // An item an example states once: true the first time; again, it is recorded for the checker
  // to report, and the first stays.
  bool first(bool unset, const char* item, const Node& c, ast::Example& e) const {
    if (!unset) e.repeated.push_back({item, r.span(c)});
    return unset;
  }

  ast::Example::Month month(const Node& n) const {
    ast::Example::Month m;
    m.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::month_name>())
        m.month = r.name(*c);
      else
        bill_item(m, *c);
    }
    return m;
  }

  void bill_item(ast::ExampleBill& b, const Node& c) const {
    if (c.is_type<g::usage_item>())
      b.usage.push_back({r.name(*c.children.at(0)), r.number(*c.children.at(1))});
    else if (c.is_type<g::buy_item>())
      b.buys.push_back(buy(c));
    else if (c.is_type<g::held_item>())
      b.held.push_back(held(c));
    else if (c.is_type<g::state_item>())
      b.states.push_back(state(c));
    else if (c.is_type<g::expect_item>())
      b.expects.push_back(expect(c));
    else if (c.is_type<g::fee_use_item>())
      b.fees.push_back(fee_use(c));
  }

  ast::ExampleBill::State state(const Node& n) const {
    ast::ExampleBill::State s;
    s.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::state_name>())
        s.state = r.name(*c);
      else if (c->is_type<g::state_from>())
        s.from = r.name(*c);
      else if (c->is_type<g::state_until>())
        s.until = r.name(*c);
    }
    return s;
  }

  ast::ExampleBill::Buy buy(const Node& n) const {
    ast::ExampleBill::Buy b;
    b.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::meter_ref>())
        b.meter = r.name(*c);
      else if (c->is_type<g::pack_size>())
        b.size = r.number(*c);
      else if (c->is_type<g::pack_count>())
        b.count = r.number(*c);
    }
    return b;
  }

  ast::ExampleBill::Held held(const Node& n) const {
    ast::ExampleBill::Held h;
    h.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::meter_ref>())
        h.meter = r.name(*c);
      else if (c->is_type<g::held_remaining>())
        h.remaining = r.number(*c);
      else if (c->is_type<g::held_size>())
        h.size = r.number(*c);
    }
    return h;
  }

  ast::ExampleBill::Expect expect(const Node& n) const {
    ast::ExampleBill::Expect x;
    x.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::expect_subject>())
        x.subject = r.name(*c);
      else if (c->is_type<g::expect_meter>())
        x.meter = r.name(*c);
      else if (c->is_type<g::expect_value>())
        x.value = r.number(*c);
      else if (c->is_type<g::amount_currency>())
        x.currency = r.name(*c);
      else if (c->is_type<g::expect_text>())
        x.text = r.text(*c);
    }
    return x;
  }

  // fee NAME [DIM = Q, ...]
  ast::ExampleBill::FeeUse fee_use(const Node& n) const {
    ast::ExampleBill::FeeUse f;
    f.span = r.span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::fee_ref>())
        f.fee = r.name(*c);
      else if (c->is_type<g::fee_assignment>())
        f.quantities.emplace_back(r.name(*c->children.at(0)), r.number(*c->children.at(1)));
    }
    return f;
  }
};

}  // namespace

ast::Example convert_example(const Reader& reader, const Node& block) {
  return ExampleConverter{reader}.example(block);
}

ast::ExampleBill::Buy convert_buy(const Reader& reader, const Node& purchase) {
  return ExampleConverter{reader}.buy(purchase);
}

ast::ExampleBill::Held convert_held(const Reader& reader, const Node& purchase) {
  return ExampleConverter{reader}.held(purchase);
}

}  // namespace tariff::parsing
