// The grammar: what it accepts (checked through the AST it builds) and, for every message in
// grammar/errors.hpp a user can reach, the input that reaches it and where the caret goes.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/errors.hpp"
#include "grammar/rules.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/language/parse.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::source;
using tariff::test::text_at;
using tariff::test::where;

namespace {

ast::File parse_ok(const std::string& text) {
  Diagnostics d;
  auto file = parse_file(source(text), d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(file);
  REQUIRE(d.empty());
  return std::move(*file);
}

// The one diagnostic a file with a syntax error gets.
Diagnostic parse_error(const std::string& text) {
  Diagnostics d;
  auto file = parse_file(source(text), d);
  CHECK_FALSE(file);
  REQUIRE(d.size() == 1);
  return d.list().front();
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input", "[grammar]") {
  REQUIRE(tao::pegtl::analyze<grammar::file>(-1) == 0);
}

TEST_CASE("an empty file, comments and a byte-order mark parse to nothing", "[grammar]") {
  for (const char* text : {"", "   \n\n", "# only a comment", "\xEF\xBB\xBF# bom\n"}) {
    INFO(text);
    auto f = parse_ok(text);
    CHECK(f.products.empty());
    CHECK(f.units.empty());
    CHECK(f.settlements.empty());
  }
}

TEST_CASE("prelude definitions: units and settlement orders", "[grammar]") {
  auto f = parse_ok("unit 万 = 10000\nunit 亿 = 10000万  # comment\nsettlement mine = packs > free > postpaid\n");
  REQUIRE(f.units.size() == 2);
  CHECK(f.units[0].name.text == "万");
  CHECK(f.units[0].value.digits == "10000");
  CHECK(f.units[0].value.unit.empty());
  CHECK(f.units[1].value.digits == "10000");
  CHECK(f.units[1].value.unit == "万");
  CHECK(text_at(f.units[1].span) == "unit 亿 = 10000万");
  REQUIRE(f.settlements.size() == 1);
  CHECK(f.settlements[0].name.text == "mine");
  REQUIRE(f.settlements[0].steps.size() == 3);
  CHECK(f.settlements[0].steps[0].text == "packs");
  CHECK(f.settlements[0].steps[2].text == "postpaid");
}

TEST_CASE("numbers keep their digits, unit and percent sign", "[grammar]") {
  auto f = parse_ok("unit a = 1_000_000\nunit b = 0.0032\nunit c = 1.5亿\nunit d = 120%\n");
  REQUIRE(f.units.size() == 4);
  CHECK(f.units[0].value.digits == "1000000");
  CHECK(f.units[1].value.digits == "0.0032");
  CHECK(f.units[2].value.digits == "1.5");
  CHECK(f.units[2].value.unit == "亿");
  CHECK(f.units[3].value.digits == "120");
  CHECK(f.units[3].value.percent);
  CHECK(f.units[3].value.unit.empty());
  CHECK(text_at(f.units[2].value.span) == "1.5亿");
}

namespace {

const char* full_product = R"(product p 人脸识别 "Face Recognition" {
  currency CNY
  cycle month
  source "doc.txt"
  note "a note"
  meter compare 人脸比对 "Face comparison" aka 比对 actions CompareFace + CompareMaskFace unit call
  meter person 人员库管理 actions CreatePerson, CreateFace
  free 10000 per month for each meter unless suspended
  free 5 per year for compare, "人员库管理"
  grant 50 each of compare valid 1 year when trial
  packs valid 1 year, stackable, not refundable, requires licence {
    | 资源包规格 | 100万 | 1000万 |
    |------------|-------|--------|
    | 人脸比对   | 3100  | -      |
  }
  postpaid graduated, band by usage {
    | 月接口调用总量 | [0, 300万] | (300万, 1500万) | [1500万, ∞) |
    | compare        | 0.0032     | 联系商务        | contact sales |
    | 人员库管理     | 0.0032     | 90%             | 0.0027        |
  }
  settle free > grant > packs > postpaid
  freeze 120%
  alert packs below 15%
  notice when total > 10万 CNY "big bill"
  example "示例" {
    source "doc.txt §1"
    usage 人脸比对 = 350万
    buy compare 1000万 × 3
    held compare 300万 of 1000万
    state trial
    expect total = 10470 CNY
    expect error "contact"
    discrepancy "the page says 10471"
  }
}
)";

}  // namespace

