// Parse actions: each grammar rule that carries meaning fills one field of the node being built.
// Rules commit early (if_must), so an action never fires on a branch that is later abandoned.
#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"
#include "grammar/rules.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/language/parse_control.hpp"
#include "interpreter/language/script_parse.hpp"

namespace tariff {
namespace g = grammar;
namespace pegtl = tao::pegtl;

namespace {

struct Builder {
  SourcePtr source;
  ast::File file;
  // Nodes under construction; each is moved into its parent when its rule completes.
  ast::Product product;
  ast::Meter meter;
  ast::FreeQuota free;
  ast::Grant grant;
  ast::Packs packs;
  ast::Postpaid postpaid;
  ast::Table table;
  ast::Row row;
  ast::Interval interval;
  ast::Notice notice;
  ast::Example example;
  ast::Example::Buy buy;
  ast::Example::Held held;
  ast::Example::Expect expect;
  ast::Fee fee;
  ast::Fee::Limit limit;
  ast::Example::FeeUse fee_use;
  std::optional<ast::Number> dimension_size;
  ast::Name pending_dimension;
  ast::UnitDef unit;
  ast::SettlementDef settlement;
  // Pieces shared by several statements.
  std::vector<ast::Name> refs;   // meter references of the statement being parsed
  std::vector<ast::Name> steps;  // settlement steps
  std::optional<ast::Name> state;
  std::optional<ast::Validity> validity;
  bool in_example = false;

  template <typename Input>
  Span span(const Input& in) const {
    std::size_t begin = static_cast<std::size_t>(in.begin() - source->text.data());
    return Span{source, begin, begin + in.size()};
  }
  template <typename Input>
  ast::Name name(const Input& in) const {
    std::string text = in.string();
    if (!text.empty() && text.front() == '"') text = text.substr(1, text.size() - 2);
    return {std::move(text), span(in)};
  }
  template <typename Input>
  std::string text(const Input& in) const {
    return name(in).text;
  }
  template <typename Input>
  ast::Number number(const Input& in) const {
    return make_number(in.string(), span(in));
  }
  std::vector<ast::Name> take_refs() { return std::exchange(refs, {}); }

