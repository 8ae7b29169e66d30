#pragma once
// The message for every commit point of the grammar, in one table. A rule used under must<>
// without an entry here fails to compile (must_if with RequireMessage), so no user ever reads a
// demangled rule name. Each message reads "expected ..."; text after a newline is the hint.
#include "grammar/rules.hpp"

namespace tariff::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// Rules that cannot fail still need an entry to satisfy must_if; they are never shown.
template <>
inline constexpr auto error_message<_> = "unreachable: layout";
template <>
inline constexpr auto error_message<sp> = "unreachable: blanks";
template <typename... R>
inline constexpr auto error_message<opt<R...>> = "unreachable: optional";
template <typename... R>
inline constexpr auto error_message<star<R...>> = "unreachable: repetition";
template <>
inline constexpr auto error_message<postpaid_options> = "unreachable: options";
template <>
inline constexpr auto error_message<table_rows> = "unreachable: rows";
template <>
inline constexpr auto error_message<fee_terms> = "unreachable: a fee bought matches nothing at least";

// clang-format off
template<> inline constexpr auto error_message<string_body> = "unterminated string\na string ends with '\"' on the line it starts";
template<> inline constexpr auto error_message<fraction_digits> = "expected digits after the decimal point\nwrite 0.5, not 0. or .5";
template<> inline constexpr auto error_message<digit_group> = "expected three digits after '_'\ndigits are grouped in threes: 1_000_000";
template<> inline constexpr auto error_message<lower_bound> = "expected the band's lower bound, a number like 300万\nbands read (0, 300万], [1000, 1万), (1500万, ∞)";
template<> inline constexpr auto error_message<band_comma> = "expected ',' between the band's bounds\nbands read (0, 300万], [1000, 1万), (1500万, ∞)";
template<> inline constexpr auto error_message<upper_bound> = "expected the band's upper bound, a number like 1500万 or ∞";
template<> inline constexpr auto error_message<upper_bracket> = "expected ']' (closed end) or ')' (open end) after the upper bound";
template<> inline constexpr auto error_message<header_row> = "expected the table's header row, like | 资源包规格 | 100万 | 1000万 |\na table is a header row, then one row per meter, each on its own line";
template<> inline constexpr auto error_message<table> = "expected a table";
template<> inline constexpr auto error_message<table_label> = "expected a label in the table's first cell";
template<> inline constexpr auto error_message<bar> = "expected '|'\nevery cell of a row is closed by '|'";
template<> inline constexpr auto error_message<header_cell> = "expected a band like (0, 300万] or a pack size like 100万 in the header";
template<> inline constexpr auto error_message<header_cells> = "unreachable: header cells";
// A row ends where no further cell starts (next_data_cell), so row_end cannot fail under must.
template<> inline constexpr auto error_message<row_end> = "unreachable: row end";
template<> inline constexpr auto error_message<row_key> = "expected a meter in the row's first cell";
template<> inline constexpr auto error_message<data_cell> = "expected a price (0.0032), '-' (not sold) or 联系商务 (contact sales) in the cell";
template<> inline constexpr auto error_message<data_cells> = "unreachable: data cells";
template<> inline constexpr auto error_message<open_brace> = "expected '{'";
template<> inline constexpr auto error_message<table_close> = "expected '}' closing the table, or another row starting with '|'";
template<> inline constexpr auto error_message<equals> = "expected '='";
template<> inline constexpr auto error_message<greater> = "expected '>'";
template<> inline constexpr auto error_message<currency_code> = "expected a currency code like CNY or USD";
template<> inline constexpr auto error_message<cycle_name> = "expected a billing cycle: month, year or once";
template<> inline constexpr auto error_message<source_text> = "expected the source document in quotes\nlike source \"000_0ac471292deef9dc.txt\"";
template<> inline constexpr auto error_message<note_text> = "expected a note in quotes";
template<> inline constexpr auto error_message<meter_id> = "expected the meter's id, like compare";
template<> inline constexpr auto error_message<meter_name> = "expected the meter's display name, like 人脸比对 or \"Face comparison\"";
template<> inline constexpr auto error_message<meter_aka> = "expected another name for the meter after 'aka'";
template<> inline constexpr auto error_message<api_action> = "expected an API action name, like CreatePerson";
template<> inline constexpr auto error_message<action_list> = "expected the API actions merged into the meter, like CreatePerson + CreateFace";
template<> inline constexpr auto error_message<meter_unit> = "expected the unit the meter counts, like call or device";
template<> inline constexpr auto error_message<meter_ref> = "expected a meter, by id or display name";
template<> inline constexpr auto error_message<state_name> = "expected an account state's name, like in_arrears";
template<> inline constexpr auto error_message<free_quantity> = "expected the free quantity, like 10000\nfree 10000 per month for each meter";
template<> inline constexpr auto error_message<kw_per> = "expected 'per'\nfree 10000 per month for each meter";
template<> inline constexpr auto error_message<free_period> = "expected the period of the free quota, like month";
template<> inline constexpr auto error_message<kw_for> = "expected 'for'\nfree 10000 per month for each meter";
template<> inline constexpr auto error_message<free_meters> = "expected 'each meter' or a list of meters";
template<> inline constexpr auto error_message<grant_quantity> = "expected the granted quantity\ngrant 50 each of METER, METER valid 1 year when STATE";
template<> inline constexpr auto error_message<kw_each> = "expected 'each'\ngrant 50 each of METER, METER valid 1 year when STATE";
template<> inline constexpr auto error_message<kw_of> = "expected 'of'";
template<> inline constexpr auto error_message<meter_list> = "expected a list of meters";
template<> inline constexpr auto error_message<validity> = "expected the validity, like valid 1 year";
template<> inline constexpr auto error_message<validity_amount> = "expected how long it is valid, like 1";
template<> inline constexpr auto error_message<validity_unit> = "expected a unit of time: day, month or year";
template<> inline constexpr auto error_message<when_clause> = "expected 'when STATE': the account state the grant is given in";
template<> inline constexpr auto error_message<band_mode> = "expected the band mode: volume (阶梯到达) or graduated";
template<> inline constexpr auto error_message<kw_by> = "expected 'by'\nband by postpaid_quantity";
template<> inline constexpr auto error_message<band_basis> = "expected what selects the band: postpaid_quantity or usage";
template<> inline constexpr auto error_message<settle_step> = "expected a settlement step: free, grant, packs or postpaid";
template<> inline constexpr auto error_message<settle_steps> = "expected the settlement order, like free > packs > postpaid";
template<> inline constexpr auto error_message<freeze_percent> = "expected the freeze as a percentage, like 120%";
template<> inline constexpr auto error_message<kw_packs> = "expected 'packs'\nalert packs below 15%";
template<> inline constexpr auto error_message<kw_below> = "expected 'below'\nalert packs below 15%";
template<> inline constexpr auto error_message<alert_percent> = "expected a percentage, like 15%";
template<> inline constexpr auto error_message<kw_when> = "expected 'when'\nnotice when total > 10万 \"...\"";
template<> inline constexpr auto error_message<kw_total> = "expected 'total'\nnotice when total > 10万 \"...\"";
template<> inline constexpr auto error_message<notice_threshold> = "expected an amount, like 10万";
template<> inline constexpr auto error_message<notice_text> = "expected the notice text in quotes";
template<> inline constexpr auto error_message<example_title> = "expected the example's title in quotes, like \"后付费 示例二\"";
template<> inline constexpr auto error_message<usage_quantity> = "expected a quantity, like 350万";
template<> inline constexpr auto error_message<pack_size> = "expected the pack size, like 1000万";
template<> inline constexpr auto error_message<pack_count> = "expected how many packs, like 3";
template<> inline constexpr auto error_message<held_remaining> = "expected how many calls the held pack has left, like 300万";
template<> inline constexpr auto error_message<buy_spec> = "expected a meter and a pack size, like 人脸比对 1000万 × 3\nbuy METER SIZE [× COUNT]";
template<> inline constexpr auto error_message<held_spec> = "expected a meter and what is left of its pack, like 人脸比对 300万 of 1000万\nheld METER LEFT [of SIZE]";
template<> inline constexpr auto error_message<option_end> = "expected the end of the purchase\n--buy METER=SIZE[xN], --held METER=LEFT[/SIZE]";
template<> inline constexpr auto error_message<held_size> = "expected the held pack's size, like 1000万";
template<> inline constexpr auto error_message<expect_subject> = "expected what the example checks: total, payable, freeze, notice, alert, error, expired or remaining";
template<> inline constexpr auto error_message<expect_rhs> = "expected '= AMOUNT' or an error text in quotes";
template<> inline constexpr auto error_message<expect_value> = "expected an amount, like 10470";
template<> inline constexpr auto error_message<discrepancy_text> = "expected what the document gets wrong, in quotes";
template<> inline constexpr auto error_message<example_source> = "expected the example's source in quotes: the file and section";
template<> inline constexpr auto error_message<example_close> = "expected an example item (month, usage, buy, held, fee, state, period, expect, source, discrepancy) or '}'";
template<> inline constexpr auto error_message<month_name> = "expected a month like 2026-01";
template<> inline constexpr auto error_message<month_close> = "expected a month item (usage, buy, fee, state, expect) or '}'";
template<> inline constexpr auto error_message<state_from> = "expected the month or day the state begins, like 2026-01 or 2026-01-15\nstate STATE from 2026-01 until 2026-06";
template<> inline constexpr auto error_message<state_until> = "expected the last month or day in the state, like 2026-06 or 2026-06-10\nstate STATE from 2026-01 until 2026-06";
template<> inline constexpr auto error_message<state_period> = "unreachable: state period";
template<> inline constexpr auto error_message<state_until_clause> = "unreachable: until";
template<> inline constexpr auto error_message<draw_key> = "expected what packs are drawn by: expiry or purchase\ndraw packs by expiry, then purchase";
template<> inline constexpr auto error_message<draw_keys> = "expected what packs are drawn by: expiry or purchase\ndraw packs by expiry, then purchase";
template<> inline constexpr auto error_message<draw_packs> = "expected 'packs'\ndraw packs by expiry, then purchase";
template<> inline constexpr auto error_message<draw_by> = "expected 'by'\ndraw packs by expiry, then purchase";
template<> inline constexpr auto error_message<scenario_product> = "expected the product's id\nscenario \"...\" { product PRODUCT  month 2026-01 { ... } }";
template<> inline constexpr auto error_message<scenario_close> = "expected a scenario item (product, source, state, month, expect) or '}'";
template<> inline constexpr auto error_message<kw_accounts> = "expected 'accounts'\nrated accounts are STATE";
template<> inline constexpr auto error_message<kw_are> = "expected 'are'\nrated accounts are STATE";
template<> inline constexpr auto error_message<rated_state> = "expected the state rated accounts are in\nrated accounts are STATE";
template<> inline constexpr auto error_message<product_id> = "expected the product's id, an identifier like speech_recognition";
template<> inline constexpr auto error_message<version_month> = "expected the month the version is in force from, like 2027-01\nproduct ID NAME from 2027-01 { ... }";
template<> inline constexpr auto error_message<product_close> = "expected a product item (currency, cycle, meter, free, grant, packs, postpaid, fee, settle, draw, freeze, alert, notice, rated, minimum, maximum, payable, example) or '}'";
template<> inline constexpr auto error_message<unit_name> = "expected the unit's name, like 万";
template<> inline constexpr auto error_message<unit_value> = "expected the unit's value, like 10000";
template<> inline constexpr auto error_message<settlement_name> = "expected the settlement order's name";
template<> inline constexpr auto error_message<file_end> = "expected 'product', 'scenario', 'unit', 'settlement' or 'draw' at the top level";
template<> inline constexpr auto error_message<fee_id> = "expected the fee's id, like licence";
template<> inline constexpr auto error_message<fee_name> = "expected the fee's display name, like 技术授权费";
template<> inline constexpr auto error_message<fee_price> = "expected the fee's price, like 20000";
template<> inline constexpr auto error_message<fee_dimension> = "expected what the fee is per, like activity, year or 50 qps";
template<> inline constexpr auto error_message<kw_pack> = "expected 'pack'\nincludes pack 人脸融合 30万";
template<> inline constexpr auto error_message<included_size> = "expected the included pack's size, like 30万";
template<> inline constexpr auto error_message<range_from> = "expected the lowest quantity, like 1";
template<> inline constexpr auto error_message<range_to> = "expected the highest quantity, like 30";
template<> inline constexpr auto error_message<kw_to> = "expected 'to'\nday from 1 to 30, or: qps up to 250";
template<> inline constexpr auto error_message<range_step> = "expected the step, like 50";
template<> inline constexpr auto error_message<range_max> = "expected the most that can be bought, like 250";
template<> inline constexpr auto error_message<range_rules> = "expected a limit on the dimension: from A to B, step N, or up to N [else contact sales]";
template<> inline constexpr auto error_message<range_rule> = "expected a limit: from A to B, step N, or up to N [else contact sales]";
template<> inline constexpr auto error_message<fee_close> = "expected a fee item (includes pack, grants, requires, note, or a limit like day from 1 to 30) or '}'";
template<> inline constexpr auto error_message<fee_note_text> = "expected a note in quotes";
template<> inline constexpr auto error_message<fee_quantity> = "expected a quantity, like 2";
template<> inline constexpr auto error_message<fee_ref> = "expected the fee's id, like licence";
template<> inline constexpr auto error_message<limit_contact_sales> = "expected 'contact sales' or 联系商务 after 'else'";
template<> inline constexpr auto error_message<flat_amount> = "expected the band's flat sum, like 20\nflat 20, or flat 20 + 0.5 (a flat sum and a unit price)";
template<> inline constexpr auto error_message<flat_unit_price> = "expected the unit price after '+', like 0.5\nflat 20 + 0.5";
template<> inline constexpr auto error_message<per_size> = "expected how many units the prices are for, like 1000\npostpaid volume, per 1000 calls";
template<> inline constexpr auto error_message<package_size> = "expected the package size, like 100\npostpaid volume, packages of 100 rounded up";
template<> inline constexpr auto error_message<rounding_direction> = "expected 'up' or 'down' after 'rounded'";
template<> inline constexpr auto error_message<proration_by> = "expected 'by'\nfee platform 平台费 = 50 every month when active, prorated by day rounded to 0.01 half_up";
template<> inline constexpr auto error_message<proration_unit> = "expected what a part cycle is prorated by, like day\nprorated by day rounded to 0.01 half_up";
template<> inline constexpr auto error_message<proration_rounded> = "expected 'rounded to': a prorated fee names its rounding\nprorated by day rounded to 0.01 half_up";
template<> inline constexpr auto error_message<proration_rounding_unit> = "expected the unit a prorated fee is rounded to, like 0.01\nprorated by day rounded to 0.01 half_up";
template<> inline constexpr auto error_message<proration_mode> = "expected a rounding mode: half_up, half_even, up or down\nprorated by day rounded to 0.01 half_up";
template<> inline constexpr auto error_message<recurring_period> = "expected the fee's period, like month\nfee platform 平台费 = 50 every month";
template<> inline constexpr auto error_message<limit_amount> = "expected an amount, like 100\nminimum 100 USD per month";
template<> inline constexpr auto error_message<limit_per> = "expected 'per' and the period\nminimum 100 USD per month";
template<> inline constexpr auto error_message<limit_period> = "expected the period, like month or year";
template<> inline constexpr auto error_message<rounded_to> = "expected 'rounded to'\npayable rounded to 0.01 half_up on total";
template<> inline constexpr auto error_message<rounding_unit> = "expected the unit paid in, like 0.01\npayable rounded to 0.01 half_up on total";
template<> inline constexpr auto error_message<rounding_mode_name> = "expected a rounding mode: half_up, half_even, up or down";
template<> inline constexpr auto error_message<payable_scope> = "expected 'on total' or 'per line'\npayable rounded to 0.01 half_up on total";
template<> inline constexpr auto error_message<kw_spent> = "expected 'spent'\nperiod spent 1100 USD";
template<> inline constexpr auto error_message<spent_amount> = "expected the amount billed earlier in the period, like 1100";
// clang-format on

struct errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

}  // namespace tariff::grammar
#include "grammar/script_errors.hpp"  // after the primary template: the script grammar's messages