TEST_CASE("a product using every statement builds the whole AST", "[grammar]") {
  auto f = parse_ok(full_product);
  REQUIRE(f.products.size() == 1);
  const ast::Product& p = f.products[0];
  CHECK(p.id.text == "p");
  REQUIRE(p.names.size() == 2);
  CHECK(p.names[0].text == "人脸识别");
  CHECK(p.names[1].text == "Face Recognition");  // quotes stripped
  CHECK(p.currency->text == "CNY");
  CHECK(p.cycle->text == "month");
  CHECK(p.source == "doc.txt");
  CHECK(p.notes == std::vector<std::string>{"a note"});

  REQUIRE(p.meters.size() == 2);
  const ast::Meter& m = p.meters[0];
  CHECK(m.id.text == "compare");
  REQUIRE(m.names.size() == 2);
  CHECK(m.names[1].text == "Face comparison");
  REQUIRE(m.aka.size() == 1);
  CHECK(m.aka[0].text == "比对");
  REQUIRE(m.actions.size() == 2);
  CHECK(m.actions[1].text == "CompareMaskFace");
  CHECK(m.unit->text == "call");
  CHECK(p.meters[1].actions.size() == 2);  // ',' separates actions as '+' does
  CHECK_FALSE(p.meters[1].unit);
  CHECK(where(Diagnostic{"", m.id.span, "", "", {}}) == "6:9");

  REQUIRE(p.free.size() == 2);
  CHECK(p.free[0].each_meter);
  CHECK(p.free[0].unless_state->text == "suspended");
  CHECK(p.free[0].period.text == "month");
  CHECK_FALSE(p.free[1].each_meter);
  REQUIRE(p.free[1].meters.size() == 2);
  CHECK(p.free[1].meters[1].text == "人员库管理");
  CHECK_FALSE(p.free[1].unless_state);

  REQUIRE(p.grants.size() == 1);
  CHECK(p.grants[0].quantity.digits == "50");
  CHECK(p.grants[0].validity.amount.digits == "1");
  CHECK(p.grants[0].validity.unit.text == "year");
  CHECK(p.grants[0].when_state.text == "trial");

  REQUIRE(p.packs.size() == 1);
  const ast::Packs& packs = p.packs[0];
  CHECK(packs.stackable);
  CHECK(packs.refunds->text == "not refundable");  // kept, for the checker to reject
  CHECK(packs.validity->unit.text == "year");
  CHECK(packs.requires_state->text == "licence");
  CHECK(packs.table.label.text == " 资源包规格 ");  // the label cell keeps its blanks
  REQUIRE(packs.table.columns.size() == 2);
  CHECK(packs.table.columns[1].size->unit == "万");
  CHECK_FALSE(packs.table.columns[1].band);
  REQUIRE(packs.table.rows.size() == 1);              // the separator row is not a row
  CHECK(packs.table.rows[0].key.text == "人脸比对");  // trimmed
  CHECK(text_at(packs.table.rows[0].key.span) == "人脸比对");
  REQUIRE(packs.table.rows[0].cells.size() == 2);
  CHECK(packs.table.rows[0].cells[1].kind == ast::Cell::Kind::not_sold);

  REQUIRE(p.postpaid.size() == 1);
  const ast::Postpaid& post = p.postpaid[0];
  CHECK(post.mode.text == "graduated");
  CHECK(post.basis->text == "usage");
  REQUIRE(post.table.columns.size() == 3);
  const ast::Interval& b0 = *post.table.columns[0].band;
  CHECK(b0.lower_closed);
  CHECK(b0.upper_closed);
  CHECK(b0.lower.digits == "0");
  CHECK(b0.upper->unit == "万");
  const ast::Interval& b1 = *post.table.columns[1].band;
  CHECK_FALSE(b1.lower_closed);
  CHECK_FALSE(b1.upper_closed);
  const ast::Interval& b2 = *post.table.columns[2].band;
  CHECK(b2.lower_closed);
  CHECK_FALSE(b2.upper);  // ∞
  CHECK(text_at(b2.span) == "[1500万, ∞)");
  REQUIRE(post.table.rows.size() == 2);
  CHECK(post.table.rows[0].cells[1].kind == ast::Cell::Kind::contact_sales);
  CHECK(post.table.rows[0].cells[2].kind == ast::Cell::Kind::contact_sales);  // "contact sales"
  CHECK(post.table.rows[1].cells[1].value.percent);
  CHECK(post.table.rows[1].cells[2].value.digits == "0.0027");

  REQUIRE(p.settle);
  CHECK(p.settle->steps.size() == 4);
  CHECK(p.freeze->digits == "120");
  CHECK(p.freeze->percent);
  CHECK(p.alert->digits == "15");
  REQUIRE(p.notices.size() == 1);
  CHECK(p.notices[0].threshold.unit == "万");
  CHECK(p.notices[0].currency->text == "CNY");
  CHECK(p.notices[0].text == "big bill");

  REQUIRE(p.examples.size() == 1);
  const ast::Example& e = p.examples[0];
  CHECK(e.title == "示例");
  CHECK(e.source == "doc.txt §1");
  REQUIRE(e.usage.size() == 1);
  CHECK(e.usage[0].meter.text == "人脸比对");
  CHECK(e.usage[0].quantity.digits == "350");
  REQUIRE(e.buys.size() == 1);
  CHECK(e.buys[0].meter.text == "compare");
  CHECK(e.buys[0].count->digits == "3");
  REQUIRE(e.held.size() == 1);
  CHECK(e.held[0].remaining.digits == "300");
  CHECK(e.held[0].size->digits == "1000");
  CHECK(e.states.size() == 1);
  REQUIRE(e.expects.size() == 2);
  CHECK(e.expects[0].subject.text == "total");
  CHECK(e.expects[0].value->digits == "10470");
  CHECK(e.expects[0].currency->text == "CNY");
  CHECK(e.expects[1].text == "contact");
  CHECK_FALSE(e.expects[1].value);
  CHECK(e.discrepancy == "the page says 10471");
}

