#pragma once
// The grammar of tariff rule files and scripts, as PEGTL rules and nothing else.
// The parse tree is turned into the syntax tree in interpreter/language/convert_rules.cpp (and
// convert_examples.cpp); error messages live in grammar/errors.hpp. Over 300 lines: the whole
// rule-file grammar reads best in one file, top to bottom, as a PEG does.
//
// Layout rules: whitespace and `# comments` may stand anywhere between tokens, newlines included,
// except inside a table row: a row is one line, `| cell | cell |`, so a missing cell or bar is
// reported on the row that lacks it.
#include <tao/pegtl.hpp>

#include "grammar/lexical.hpp"
#include "grammar/purchase.hpp"
#include "grammar/script.hpp"

namespace tariff::grammar {

using namespace tao::pegtl;

// clang-format off

// Words that start a statement may not be taken for a bare display name.
struct statement_keyword : sor<kw_product, kw_currency, kw_cycle, kw_source, kw_meter, kw_aka,
  kw_actions, kw_unit, kw_free, kw_grant, kw_packs, kw_postpaid, kw_settle, kw_freeze, kw_alert,
  kw_notice, kw_example, kw_fee, kw_includes, kw_usage, kw_buy, kw_held, kw_state, kw_expect,
  kw_discrepancy, kw_note, kw_rated, kw_draw, kw_scenario, kw_minimum, kw_maximum, kw_payable, kw_period> {};

// A name as a price page prints it: a bare word (人脸比对) or a quoted string ("Face comparison").
struct display_name : sor<string_lit, seq<not_at<statement_keyword>, identifier>> {};

// ---- bands: (0, 300万]  [1000, 1万)  (1500万, ∞) -----------------------------------------------
struct infinity : sor<utf8::one<U'∞'>, kw_inf> {};
struct lower_bracket : one<'(', '['> {};
struct upper_bracket : one<')', ']'> {};
struct lower_bound : quantity {};
struct upper_bound : sor<infinity, quantity> {};
struct band_comma : one<','> {};
struct interval : if_must<lower_bracket, sp, lower_bound, sp, band_comma, sp, upper_bound, sp, upper_bracket> {};

// ---- tables -----------------------------------------------------------------------------------
// A table is a header row, an optional markdown separator row, then data rows, each on its line.
struct bar : one<'|'> {};
struct raw_cell : plus<not_one<'|', '\n', '\r'>> {};
struct table_label : raw_cell {};              // top-left cell: free text (资源包规格, 月接口调用总量)
struct column_band : interval {};
struct column_size : quantity {};
struct column_head : sor<column_band, column_size> {};
struct column_caption : plus<not_one<'|', '\n', '\r'>> {};  // [1, 1] 首年
struct header_cell : seq<sp, column_head, sp, opt<column_caption>> {};
// After a bar, either the row ends or another cell must follow: a bad value is reported in its
// own cell, and a missing closing bar as such.
struct next_header_cell : seq<not_at<row_end>, must<header_cell>, must<bar>> {};
struct header_cells : seq<must<header_cell>, must<bar>, star<next_header_cell>> {};
struct header_row : if_must<bar, table_label, bar, header_cells, row_end> {};
struct separator_row : seq<bar, plus<sp, plus<one<'-', ':'>>, sp, bar>, row_end> {};
// A meter by id or by the name the document prints: free text with at least one non-blank
// character (a cell of blanks is a missing key, found by fuzzing).
// Looked ahead, so that a missing key is reported at the start of its cell.
struct row_key : seq<at<star<blank>, not_one<'|', '\n', '\r', ' ', '\t'>>, plus<not_one<'|', '\n', '\r'>>> {};
struct not_sold : one<'-'> {};
struct contact_sales : sor<seq<kw_contact, opt<blank, sp, kw_sales>>, TAO_PEGTL_STRING("联系商务")> {};
struct price : quantity {};
// A band's flat sum, alone or with a unit price: flat 20, flat 20 + 0.5.
struct flat_amount : quantity {};
struct flat_plus : one<'+'> {};
struct flat_unit_price : quantity {};
struct flat_price : if_must<kw_flat, sp, flat_amount, opt<sp, flat_plus, sp, must<flat_unit_price>>> {};
struct cell_value : sor<contact_sales, not_sold, flat_price, price> {};
struct data_cell : seq<sp, cell_value, sp> {};
struct next_data_cell : seq<not_at<row_end>, must<data_cell>, must<bar>> {};
struct data_cells : seq<must<data_cell>, must<bar>, star<next_data_cell>> {};
struct data_row : if_must<bar, row_key, bar, data_cells, row_end> {};
struct table_rows : star<_, sor<separator_row, data_row>> {};
struct table : seq<_, must<header_row>, table_rows> {};
struct open_brace : one<'{'> {};
struct table_close : one<'}'> {};
struct equals : one<'='> {};

// ---- product items --------------------------------------------------------------------------
struct currency_code : plus<upper> {};
struct currency_stmt : if_must<kw_currency, _, currency_code> {};
struct amount_currency : currency_code {};  // 10470 CNY
struct cycle_name : identifier {};
struct cycle_stmt : if_must<kw_cycle, _, cycle_name> {};
struct source_text : string_lit {};
struct source_stmt : if_must<kw_source, _, source_text> {};
struct note_text : string_lit {};
struct note_stmt : if_must<kw_note, _, note_text> {};

// meter compare 人脸比对 "Face comparison" aka 比对 actions CompareFace + CompareMaskFace unit call
struct meter_id : identifier {};
// meter legacy 旧接口 "Legacy" actions Old retired: between versions of a product, a meter the
// version adds or retires says so (meter_standing ends the statement, never a display name).
struct meter_standing : sor<kw_added, kw_retired> {};
struct meter_name : seq<not_at<meter_standing>, display_name> {};
struct meter_aka : display_name {};
struct api_action : identifier {};
struct action_sep : seq<_, one<'+', ','>, _> {};
struct aka_clause : if_must<kw_aka, _, meter_aka> {};
struct action_list : list_must<api_action, action_sep> {};
struct actions_clause : if_must<kw_actions, _, action_list> {};
struct meter_unit : identifier {};
struct decimal_usage : kw_decimal {};  // unit GB decimal: usage may be fractional (2177.42 GB)
struct unit_clause : if_must<kw_unit, _, meter_unit, opt<_, decimal_usage>> {};
struct meter_clause : sor<aka_clause, actions_clause, unit_clause> {};
struct meter_stmt : if_must<kw_meter, _, meter_id, _, meter_name, opt<_, meter_name>,
                            star<_, meter_clause>, opt<_, meter_standing>> {};

struct meter_ref : sor<string_lit, identifier> {};
struct meter_list : list_must<meter_ref, comma> {};
struct each_meter : seq<kw_each, _, kw_meter> {};
struct state_name : identifier {};
struct unless_clause : if_must<kw_unless, _, state_name> {};

// free 10000 per month for each meter unless suspended
struct free_quantity : quantity {};
struct free_period : identifier {};
struct free_meters : sor<each_meter, meter_list> {};
struct free_stmt : if_must<kw_free, _, free_quantity, _, kw_per, _, free_period, _, kw_for, _,
                           free_meters, opt<_, unless_clause>> {};

// grant 50 each of live_verify, live_compare valid 1 year when trial
struct grant_quantity : quantity {};
struct validity_amount : quantity {};
struct validity_unit : identifier {};
struct validity : if_must<kw_valid, _, validity_amount, _, validity_unit> {};
struct when_clause : if_must<kw_when, _, state_name> {};
struct grant_stmt : if_must<kw_grant, _, grant_quantity, _, kw_each, _, kw_of, _, meter_list, _,
                            validity, _, when_clause> {};

// packs valid 1 year, stackable, not refundable { | 资源包规格 | 100万 | ... | }
struct not_refundable : seq<kw_not, _, kw_refundable> {};
struct pack_stackable : kw_stackable {};
struct pack_refundable : kw_refundable {};
struct requires_clause : if_must<kw_requires, _, state_name> {};
struct pack_modifier : sor<validity, pack_stackable, not_refundable, pack_refundable, requires_clause> {};
struct pack_modifiers : list<pack_modifier, comma> {};
struct packs_block : if_must<kw_packs, _, opt<pack_modifiers, _>, open_brace, table, _, table_close> {};

// postpaid volume, band by postpaid_quantity, minimum 50 { | 月接口调用总量 | (0, 300万] | ... | }
struct band_mode : identifier {};
struct band_basis : identifier {};
struct band_by : if_must<kw_band, _, kw_by, _, band_basis> {};
struct postpaid_requires : requires_clause {};
// per 1000 calls: the table's prices are per that many units.
struct per_size : quantity {};
struct per_unit : identifier {};
struct price_per : if_must<kw_per, _, per_size, opt<plus<blank>, per_unit>> {};
// packages of 100 GB rounded up: units billed in whole packages, the prices per package.
struct package_size : quantity {};
struct package_unit : seq<not_at<kw_rounded>, identifier> {};
struct rounding_direction : sor<kw_up, kw_down> {};
struct package_rounding : if_must<kw_rounded, _, rounding_direction> {};
struct packages_option : if_must<kw_packages, _, kw_of, _, package_size, opt<plus<blank>, package_unit>,
                                 opt<_, package_rounding>> {};
struct postpaid_option : sor<band_by, postpaid_requires, price_per, packages_option> {};
struct postpaid_options : star<comma, postpaid_option> {};
struct postpaid_block : if_must<kw_postpaid, _, band_mode, postpaid_options, _, open_brace, table, _,
                                table_close> {};

// settle free > packs > postpaid      (or the name of a settlement order from the prelude)
struct settle_step : identifier {};
struct step_arrow : seq<_, one<'>'>, _> {};
struct settle_steps : list_must<settle_step, step_arrow> {};
struct settle_stmt : if_must<kw_settle, _, settle_steps> {};

// draw packs by expiry, then purchase: the order held packs are drawn in (earliest first).
struct draw_key : identifier {};
struct draw_then : seq<comma, opt<kw_then, _>> {};
struct draw_keys : list_must<draw_key, draw_then> {};
struct draw_packs : kw_packs {};
struct draw_by : kw_by {};
struct draw_stmt : if_must<kw_draw, _, draw_packs, _, draw_by, _, draw_keys> {};

struct freeze_percent : quantity {};
struct freeze_stmt : if_must<kw_freeze, _, freeze_percent> {};
struct alert_percent : quantity {};
struct alert_stmt : if_must<kw_alert, _, kw_packs, _, kw_below, _, alert_percent> {};
struct notice_threshold : quantity {};
struct notice_text : string_lit {};
struct greater : one<'>'> {};
// rated accounts are licensed: the state of an account that batch rating bills, unless its
// states say otherwise (face_fusion's usage is that of licensed activities).
struct rated_state : state_name {};
struct rated_stmt : if_must<kw_rated, _, kw_accounts, _, kw_are, _, rated_state> {};

struct notice_stmt : if_must<kw_notice, _, kw_when, _, kw_total, _, greater, _, notice_threshold,
                             opt<plus<blank>, amount_currency>, _,
                             notice_text> {};


// ---- fees: one-off or periodic charges that are not metered calls --------------------------
// fee licence 技术授权费 = 20000 per activity per year { includes pack 人脸融合 30万  grants licensed }
// fee qps_upgrade 升级QPS = 1050 per activity per day per 50 qps { day from 1 to 30  qps step 50, up to 250 else contact sales }
struct fee_id : identifier {};
struct fee_name : display_name {};
struct fee_price : quantity {};
struct dimension_size : number {};
struct dimension_name : identifier {};
struct fee_dimension : seq<opt<dimension_size, plus<blank>>, dimension_name> {};
struct fee_per : if_must<kw_per, _, fee_dimension> {};
struct included_size : quantity {};
struct includes_item : if_must<kw_includes, _, kw_pack, _, meter_ref, _, included_size, opt<_, validity>> {};
struct grants_item : if_must<kw_grants, _, state_name> {};
struct fee_requires : requires_clause {};
struct fee_note_text : string_lit {};
struct fee_note : if_must<kw_note, _, fee_note_text> {};
struct range_from : quantity {};
struct range_to : quantity {};
struct range_step : quantity {};
struct range_max : quantity {};
struct limit_contact_sales : contact_sales {};
struct beyond_contact : if_must<kw_else, _, limit_contact_sales> {};
struct from_to : if_must<kw_from, _, range_from, _, kw_to, _, range_to> {};
struct step_of : if_must<kw_step, _, range_step> {};
struct up_to : if_must<kw_up, _, kw_to, _, range_max, opt<_, beyond_contact>> {};
struct range_rule : sor<from_to, step_of, up_to> {};
struct range_rules : list_must<range_rule, comma> {};
struct range_dimension : identifier {};
struct dimension_rule : if_must<range_dimension, _, range_rules> {};
struct fee_item : sor<includes_item, grants_item, fee_requires, fee_note, dimension_rule> {};
struct fee_close : one<'}'> {};
struct fee_body : if_must<open_brace, _, star<fee_item, _>, fee_close> {};
// fee platform 平台费 = 50 every month [when STATE | unless STATE] [, prorated by day rounded to
// 0.01 half_up]: charged in every bill.
struct recurring_period : identifier {};
struct recurring_when : when_clause {};
struct recurring_unless : unless_clause {};
// ..., prorated by day rounded to 0.01 half_up: a part month pays for its days in (or out of) the state.
struct proration_by : kw_by {};
struct proration_unit : identifier {};
struct proration_rounded : seq<kw_rounded, _, kw_to> {};
struct proration_rounding_unit : quantity {};
struct proration_mode : identifier {};
struct fee_prorated : if_must<kw_prorated, _, proration_by, _, proration_unit, _, proration_rounded, _,
                              proration_rounding_unit, _, proration_mode> {};
struct fee_every : if_must<kw_every, _, recurring_period, opt<_, sor<recurring_when, recurring_unless>>,
                           opt<comma, fee_prorated>> {};
struct fee_bought : seq<star<_, fee_per>, opt<_, fee_body>> {};
struct fee_terms : sor<seq<_, fee_every>, fee_bought> {};
struct fee_stmt : if_must<kw_fee, _, fee_id, _, fee_name, opt<_, fee_name>, _, equals, _, fee_price, fee_terms> {};

// ---- what a bill comes to: minimums and caps, payable rounding ------------------------------
// minimum 100 USD per month       maximum 5000 USD per month       minimum 1200 USD per year
struct limit_amount : quantity {};
struct limit_per : kw_per {};
struct limit_period : identifier {};
struct minimum_stmt : if_must<kw_minimum, _, limit_amount, opt<plus<blank>, amount_currency>, _, limit_per, _,
                              limit_period> {};
struct maximum_stmt : if_must<kw_maximum, _, limit_amount, opt<plus<blank>, amount_currency>, _, limit_per, _,
                              limit_period> {};
// payable rounded to 0.01 half_up on total        payable rounded to 0.01 half_even per line
struct rounded_to : seq<kw_rounded, _, kw_to> {};
struct rounding_unit : quantity {};
struct rounding_mode_name : identifier {};
struct on_total : seq<kw_on, _, kw_total> {};
struct per_line : seq<kw_per, _, kw_line> {};
struct payable_scope : sor<on_total, per_line> {};
struct payable_stmt : if_must<kw_payable, _, rounded_to, _, rounding_unit, _, rounding_mode_name, _,
                              payable_scope> {};

// ---- examples: a worked example of the document, replayed by `tariff test` ----------------------
struct example_title : string_lit {};
struct usage_quantity : quantity {};
struct usage_item : if_must<kw_usage, _, meter_ref, _, equals, _, usage_quantity> {};
// buy 人脸比对 1000万 × 3, held 人脸比对 300万 of 1000万: the one purchase syntax (grammar/purchase.hpp),
// with literals.
struct pack_size : purchase::size_literal {};
struct pack_count : quantity {};  // a quantity, so that `× 1.5` is rejected as a count, by the checker
struct buy_spec : purchase::buy<meter_ref, pack_size, pack_count> {};
struct buy_item : if_must<kw_buy, _, buy_spec> {};
struct held_remaining : quantity {};
struct held_size : quantity {};
struct held_spec : purchase::held<meter_ref, held_remaining, held_size> {};
struct held_item : if_must<kw_held, _, held_spec> {};
// The command line's --buy and --held values (cli/cmd_bill.cpp): the same purchase, alone.
struct option_end : eof {};
struct buy_option : seq<must<buy_spec>, _, must<option_end>> {};
struct held_option : seq<must<held_spec>, _, must<option_end>> {};
// A month as usage files write it: 2026-01. Looked at whole first, so a malformed one (2026-1) is
// reported where it begins, not at the digit that broke it.
struct month_shape : seq<rep<4, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct month_lit : seq<at<month_shape>, month_shape> {};
// A day a state begins or ends on (2027-01-15), or a month (2027-01).
struct date_shape : seq<rep<4, digit>, one<'-'>, rep<2, digit>, opt<one<'-'>, rep<2, digit>>,
                        not_at<sor<ident_other, one<'-'>>>> {};
struct date_lit : seq<at<date_shape>, date_shape> {};
struct state_from : date_lit {};
struct state_until : date_lit {};
struct state_until_clause : if_must<kw_until, _, state_until> {};
struct state_period : if_must<kw_from, _, state_from, opt<_, state_until_clause>> {};
struct state_item : if_must<kw_state, _, state_name, opt<_, state_period>> {};
struct expect_subject : identifier {};
struct expect_value : quantity {};
struct expect_text : string_lit {};
struct expect_rhs : sor<seq<equals, _, must<expect_value>, opt<plus<blank>, amount_currency>>, expect_text> {};
// expect remaining 人脸比对 = 20万: a meter between the subject and '=' (never before a text).
struct expect_meter : meter_ref {};
struct expect_of_meter : seq<expect_meter, at<_, equals>> {};
struct expect_item : if_must<kw_expect, _, expect_subject, _, opt<expect_of_meter, _>, expect_rhs> {};
struct fee_quantity : quantity {};
struct assigned_dimension : identifier {};
struct fee_assignment : seq<assigned_dimension, _, equals, _, must<fee_quantity>> {};
struct fee_ref : identifier {};
struct fee_use_item : if_must<kw_fee, _, fee_ref, opt<_, list<fee_assignment, comma>>> {};
struct discrepancy_text : string_lit {};
struct discrepancy_item : if_must<kw_discrepancy, _, discrepancy_text> {};
struct example_source : string_lit {};
struct example_source_item : if_must<kw_source, _, example_source> {};
// month 2026-01 { usage ... buy ... }: one month of an example that spans months, settled
// against the ledger the months before it left.
struct month_name : month_lit {};
struct month_item : sor<usage_item, buy_item, fee_use_item, state_item, expect_item> {};
struct month_close : one<'}'> {};
struct month_block : if_must<kw_month, _, month_name, _, open_brace, _, star<month_item, _>, month_close> {};
// period spent 1100 USD: the bill closes its commitment period, after 1100 billed earlier in it.
struct spent_amount : quantity {};
struct period_item : if_must<kw_period, _, kw_spent, _, spent_amount, opt<plus<blank>, amount_currency>> {};
struct example_item : sor<month_block, example_source_item, usage_item, buy_item, held_item, state_item,
                          expect_item, discrepancy_item, fee_use_item, period_item> {};
struct example_close : one<'}'> {};
struct example_block : if_must<kw_example, _, example_title, _, open_brace, _,
                               star<example_item, _>, example_close> {};

struct product_item : sor<currency_stmt, cycle_stmt, source_stmt, note_stmt, meter_stmt, free_stmt,
                          grant_stmt, packs_block, postpaid_block, fee_stmt, settle_stmt, freeze_stmt,
                          alert_stmt, notice_stmt, rated_stmt, draw_stmt, minimum_stmt, maximum_stmt, payable_stmt,
                          example_block> {};
struct product_id : identifier {};
struct product_name : seq<not_at<kw_from>, display_name> {};
// product shop 商店 from 2027-01 { ... }: a version of the product, in force from that month until
// the next version's month (a product without `from` is in force at every month).
struct version_month : month_lit {};
struct version_from : if_must<kw_from, _, version_month> {};
struct product_close : one<'}'> {};
struct product_block : if_must<kw_product, _, product_id, _, opt<product_name, _>,
                               opt<product_name, _>, opt<version_from, _>, open_brace, _, star<product_item, _>,
                               product_close> {};

// ---- prelude definitions --------------------------------------------------------------------
// unit 万 = 10000            settlement standard = free > packs > postpaid
struct unit_name : identifier {};
struct unit_value : quantity {};
struct unit_def : if_must<kw_unit, _, unit_name, _, equals, _, unit_value> {};
struct settlement_name : identifier {};
struct settlement_def : if_must<kw_settlement, _, settlement_name, _, equals, _, settle_steps> {};

// scenario "a year of packs" { product face_recognition  month 2026-01 { ... } ... }: an account
// played through months, outside any product (tariff simulate, tariff test).
struct scenario_product : identifier {};
struct scenario_product_item : if_must<kw_product, _, scenario_product> {};
struct scenario_item : sor<month_block, scenario_product_item, example_source_item, state_item, expect_item> {};
struct scenario_close : one<'}'> {};
struct scenario_block : if_must<kw_scenario, _, example_title, _, open_brace, _, star<scenario_item, _>,
                                scenario_close> {};

struct top_item : sor<product_block, unit_def, settlement_def, draw_stmt, scenario_block, script_statement> {};
struct file_end : eof {};
struct file : seq<opt<utf8::bom>, _, star<top_item, _>, must<file_end>> {};

// clang-format on

}  // namespace tariff::grammar
