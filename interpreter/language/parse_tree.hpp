#pragma once
// Internal to the language layer's parsing (parse.cpp, convert_*.cpp): PEGTL's parse tree of a
// rule file or script, with the meaningful rules kept (the selector), and the helpers that read a
// node into the syntax tree's pieces. The tree is converted once into the AST, which owns its
// strings and spans; nothing outside parsing sees a node.
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/rules.hpp"
#include "interpreter/language/ast.hpp"
#include "interpreter/language/script_ast.hpp"

namespace tariff::parsing {

namespace g = grammar;
namespace gs = grammar::script;
namespace pegtl = tao::pegtl;
using Node = pegtl::parse_tree::node;

// clang-format off
template<typename Rule> using selector = pegtl::parse_tree::selector<Rule,
  pegtl::parse_tree::store_content::on<
    // rule files
    g::product_block, g::product_id, g::product_name, g::version_month, g::currency_code, g::cycle_name, g::source_text,
    g::note_text, g::meter_stmt, g::meter_id, g::meter_name, g::meter_aka, g::api_action, g::meter_unit, g::meter_standing,
    g::meter_ref, g::state_name, g::free_stmt, g::free_quantity, g::free_period, g::each_meter,
    g::grant_stmt, g::grant_quantity, g::validity, g::validity_amount, g::validity_unit,
    g::packs_block, g::pack_stackable, g::not_refundable, g::pack_refundable, g::postpaid_block,
    g::band_mode, g::band_basis, g::table, g::table_label, g::column_band, g::lower_bracket,
    g::lower_bound, g::upper_bound, g::upper_bracket, g::column_size, g::data_row, g::row_key,
    g::contact_sales, g::not_sold, g::price, g::fee_stmt, g::fee_id, g::fee_name, g::fee_price,
    g::fee_dimension, g::dimension_size, g::dimension_name, g::includes_item, g::included_size,
    g::grants_item, g::fee_requires, g::fee_note_text, g::dimension_rule, g::range_dimension,
    g::range_from, g::range_to, g::range_step, g::range_max, g::beyond_contact, g::settle_stmt,
    g::settle_step, g::freeze_percent, g::alert_percent, g::notice_stmt, g::notice_threshold,
    g::amount_currency, g::notice_text, g::rated_state, g::example_block, g::example_title,
    g::example_source, g::usage_item, g::usage_quantity, g::buy_item, g::pack_size, g::pack_count,
    g::held_item, g::held_remaining, g::held_size, g::expect_item, g::expect_subject, g::expect_value,
    g::expect_text, g::discrepancy_text, g::fee_use_item, g::fee_ref, g::fee_assignment,
    g::assigned_dimension, g::fee_quantity, g::unit_def, g::unit_name, g::unit_value,
    g::settlement_def, g::settlement_name, g::script_statement_body, g::draw_stmt, g::draw_key,
    g::state_item, g::state_from, g::state_until, g::expect_meter, g::month_block, g::month_name,
    g::scenario_block, g::scenario_product,
    // pricing beyond the seed documents
    g::decimal_usage, g::flat_price, g::flat_amount, g::flat_unit_price, g::price_per, g::per_size, g::per_unit,
    g::packages_option, g::package_size, g::package_unit, g::rounding_direction, g::fee_every,
    g::recurring_period, g::recurring_when, g::recurring_unless, g::fee_prorated, g::proration_unit,
    g::proration_rounding_unit, g::proration_mode, g::minimum_stmt, g::maximum_stmt,
    g::limit_amount, g::limit_period, g::payable_stmt, g::rounding_unit, g::rounding_mode_name, g::per_line,
    g::period_item, g::spent_amount,
    // scripts
    gs::money, gs::number_lit, gs::text_lit, gs::true_lit, gs::false_lit, gs::variable, gs::call, gs::callee,
    gs::pack_arg, gs::buy_key, gs::held_key, gs::pack_meter, gs::pack_size, gs::pack_size_literal, gs::pack_left,
    gs::pack_count, gs::pack_of, gs::fee_arg,
    gs::fee_name, gs::fee_first, gs::fee_dim, gs::fee_dim_name, gs::fee_quantity, gs::named_arg,
    gs::arg_name, gs::positional_arg, gs::negate, gs::logical_not, gs::mul_op, gs::add_op, gs::cmp_op,
    gs::product_expr, gs::sum_expr, gs::comparison, gs::and_expr, gs::or_expr, gs::if_expr,
    gs::let_stmt, gs::let_name, gs::fn_stmt, gs::fn_name, gs::param, gs::assert_stmt, gs::expect_stmt,
    gs::expr_stmt>>;
// clang-format on

// Reads nodes of one source into the AST's pieces.
struct Reader {
  SourcePtr source;

  Span span(const Node& n) const {
    const char* base = source->text.data();
    return Span{source, static_cast<std::size_t>(n.m_begin.data - base), static_cast<std::size_t>(n.m_end.data - base)};
  }
  // A name as written; a quoted one without its quotes (its span keeps them).
  ast::Name name(const Node& n) const {
    std::string text = n.string();
    if (!text.empty() && text.front() == '"') text = text.substr(1, text.size() - 2);
    return {std::move(text), span(n)};
  }
  std::string text(const Node& n) const { return name(n).text; }
  ast::Number number(const Node& n) const;
};

// Script statements (convert_script.cpp), from a statement node: let_stmt, fn_stmt, ...
script::StatementPtr convert_statement(const Reader& reader, const Node& statement);

// An example_block or a scenario_block (convert_examples.cpp).
ast::Example convert_example(const Reader& reader, const Node& block);

// The items of a purchase (convert_examples.cpp), from a buy_item or held_item node, or the root of
// a --buy or --held value: the meter, the size, the count.
ast::ExampleBill::Buy convert_buy(const Reader& reader, const Node& purchase);
ast::ExampleBill::Held convert_held(const Reader& reader, const Node& purchase);

// A whole rule file (convert_rules.cpp), from the root of its tree.
ast::File convert_file(const Reader& reader, const Node& root);

}  // namespace tariff::parsing