TEST_CASE("keywords do not match the start of an identifier", "[grammar]") {
  // `freeze` is not `free` + `ze`; a meter may be called `unitary` or `packsize`.
  auto f = parse_ok("product p {\n  meter unitary U\n  meter packsize P\n  freeze 120%\n}\n");
  REQUIRE(f.products.size() == 1);
  CHECK(f.products[0].meters.size() == 2);
  CHECK(f.products[0].meters[0].id.text == "unitary");
  CHECK(f.products[0].free.empty());
  CHECK(f.products[0].freeze);
}

TEST_CASE("buy counts: ×, x and *", "[grammar]") {
  for (const char* sign : {"×", "x", "*"}) {
    INFO(sign);
    auto f = parse_ok(std::string("product p {\n example \"e\" { buy m 100万 ") + sign + " 2 }\n}\n");
    CHECK(f.products.at(0).examples.at(0).buys.at(0).count->digits == "2");
  }
}

TEST_CASE("parse_quantity_literal takes a whole quantity or nothing", "[grammar]") {
  for (const char* ok : {"3500000", "350万", "1.5亿", "12%", "1_000"}) {
    INFO(ok);
    CHECK(parse_quantity_literal(source(ok)));
  }
  for (const char* bad : {"", "-5", "1.", "1.万", ".5", "3 5", "350万 ", "万", "+5"}) {
    INFO(bad);
    CHECK_FALSE(parse_quantity_literal(source(bad)));
  }
  auto n = parse_quantity_literal(source("1.5亿"));
  CHECK(n->digits == "1.5");
  CHECK(n->unit == "亿");
}

// ---- syntax errors ----------------------------------------------------------------------------

