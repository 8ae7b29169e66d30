#pragma once
// Lexical rules shared by rule files and scripts: layout, comments, identifiers (CJK included),
// keywords, strings and number literals with their units (350万, 120%).
#include <tao/pegtl.hpp>

namespace tariff::grammar {

using namespace tao::pegtl;

// clang-format off

// ---- lexical --------------------------------------------------------------------------------
struct comment : seq<one<'#'>, until<eolf>> {};
struct _ : star<sor<space, comment>> {};           // any layout, newlines included
struct sp : star<blank> {};                         // blanks within one line
struct row_end : seq<sp, sor<comment, eolf>> {};    // after the closing bar of a row

// Letters of identifiers: ASCII letters, '_', and any non-ASCII character that is not a symbol
// the grammar gives a meaning to (∞ × ≤ ≥ …) or CJK/full-width punctuation (，（）).
struct non_ascii_letter : seq<
  not_at<utf8::ranges<0x00A0, 0x00BF, 0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x2000, 0x2BFF,
                      0x3000, 0x303F, 0xFF00, 0xFF0F, 0xFF1A, 0xFF20, 0xFF3B, 0xFF40,
                      0xFF5B, 0xFF65>>,
  utf8::range<0x80, 0x10FFFF>> {};
struct ident_first : sor<ranges<'a', 'z', 'A', 'Z', '_'>, non_ascii_letter> {};
struct ident_other : sor<ident_first, digit> {};
struct identifier : seq<ident_first, star<ident_other>> {};

// Keywords end where an identifier could not go on (so `freeze` is not `free` + `ze`).
template<typename Key> struct keyword : seq<Key, not_at<ident_other>> {};
#define TARIFF_KEYWORD(name, text) struct name : keyword<TAO_PEGTL_STRING(text)> {}
TARIFF_KEYWORD(kw_product, "product");   TARIFF_KEYWORD(kw_currency, "currency");
TARIFF_KEYWORD(kw_cycle, "cycle");       TARIFF_KEYWORD(kw_source, "source");
TARIFF_KEYWORD(kw_meter, "meter");       TARIFF_KEYWORD(kw_aka, "aka");
TARIFF_KEYWORD(kw_actions, "actions");   TARIFF_KEYWORD(kw_unit, "unit");
TARIFF_KEYWORD(kw_free, "free");         TARIFF_KEYWORD(kw_per, "per");
TARIFF_KEYWORD(kw_for, "for");           TARIFF_KEYWORD(kw_each, "each");
TARIFF_KEYWORD(kw_of, "of");             TARIFF_KEYWORD(kw_unless, "unless");
TARIFF_KEYWORD(kw_grant, "grant");       TARIFF_KEYWORD(kw_valid, "valid");
TARIFF_KEYWORD(kw_when, "when");         TARIFF_KEYWORD(kw_packs, "packs");
TARIFF_KEYWORD(kw_stackable, "stackable"); TARIFF_KEYWORD(kw_not, "not");
TARIFF_KEYWORD(kw_refundable, "refundable"); TARIFF_KEYWORD(kw_requires, "requires");
TARIFF_KEYWORD(kw_postpaid, "postpaid"); TARIFF_KEYWORD(kw_band, "band");
TARIFF_KEYWORD(kw_by, "by");             TARIFF_KEYWORD(kw_settle, "settle");
TARIFF_KEYWORD(kw_settlement, "settlement"); TARIFF_KEYWORD(kw_freeze, "freeze");
TARIFF_KEYWORD(kw_alert, "alert");       TARIFF_KEYWORD(kw_below, "below");
TARIFF_KEYWORD(kw_notice, "notice");     TARIFF_KEYWORD(kw_total, "total");
TARIFF_KEYWORD(kw_example, "example");   TARIFF_KEYWORD(kw_usage, "usage");
TARIFF_KEYWORD(kw_buy, "buy");           TARIFF_KEYWORD(kw_held, "held");
TARIFF_KEYWORD(kw_state, "state");       TARIFF_KEYWORD(kw_expect, "expect");
TARIFF_KEYWORD(kw_discrepancy, "discrepancy"); TARIFF_KEYWORD(kw_contact, "contact");
TARIFF_KEYWORD(kw_sales, "sales");       TARIFF_KEYWORD(kw_inf, "inf");
TARIFF_KEYWORD(kw_minimum, "minimum");   TARIFF_KEYWORD(kw_fee, "fee");
TARIFF_KEYWORD(kw_includes, "includes"); TARIFF_KEYWORD(kw_step, "step");
TARIFF_KEYWORD(kw_from, "from");         TARIFF_KEYWORD(kw_to, "to");
TARIFF_KEYWORD(kw_at, "at");             TARIFF_KEYWORD(kw_most, "most");
TARIFF_KEYWORD(kw_else, "else");         TARIFF_KEYWORD(kw_note, "note");
TARIFF_KEYWORD(kw_grants, "grants");     TARIFF_KEYWORD(kw_up, "up");
TARIFF_KEYWORD(kw_pack, "pack");
TARIFF_KEYWORD(kw_rated, "rated");       TARIFF_KEYWORD(kw_accounts, "accounts");
TARIFF_KEYWORD(kw_are, "are");
TARIFF_KEYWORD(kw_draw, "draw");         TARIFF_KEYWORD(kw_month, "month");
TARIFF_KEYWORD(kw_until, "until");       TARIFF_KEYWORD(kw_scenario, "scenario");
// Pricing beyond the seed documents: decimal usage, per-N prices, packages, flat sums per band,
// recurring fees, minimums and caps, payable rounding.
TARIFF_KEYWORD(kw_decimal, "decimal");   TARIFF_KEYWORD(kw_packages, "packages");
TARIFF_KEYWORD(kw_rounded, "rounded");   TARIFF_KEYWORD(kw_down, "down");
TARIFF_KEYWORD(kw_flat, "flat");         TARIFF_KEYWORD(kw_every, "every");
TARIFF_KEYWORD(kw_maximum, "maximum");   TARIFF_KEYWORD(kw_payable, "payable");
TARIFF_KEYWORD(kw_line, "line");         TARIFF_KEYWORD(kw_on, "on");
TARIFF_KEYWORD(kw_period, "period");     TARIFF_KEYWORD(kw_spent, "spent");
TARIFF_KEYWORD(kw_prorated, "prorated");
// A meter a later version of a product adds, or retires.
TARIFF_KEYWORD(kw_added, "added");       TARIFF_KEYWORD(kw_retired, "retired");
// Script statements and expressions.
TARIFF_KEYWORD(kw_let, "let");           TARIFF_KEYWORD(kw_fn, "fn");
TARIFF_KEYWORD(kw_if, "if");             TARIFF_KEYWORD(kw_then, "then");
TARIFF_KEYWORD(kw_assert, "assert");     TARIFF_KEYWORD(kw_true, "true");
TARIFF_KEYWORD(kw_false, "false");       TARIFF_KEYWORD(kw_and, "and");
TARIFF_KEYWORD(kw_or, "or");
#undef TARIFF_KEYWORD

struct comma : seq<_, one<','>, _> {};

struct string_body : until<one<'"'>, not_one<'\n'>> {};
struct string_lit : if_must<one<'"'>, string_body> {};

// Numbers: 3500000, 0.0032, 1_000_000; then a unit suffix from the prelude (350万, 1.5亿) or %.
// The one quantity syntax of rule files, scripts, the command line, CSV files and ledgers: no
// sign, digits grouped by '_' in threes (the leading group of one to three digits is checked where
// the literal is valued, interpreter/literal.cpp), no grouping in the fraction.
struct digit_group : rep<3, digit> {};
struct digits : seq<plus<digit>, star<if_must<one<'_'>, digit_group>>> {};
struct fraction_digits : plus<digit> {};
struct fraction : if_must<one<'.'>, fraction_digits> {};
struct number : seq<digits, opt<fraction>> {};
struct unit_suffix : identifier {};
struct percent_sign : one<'%'> {};
struct quantity : seq<number, opt<sor<percent_sign, unit_suffix>>> {};

// clang-format on

}  // namespace tariff::grammar