  // Sets a single-valued item, or records it as given again (the first stays).
  template <typename T, typename Input>
  void once(std::optional<T>& slot, T value, const char* item, const Input& in, std::vector<ast::Name>& repeated) {
    if (slot)
      repeated.push_back({item, span(in)});
    else
      slot = std::move(value);
  }
};

// The action table: one line per rule, kept aligned by hand.
// clang-format off
template<typename Rule> struct action : pegtl::nothing<Rule> {};
#define TARIFF_ACTION(rule) \
  template<> struct action<g::rule> { \
    template<typename Input> static void apply([[maybe_unused]] const Input& in, Builder& b)
#define TARIFF_END };

// ---- product ----
TARIFF_ACTION(product_id) { b.product.id = b.name(in); } TARIFF_END
TARIFF_ACTION(product_name) { b.product.names.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(currency_code) { b.once(b.product.currency, b.name(in), "currency", in, b.product.repeated); } TARIFF_END
TARIFF_ACTION(cycle_name) { b.once(b.product.cycle, b.name(in), "cycle", in, b.product.repeated); } TARIFF_END
TARIFF_ACTION(source_text) {
  if (!b.product.source.empty()) b.product.repeated.push_back({"source", b.span(in)});
  else b.product.source = b.text(in);
} TARIFF_END
TARIFF_ACTION(note_text) { b.product.notes.push_back(b.text(in)); } TARIFF_END
TARIFF_ACTION(product_block) {
  b.product.span = b.span(in);
  b.file.products.push_back(std::exchange(b.product, {}));
} TARIFF_END

// ---- meters ----
TARIFF_ACTION(meter_id) { b.meter.id = b.name(in); } TARIFF_END
TARIFF_ACTION(meter_name) { b.meter.names.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(meter_aka) { b.meter.aka.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(api_action) { b.meter.actions.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(meter_unit) { b.meter.unit = b.name(in); } TARIFF_END
TARIFF_ACTION(meter_stmt) {
  b.meter.span = b.span(in);
  b.product.meters.push_back(std::exchange(b.meter, {}));
} TARIFF_END

// ---- shared pieces ----
TARIFF_ACTION(meter_ref) { b.refs.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(state_name) { b.state = b.name(in); } TARIFF_END
TARIFF_ACTION(validity_amount) { b.validity = ast::Validity{b.number(in), {}, {}}; } TARIFF_END
TARIFF_ACTION(validity_unit) { b.validity->unit = b.name(in); } TARIFF_END
TARIFF_ACTION(validity) { b.validity->span = b.span(in); } TARIFF_END

// ---- free quota and grant ----
TARIFF_ACTION(free_quantity) { b.free.quantity = b.number(in); } TARIFF_END
TARIFF_ACTION(free_period) { b.free.period = b.name(in); } TARIFF_END
TARIFF_ACTION(each_meter) { b.free.each_meter = true; } TARIFF_END
TARIFF_ACTION(free_stmt) {
  b.free.meters = b.take_refs();
  b.free.unless_state = std::exchange(b.state, std::nullopt);
  b.free.span = b.span(in);
  b.product.free.push_back(std::exchange(b.free, {}));
} TARIFF_END
TARIFF_ACTION(grant_quantity) { b.grant.quantity = b.number(in); } TARIFF_END
TARIFF_ACTION(grant_stmt) {
  b.grant.meters = b.take_refs();
  b.grant.validity = *std::exchange(b.validity, std::nullopt);
  b.grant.when_state = *std::exchange(b.state, std::nullopt);
  b.grant.span = b.span(in);
  b.product.grants.push_back(std::exchange(b.grant, {}));
} TARIFF_END

// ---- tables ----
TARIFF_ACTION(table_label) { b.table.label = b.name(in); } TARIFF_END
TARIFF_ACTION(lower_bracket) { b.interval = {}; b.interval.lower_closed = in.peek_char() == '['; } TARIFF_END
TARIFF_ACTION(lower_bound) { b.interval.lower = b.number(in); } TARIFF_END
TARIFF_ACTION(upper_bound) {
  char c = in.peek_char();
  if (std::isdigit(static_cast<unsigned char>(c))) b.interval.upper = b.number(in);
} TARIFF_END
TARIFF_ACTION(upper_bracket) { b.interval.upper_closed = in.peek_char() == ']'; } TARIFF_END
TARIFF_ACTION(column_band) {
  b.interval.span = b.span(in);
  b.table.columns.push_back({b.interval, std::nullopt, b.span(in)});
} TARIFF_END
TARIFF_ACTION(column_size) { b.table.columns.push_back({std::nullopt, b.number(in), b.span(in)}); } TARIFF_END
TARIFF_ACTION(row_key) {
  // The cell is free text between bars; its name is the text without surrounding blanks.
  std::string raw = in.string();
  std::size_t first = raw.find_first_not_of(" \t"), last = raw.find_last_not_of(" \t");
  Span s = b.span(in);
  s.end = s.begin + last + 1;
  s.begin += first;
  b.row.key = {raw.substr(first, last - first + 1), s};
} TARIFF_END
TARIFF_ACTION(contact_sales) { b.row.cells.push_back({ast::Cell::Kind::contact_sales, {}, b.span(in)}); } TARIFF_END
TARIFF_ACTION(not_sold) { b.row.cells.push_back({ast::Cell::Kind::not_sold, {}, b.span(in)}); } TARIFF_END
TARIFF_ACTION(price) { b.row.cells.push_back({ast::Cell::Kind::price, b.number(in), b.span(in)}); } TARIFF_END
TARIFF_ACTION(data_row) {
  b.row.span = b.span(in);
  b.table.rows.push_back(std::exchange(b.row, {}));
} TARIFF_END
TARIFF_ACTION(table) { b.table.span = b.span(in); } TARIFF_END

// ---- packs and postpaid ----
TARIFF_ACTION(pack_stackable) { b.packs.stackable = true; } TARIFF_END
TARIFF_ACTION(not_refundable) { b.packs.refundable = false; } TARIFF_END
TARIFF_ACTION(pack_refundable) { b.packs.refundable = true; } TARIFF_END
TARIFF_ACTION(requires_clause) { b.packs.requires_state = std::exchange(b.state, std::nullopt); } TARIFF_END
TARIFF_ACTION(postpaid_requires) { b.postpaid.requires_state = std::exchange(b.state, std::nullopt); } TARIFF_END
TARIFF_ACTION(packs_block) {
  b.packs.validity = std::exchange(b.validity, std::nullopt);
  b.packs.table = std::exchange(b.table, {});
  b.packs.span = b.span(in);
  b.product.packs.push_back(std::exchange(b.packs, {}));
} TARIFF_END
TARIFF_ACTION(band_mode) { b.postpaid.mode = b.name(in); } TARIFF_END
TARIFF_ACTION(band_basis) { b.postpaid.basis = b.name(in); } TARIFF_END
TARIFF_ACTION(postpaid_block) {
  b.postpaid.table = std::exchange(b.table, {});
  b.postpaid.span = b.span(in);
  b.product.postpaid.push_back(std::exchange(b.postpaid, {}));
} TARIFF_END

// ---- fees ----
TARIFF_ACTION(fee_id) { b.fee.id = b.name(in); } TARIFF_END
TARIFF_ACTION(fee_name) { b.fee.names.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(fee_price) { b.fee.price = b.number(in); } TARIFF_END
TARIFF_ACTION(dimension_size) { b.dimension_size = b.number(in); } TARIFF_END
TARIFF_ACTION(fee_dimension) {
  // "50 qps": the name is the last word; the size, if any, was taken just before.
  std::string text = in.string();
  std::size_t space = text.find_last_of(" \t");
  Span s = b.span(in);
  if (space != std::string::npos) s.begin += space + 1;
  b.fee.per.push_back({std::exchange(b.dimension_size, std::nullopt), {text.substr(space == std::string::npos ? 0 : space + 1), s}});
} TARIFF_END
TARIFF_ACTION(included_size) { b.fee.includes.push_back({b.take_refs().at(0), b.number(in)}); } TARIFF_END
TARIFF_ACTION(grants_item) { b.fee.grants_state = std::exchange(b.state, std::nullopt); } TARIFF_END
TARIFF_ACTION(fee_requires) { b.fee.requires_state = std::exchange(b.state, std::nullopt); } TARIFF_END
TARIFF_ACTION(fee_note_text) { b.fee.notes.push_back(b.text(in)); } TARIFF_END
TARIFF_ACTION(range_dimension) { b.limit = {}; b.limit.dimension = b.name(in); } TARIFF_END
TARIFF_ACTION(range_from) { b.limit.from = b.number(in); } TARIFF_END
TARIFF_ACTION(range_to) { b.limit.to = b.number(in); } TARIFF_END
TARIFF_ACTION(range_step) { b.limit.step = b.number(in); } TARIFF_END
TARIFF_ACTION(range_max) { b.limit.up_to = b.number(in); } TARIFF_END
TARIFF_ACTION(beyond_contact) { b.limit.beyond_is_contact_sales = true; } TARIFF_END
TARIFF_ACTION(dimension_rule) { b.fee.limits.push_back(std::exchange(b.limit, {})); } TARIFF_END
TARIFF_ACTION(fee_stmt) {
  b.fee.span = b.span(in);
  b.product.fees.push_back(std::exchange(b.fee, {}));
} TARIFF_END

// ---- settlement, freeze, alerts, notices ----
TARIFF_ACTION(settle_step) { b.steps.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(settle_stmt) {
  b.once(b.product.settle, ast::Settle{std::exchange(b.steps, {}), b.span(in)}, "settle", in, b.product.repeated);
} TARIFF_END
TARIFF_ACTION(freeze_percent) { b.once(b.product.freeze, b.number(in), "freeze", in, b.product.repeated); } TARIFF_END
TARIFF_ACTION(alert_percent) { b.once(b.product.alert, b.number(in), "alert", in, b.product.repeated); } TARIFF_END
TARIFF_ACTION(rated_state) { b.product.rated_states.push_back(b.name(in)); } TARIFF_END
TARIFF_ACTION(notice_threshold) { b.notice.threshold = b.number(in); } TARIFF_END
TARIFF_ACTION(notice_text) { b.notice.text = b.text(in); } TARIFF_END
TARIFF_ACTION(notice_stmt) {
  b.notice.span = b.span(in);
  b.product.notices.push_back(std::exchange(b.notice, {}));
} TARIFF_END

// ---- examples ----
TARIFF_ACTION(example_title) { b.example.title = b.text(in); b.in_example = true; } TARIFF_END
TARIFF_ACTION(example_source) {
  if (!b.example.source.empty()) b.example.repeated.push_back({"source", b.span(in)});
  else b.example.source = b.text(in);
} TARIFF_END
TARIFF_ACTION(usage_quantity) { b.example.usage.push_back({b.take_refs().at(0), b.number(in)}); } TARIFF_END
TARIFF_ACTION(pack_size) { b.buy.meter = b.take_refs().at(0); b.buy.size = b.number(in); } TARIFF_END
TARIFF_ACTION(pack_count) { b.buy.count = b.number(in); } TARIFF_END
TARIFF_ACTION(buy_item) {
  b.buy.span = b.span(in);
  b.example.buys.push_back(std::exchange(b.buy, {}));
} TARIFF_END
TARIFF_ACTION(held_remaining) { b.held.meter = b.take_refs().at(0); b.held.remaining = b.number(in); } TARIFF_END
TARIFF_ACTION(held_size) { b.held.size = b.number(in); } TARIFF_END
TARIFF_ACTION(held_item) {
  b.held.span = b.span(in);
  b.example.held.push_back(std::exchange(b.held, {}));
} TARIFF_END
TARIFF_ACTION(state_item) { b.example.states.push_back(*std::exchange(b.state, std::nullopt)); } TARIFF_END
TARIFF_ACTION(expect_subject) { b.expect.subject = b.name(in); } TARIFF_END
TARIFF_ACTION(expect_value) { b.expect.value = b.number(in); } TARIFF_END
TARIFF_ACTION(amount_currency) {
  // Written after an amount: belongs to the expectation or notice being built.
  if (b.in_example) b.expect.currency = b.name(in);
  else b.notice.currency = b.name(in);
} TARIFF_END
TARIFF_ACTION(expect_text) { b.expect.text = b.text(in); } TARIFF_END
TARIFF_ACTION(expect_item) {
  b.expect.span = b.span(in);
  b.example.expects.push_back(std::exchange(b.expect, {}));
} TARIFF_END
TARIFF_ACTION(fee_ref) { b.fee_use = {}; b.fee_use.fee = b.name(in); } TARIFF_END
TARIFF_ACTION(assigned_dimension) { b.pending_dimension = b.name(in); } TARIFF_END
TARIFF_ACTION(fee_quantity) {
  b.fee_use.quantities.push_back({b.pending_dimension, b.number(in)});
} TARIFF_END
TARIFF_ACTION(fee_use_item) {
  b.fee_use.span = b.span(in);
  b.example.fees.push_back(std::exchange(b.fee_use, {}));
} TARIFF_END
TARIFF_ACTION(discrepancy_text) { b.once(b.example.discrepancy, b.text(in), "discrepancy", in, b.example.repeated); } TARIFF_END
TARIFF_ACTION(example_block) {
  b.example.span = b.span(in);
  b.in_example = false;
  b.product.examples.push_back(std::exchange(b.example, {}));
} TARIFF_END

// ---- prelude ----
TARIFF_ACTION(unit_name) { b.unit.name = b.name(in); } TARIFF_END
TARIFF_ACTION(unit_value) { b.unit.value = b.number(in); } TARIFF_END
TARIFF_ACTION(unit_def) {
  b.unit.span = b.span(in);
  b.file.units.push_back(std::exchange(b.unit, {}));
} TARIFF_END
TARIFF_ACTION(settlement_name) { b.settlement.name = b.name(in); } TARIFF_END
TARIFF_ACTION(settlement_def) {
  b.settlement.steps = std::exchange(b.steps, {});
  b.settlement.span = b.span(in);
  b.file.settlements.push_back(std::exchange(b.settlement, {}));
} TARIFF_END

// ---- script statements: re-parsed into their own tree by interpreter/script_parse.cpp ----
TARIFF_ACTION(script_statement_body) { b.file.statements.push_back(parse_script_statement(b.span(in))); } TARIFF_END

#undef TARIFF_ACTION
#undef TARIFF_END
// clang-format on

using parse_control::control;

}  // namespace

std::optional<ast::File> parse_file(SourcePtr source, Diagnostics& diagnostics) {
  Builder builder;
  builder.source = source;
  builder.file.source = source;
  pegtl::memory_input in(source->text.data(), source->text.size(), source->name);
  parse_control::operands_seen = 0;
  try {
    pegtl::parse<g::file, action, control>(in, builder);
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, 0, diagnostics);
    return std::nullopt;
  }
  return std::move(builder.file);
}

std::optional<ast::Number> parse_quantity_literal(SourcePtr source) {
  struct whole : pegtl::seq<g::quantity, pegtl::eof> {};
  pegtl::memory_input in(source->text.data(), source->text.size(), source->name);
  try {
    if (!pegtl::parse<whole>(in)) return std::nullopt;
  } catch (const pegtl::parse_error&) {  // a commit point failed: "1." has no digits after '.'
    return std::nullopt;
  }
  return make_number(source->text, Span{source, 0, source->text.size()});
}

}  // namespace tariff