namespace {

struct SyntaxCase {
  const char* text;
  const char* at;       // line:column of the caret
  const char* message;  // the message, without its hint
};

// Most cases sit in a product; `P` opens one on line 1, so the error is on line 2.
#define P "product p {\n"
#define T "  packs {\n    | 资源包规格 | 100万 |\n"  // a pack table's header on line 3

// clang-format off
const SyntaxCase syntax_cases[] = {
  // lexical
  {P "  source \"unterminated\n}", "2:23", "unterminated string"},
  {P "  freeze 1.%\n}", "2:12", "expected digits after the decimal point"},
  {P "  freeze 1_00%\n}", "2:14", "expected three digits after '_'"},
  // bands
  {P "  postpaid volume {\n    | 量 | (x, 1] |\n", "3:12", "expected the band's lower bound, a number like 300万"},
  {P "  postpaid volume {\n    | 量 | (0 300万] |\n", "3:14", "expected ',' between the band's bounds"},
  {P "  postpaid volume {\n    | 量 | (0, ] |\n", "3:15", "expected the band's upper bound, a number like 1500万 or ∞"},
  {P "  postpaid volume {\n    | 量 | (0, 300万 |\n", "3:20", "expected ']' (closed end) or ')' (open end) after the upper bound"},
  // tables
  {P "  packs {\n  }\n}", "3:3", "expected the table's header row, like | 资源包规格 | 100万 | 1000万 |"},
  {P "  packs {\n    || 100万 |\n", "3:6", "expected a label in the table's first cell"},
  {P "  packs {\n    | 资源包规格\n", "3:12", "expected '|'"},
  {P "  packs {\n    | 资源包规格 | 百万 |\n", "3:15", "expected a band like (0, 300万] or a pack size like 100万 in the header"},
  {P "  packs {\n    | 资源包规格 | 100万 | size\n", "3:22", "expected a band like (0, 300万] or a pack size like 100万 in the header"},
  {P T "    || 450 |\n", "4:6", "expected a meter in the row's first cell"},
  {P T "    |   | 450 |\n", "4:6", "expected a meter in the row's first cell"},  // found by fuzzing
  {P T "    | 人脸检测 | 四百五 |\n", "4:14", "expected a price (0.0032), '-' (not sold) or 联系商务 (contact sales) in the cell"},
  {P T "    | 人脸检测 | 450 | 备注\n", "4:20", "expected a price (0.0032), '-' (not sold) or 联系商务 (contact sales) in the cell"},
  {P T "    | 人脸检测 | 450\n", "4:17", "expected '|'"},
  {P T "    | 人脸检测 | 450 |\n  product\n", "5:3", "expected '}' closing the table, or another row starting with '|'"},
  {P "  packs valid 1 year | 资源包规格 | 100万 |\n", "2:22", "expected '{'"},
  // product header and items
  {"product 1 {}", "1:9", "expected the product's id, an identifier like speech_recognition"},
  {"product p P Q R {}", "1:15", "expected '{'"},
  {P "  1\n}", "2:3", "expected a product item (currency, cycle, meter, free, grant, packs, postpaid, fee, settle, draw, freeze, alert, notice, rated, minimum, maximum, payable, example) or '}'"},
  {P "  rated licensed\n}", "2:9", "expected 'accounts'"},
  {P "  rated accounts licensed\n}", "2:18", "expected 'are'"},
  {P "  rated accounts are 1\n}", "2:22", "expected the state rated accounts are in"},
  {P "  currency cny\n}", "2:12", "expected a currency code like CNY or USD"},
  {P "  cycle 1\n}", "2:9", "expected a billing cycle: month, year or once"},
  {P "  source doc.txt\n}", "2:10", "expected the source document in quotes"},
  {P "  note later\n}", "2:8", "expected a note in quotes"},
  // meters
  {P "  meter 1\n}", "2:9", "expected the meter's id, like compare"},
  {P "  meter compare\n  currency CNY\n}", "3:3", "expected the meter's display name, like 人脸比对 or \"Face comparison\""},
  {P "  meter compare 比对 aka 1\n}", "2:24", "expected another name for the meter after 'aka'"},
  {P "  meter compare 比对 actions 1\n}", "2:28", "expected the API actions merged into the meter, like CreatePerson + CreateFace"},
  {P "  meter compare 比对 actions A + 1\n}", "2:32", "expected an API action name, like CreatePerson"},
  {P "  meter compare 比对 unit 1\n}", "2:25", "expected the unit the meter counts, like call or device"},
  // free quota and grants
  {P "  free lots per month for each meter\n}", "2:8", "expected the free quantity, like 10000"},
  {P "  free 10000 month\n}", "2:14", "expected 'per'"},
  {P "  free 10000 per 1\n}", "2:18", "expected the period of the free quota, like month"},
  {P "  free 10000 per month each meter\n}", "2:24", "expected 'for'"},
  {P "  free 10000 per month for 1\n}", "2:28", "expected 'each meter' or a list of meters"},
  {P "  free 10000 per month for a, 1\n}", "2:31", "expected a meter, by id or display name"},
  {P "  free 10000 per month for each meter unless 1\n}", "2:46", "expected an account state's name, like in_arrears"},
  {P "  grant some each of a valid 1 year when trial\n}", "2:9", "expected the granted quantity"},
  {P "  grant 50 of a valid 1 year when trial\n}", "2:12", "expected 'each'"},
  {P "  grant 50 each a valid 1 year when trial\n}", "2:17", "expected 'of'"},
  {P "  grant 50 each of 1 valid 1 year when trial\n}", "2:20", "expected a list of meters"},
  {P "  grant 50 each of a when trial\n}", "2:22", "expected the validity, like valid 1 year"},
  {P "  grant 50 each of a valid one year when trial\n}", "2:28", "expected how long it is valid, like 1"},
  {P "  grant 50 each of a valid 1 2 when trial\n}", "2:30", "expected a unit of time: day, month or year"},
  {P "  grant 50 each of a valid 1 year trial\n}", "2:35", "expected 'when STATE': the account state the grant is given in"},
  {P "  grant 50 each of a valid 1 year when 1\n}", "2:40", "expected an account state's name, like in_arrears"},
  // postpaid, settlement, freeze, alert, notice
  {P "  postpaid 1 {\n}", "2:12", "expected the band mode: volume (阶梯到达) or graduated"},
  {P "  postpaid volume, band usage {\n}", "2:25", "expected 'by'"},
  {P "  postpaid volume, band by 1 {\n}", "2:28", "expected what selects the band: postpaid_quantity or usage"},
  {P "  settle 1\n}", "2:10", "expected the settlement order, like free > packs > postpaid"},
  {P "  settle free > 1\n}", "2:17", "expected a settlement step: free, grant, packs or postpaid"},
  {P "  freeze much\n}", "2:10", "expected the freeze as a percentage, like 120%"},
  {P "  alert below 15%\n}", "2:9", "expected 'packs'"},
  {P "  alert packs 15%\n}", "2:15", "expected 'below'"},
  {P "  alert packs below few\n}", "2:21", "expected a percentage, like 15%"},
  {P "  notice total > 10万 \"x\"\n}", "2:10", "expected 'when'"},
  {P "  notice when sum > 10万 \"x\"\n}", "2:15", "expected 'total'"},
  {P "  notice when total 10万 \"x\"\n}", "2:21", "expected '>'"},
  {P "  notice when total > big \"x\"\n}", "2:23", "expected an amount, like 10万"},
  {P "  notice when total > 10万 big\n}", "2:27", "expected the notice text in quotes"},
  // examples
  {P "  example e {}\n}", "2:11", "expected the example's title in quotes, like \"后付费 示例二\""},
  {P "  example \"e\" x\n}", "2:15", "expected '{'"},
  {P "  example \"e\" {\n    usage 1 = 5\n", "3:11", "expected a meter, by id or display name"},
  {P "  example \"e\" {\n    usage a 5\n", "3:13", "expected '='"},
  {P "  example \"e\" {\n    usage a = many\n", "3:15", "expected a quantity, like 350万"},
  {P "  example \"e\" {\n    buy 100万\n", "3:9", "expected a meter and a pack size, like 人脸比对 1000万 × 3"},
  {P "  example \"e\" {\n    held 300万\n", "3:10", "expected a meter and what is left of its pack, like 人脸比对 300万 of 1000万"},
  {P "  example \"e\" {\n    buy a big\n", "3:11", "expected the pack size, like 1000万"},
  {P "  example \"e\" {\n    buy a 100万 × y\n", "3:18", "expected how many packs, like 3"},
  {P "  example \"e\" {\n    held a lots\n", "3:12", "expected how many calls the held pack has left, like 300万"},
  {P "  example \"e\" {\n    held a 300万 of big\n", "3:20", "expected the held pack's size, like 1000万"},
  {P "  example \"e\" {\n    state 1\n", "3:11", "expected an account state's name, like in_arrears"},
  {P "  example \"e\" {\n    expect 1\n", "3:12", "expected what the example checks: total, payable, freeze, notice, alert, error, expired or remaining"},
  {P "  example \"e\" {\n    expect total 10470\n", "3:18", "expected '= AMOUNT' or an error text in quotes"},
  {P "  example \"e\" {\n    expect total = ten\n", "3:20", "expected an amount, like 10470"},
  {P "  example \"e\" {\n    discrepancy none\n", "3:17", "expected what the document gets wrong, in quotes"},
  {P "  example \"e\" {\n    source doc\n", "3:12", "expected the example's source in quotes: the file and section"},
  {P "  example \"e\" {\n    total = 5\n", "3:5", "expected an example item (month, usage, buy, held, fee, state, period, expect, source, discrepancy) or '}'"},
  // prelude and top level
  {"unit 1 = 2", "1:6", "expected the unit's name, like 万"},
  {"unit 万 10000", "1:8", "expected '='"},
  {"unit 万 = many", "1:10", "expected the unit's value, like 10000"},
  {"settlement 1 = free", "1:12", "expected the settlement order's name"},
  {"settlement s free", "1:14", "expected '='"},
  {"settlement s = free >", "1:22", "expected a settlement step: free, grant, packs or postpaid"},
  {"products p {}", "1:1", "expected 'product', 'scenario', 'unit', 'settlement' or 'draw' at the top level"},
  {"product p {}\n}", "2:1", "expected 'product', 'scenario', 'unit', 'settlement' or 'draw' at the top level"},
  // fees
#define F "  fee f 费 = 1 per day {\n"
  {P "  fee 1\n}", "2:7", "expected the fee's id, like licence"},
  {P "  fee f = 1\n}", "2:9", "expected the fee's display name, like 技术授权费"},
  {P "  fee f 费 = x\n}", "2:13", "expected the fee's price, like 20000"},
  {P "  fee f 费 = 1 per 2\n}", "2:19", "expected what the fee is per, like activity, year or 50 qps"},
  {P F "    includes 人脸比对 1\n", "3:14", "expected 'pack'"},
  {P F "    includes pack p x\n", "3:21", "expected the included pack's size, like 30万"},
  {P F "    day from x\n", "3:14", "expected the lowest quantity, like 1"},
  {P F "    day from 1 x\n", "3:16", "expected 'to'"},
  {P F "    day from 1 to x\n", "3:19", "expected the highest quantity, like 30"},
  {P F "    day step x\n", "3:14", "expected the step, like 50"},
  {P F "    day up to x\n", "3:15", "expected the most that can be bought, like 250"},
  {P F "    day 1\n", "3:9", "expected a limit on the dimension: from A to B, step N, or up to N [else contact sales]"},
  {P F "    day step 1, x\n", "3:17", "expected a limit: from A to B, step N, or up to N [else contact sales]"},
  {P F "    day up to 1 else x\n", "3:22", "expected 'contact sales' or 联系商务 after 'else'"},
  {P F "    1\n", "3:5", "expected a fee item (includes pack, grants, requires, note, or a limit like day from 1 to 30) or '}'"},
  {P "  example \"e\" {\n    fee f day = x\n", "3:17", "expected a quantity, like 2"},
  {P "  example \"e\" {\n    fee 1\n", "3:9", "expected the fee's id, like licence"},
  // accounts over time
  {P "  example \"e\" {\n    month x {\n", "3:11", "expected a month like 2026-01"},
  {"product p from 2027-1 {\n}", "1:16", "expected the month the version is in force from, like 2027-01"},
  {P "  example \"e\" {\n    month 2026-1 {\n", "3:11", "expected a month like 2026-01"},
  {P "  example \"e\" {\n    month 2026-01 {\n      held x 1\n", "4:7", "expected a month item (usage, buy, fee, state, expect) or '}'"},
  {P "  example \"e\" {\n    state s from x\n", "3:18", "expected the month or day the state begins, like 2026-01 or 2026-01-15"},
  {P "  example \"e\" {\n    state s from 2026-01 until 7\n", "3:32", "expected the last month or day in the state, like 2026-06 or 2026-06-10"},
  {P "  example \"e\" {\n    state s from 2026-01-1x\n", "3:18", "expected the month or day the state begins, like 2026-01 or 2026-01-15"},
  {P "  draw 1\n", "2:8", "expected 'packs'"},
  {P "  draw packs expiry\n", "2:14", "expected 'by'"},
  {P "  draw packs by 1\n", "2:17", "expected what packs are drawn by: expiry or purchase"},
  {P "  draw packs by expiry, then 1\n", "2:30", "expected what packs are drawn by: expiry or purchase"},
  {"scenario \"s\" {\n  product 1\n", "2:11", "expected the product's id"},
  {"scenario \"s\" {\n  usage x = 1\n", "2:3", "expected a scenario item (product, source, state, month, expect) or '}'"},
  // pricing beyond the seed documents: flat sums, per N, packages, recurring fees, limits, payable
  {P "  postpaid volume {\n    | 量 | (0, ∞) |\n    | m | flat x |\n", "4:16", "expected the band's flat sum, like 20"},
  {P "  postpaid volume {\n    | 量 | (0, ∞) |\n    | m | flat 20 + x |\n", "4:21", "expected the unit price after '+', like 0.5"},
  {P "  postpaid volume, per x {\n", "2:24", "expected how many units the prices are for, like 1000"},
  {P "  postpaid volume, packages of x {\n", "2:32", "expected the package size, like 100"},
  {P "  postpaid volume, packages of 100 rounded sideways {\n", "2:44", "expected 'up' or 'down' after 'rounded'"},
  {P "  fee f 费 = 50 every 1\n}", "2:22", "expected the fee's period, like month"},
  {P "  minimum x\n}", "2:11", "expected an amount, like 100"},
  {P "  maximum 100 USD month\n}", "2:19", "expected 'per' and the period"},
  {P "  minimum 100 per 1\n}", "2:19", "expected the period, like month or year"},
  {P "  payable to 0.01\n}", "2:11", "expected 'rounded to'"},
  {P "  fee f 费 = 50 every month unless s, prorated day\n}", "2:47", "expected 'by'"},
  {P "  fee f 费 = 50 every month unless s, prorated by 7\n}", "2:50", "expected what a part cycle is prorated by, like day"},
  {P "  fee f 费 = 50 every month unless s, prorated by day 0.01 half_up\n}", "2:54", "expected 'rounded to': a prorated fee names its rounding"},
  {P "  fee f 费 = 50 every month unless s, prorated by day rounded to half_up\n}", "2:65", "expected the unit a prorated fee is rounded to, like 0.01"},
  {P "  fee f 费 = 50 every month unless s, prorated by day rounded to 0.01 2\n}", "2:70", "expected a rounding mode: half_up, half_even, up or down"},
  {P "  payable rounded to x\n}", "2:22", "expected the unit paid in, like 0.01"},
  {P "  payable rounded to 0.01 1\n}", "2:27", "expected a rounding mode: half_up, half_even, up or down"},
  {P "  payable rounded to 0.01 half_up always\n}", "2:35", "expected 'on total' or 'per line'"},
  {P "  example \"e\" {\n    period 100\n", "3:12", "expected 'spent'"},
  {P "  example \"e\" {\n    period spent x\n", "3:18", "expected the amount billed earlier in the period, like 1100"},
#undef F
};
// clang-format on
#undef P
#undef T

}  // namespace

TEST_CASE("every syntax error names what was expected, at the right place", "[grammar]") {
  for (const SyntaxCase& c : syntax_cases) {
    INFO("input:\n" << c.text);
    Diagnostic d = parse_error(c.text);
    INFO(render(d));
    CHECK(d.code == "syntax");
    CHECK(where(d) == c.at);
    CHECK(d.message == c.message);
    CHECK(d.message.find('\n') == std::string::npos);  // the hint is split off
  }
}

namespace {

// The messages of grammar/errors.hpp, read from the file itself so that a message added there
// without a case here fails this test. Escapes are undone; the hint (after "\\n") is dropped.
std::vector<std::string> messages_in_errors_hpp() {
  std::ifstream in(std::string(TARIFF_TEST_DIR) + "/../grammar/errors.hpp");
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  REQUIRE(!all.empty());
  static const std::regex entry(R"re(error_message<[^;]*?> = "((?:[^"\\]|\\.)*)";)re");
  std::vector<std::string> messages;
  for (std::sregex_iterator it(all.begin(), all.end(), entry), end; it != end; ++it) {
    std::string raw = (*it)[1], message;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        message += raw[i];
        continue;
      }
      if (raw[++i] == 'n') break;  // the hint follows
      message += raw[i];
    }
    messages.push_back(message);
  }
  return messages;
}

}  // namespace

TEST_CASE("every reachable message of grammar/errors.hpp has a case", "[grammar]") {
  std::set<std::string> covered;
  for (const SyntaxCase& c : syntax_cases) covered.insert(c.message);
  auto messages = messages_in_errors_hpp();
  CHECK(messages.size() > 70);
  for (const std::string& message : messages) {
    // Not reachable: the 'unreachable: ...' entries by design, and "expected a table" because
    // `table` can only fail through its own must<header_row>.
    // "expected the end of the purchase" ends a --buy or --held value, not a file: test_purchase.cpp.
    if (message.starts_with("unreachable: ") || message == "expected a table" ||
        message == "expected the end of the purchase")
      continue;
    INFO(message);
    CHECK(covered.contains(message));
  }
}

TEST_CASE("a syntax error's hint is the message's second line", "[grammar]") {
  Diagnostic d = parse_error("product p {\n  free 10000 month\n}");
  CHECK(d.message == "expected 'per'");
  CHECK(d.hint == "free 10000 per month for each meter");
  Diagnostic no_hint = parse_error("product p {\n  currency cny\n}");
  CHECK(no_hint.hint.empty());
}

TEST_CASE("the caret covers the word that stands where the grammar wanted something else, CJK included", "[grammar]") {
  Diagnostic d = parse_error("product p {\n  packs {\n    | 资源包规格 | 100万 |\n    | 人脸检测 | 四百五 |\n");
  CHECK(text_at(d.span) == "四百五");
  std::string out = render(d, {});
  INFO(out);
  // Four CJK characters (two columns each) and the bars before the caret: it lands under 四百五.
  std::string caret_line = "      | " + std::string(4 + 2 + 4 * 2 + 3, ' ') + "^^^^^^\n";
  CHECK(out.find("    4 |     | 人脸检测 | 四百五 |\n" + caret_line) != std::string::npos);
  // Not a word: one whole character, multi-byte or not.
  Diagnostic symbol = parse_error("product p {\n  packs {\n    | 资源包规格 | 100万 |\n    | 人脸检测 | ∞5 |\n");
  CHECK(text_at(symbol.span) == "∞");
}

TEST_CASE("a misspelt keyword is named, and a decimal comma is said to be one", "[grammar]") {
  Diagnostic typo = parse_error("product p {\n  currency CNY\n  cylce month\n}");
  CHECK(text_at(typo.span) == "cylce");
  CHECK(typo.hint == "did you mean 'cycle'?");
  Diagnostic comma = parse_error("product p {\n  packs {\n    | 资源包规格 | 100万 |\n    | 人脸检测 | 1,5 |\n");
  CHECK(text_at(comma.span) == "1,5");
  CHECK(comma.hint == "decimal comma? write 1.5");
}

TEST_CASE("a syntax error at the end of the file points past the last character", "[grammar]") {
  Diagnostic d = parse_error("product p {\n  currency CNY\n");
  CHECK(where(d) == "3:1");
  CHECK(d.span.begin == d.span.end);
}
