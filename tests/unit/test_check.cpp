// Semantic checks: each diagnostic code of the lowering (interpreter/language/lower_*.cpp, and the loader's), from a small
// product that checks clean and one mistake made in it, with the place the caret goes.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "interpreter/language/lower.hpp"
#include "interpreter/language/parse.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::load_text;
using tariff::test::text_at;
using tariff::test::where;

namespace {

// Line numbers matter: the cases below point into this text.
const std::string base = R"(product p {
  currency CNY
  meter compare 人脸比对 actions CompareFace
  meter search 人脸搜索
  free 10000 per month for each meter
  packs valid 1 year {
    | 资源包规格 | 100万 | 1000万 |
    | 人脸比对   | 3100  | -      |
  }
  postpaid volume {
    | 月接口调用总量 | (0, 300万] | (300万, 1500万] | (1500万, ∞) |
    | compare        | 0.0032     | 0.003           | 0.0027      |
    | search         | 0.0032     | 0.003           | 联系商务    |
  }
  settle free > packs > postpaid
}
)";

// `base` with its first occurrence of `from` replaced by `to`.
std::string edit(const std::string& from, const std::string& to) {
  std::string text = base;
  auto at = text.find(from);
  if (at == std::string::npos) FAIL("not in the base product: " << from);
  return text.replace(at, from.size(), to);
}

// An example block added before the product's closing brace.
std::string with_example(const std::string& body) {
  return edit("  settle free > packs > postpaid\n",
              "  settle free > packs > postpaid\n  example \"e\" {\n" + body + "\n  }\n");
}

// The base product's accounts can be suspended (and lose the free quota), so examples may say so.
std::string suspendable(std::string text) {
  auto at = text.find("for each meter\n");
  return text.replace(at, 15, "for each meter unless suspended\n");
}

// An example over months: one month, checking its total, after `before` (example-level items).
std::string over_months(const std::string& before, const std::string& month = "2026-01") {
  return with_example(before + "    month " + month + " {\n      expect total = 0\n    }");
}

Diagnostics check(const std::string& text) {
  Diagnostics d;
  load_text(text, d);
  return d;
}

struct CheckCase {
  const char* name;
  std::string text;
  const char* code;
  const char* at;         // line:column of the caret
  const char* message;    // the whole message
  std::size_t count = 1;  // diagnostics in all (a few mistakes cannot help causing two)
};

std::vector<CheckCase> cases() {
  return {
      // fees
      {"fee defined twice", edit("  settle", "  fee f 费 = 10 per day\n  fee f 费 = 10 per day\n  settle"),
       "duplicate-fee", "16:7", "fee 'f' is defined twice", 2},
      // Found by red-teaming: rules the checker let through, which billing then got wrong.
      {"a fee per zero units", edit("  settle", "  fee f 费 = 10 per 0 seat\n  settle"), "fee-unit", "15:20",
       "a fee is sold per a unit of more than zero"},
      {"a fee limit that allows nothing", edit("  settle", "  fee f 费 = 10 per day {\n    day from 30 to 1\n  }\n  settle"),
       "fee-range", "16:14", "day from 30 to 1 allows no quantity"},
      {"a fee priced as a percentage", edit("  settle", "  fee f 费 = 10% per day\n  settle"), "price-percent", "15:13",
       "a fee is an amount, not a percentage"},
      {"rated accounts in a state no rule depends on", edit("  settle", "  rated accounts are vip\n  settle"),
       "unknown-state", "15:22", "product p has no rule for the account state 'vip'"},
      {"currency given twice", edit("  currency CNY", "  currency CNY\n  currency USD"), "duplicate-item", "3:12",
       "currency is given twice"},
      {"two free quotas for one meter",
       edit("  free 10000 per month for each meter", "  free 10000 per month for each meter\n  free 5 per month for compare"),
       "duplicate-free", "6:24", "meter 'compare' already has a free quota"},
      {"two grants for one meter",
       edit("  settle free > packs > postpaid", "  grant 5 each of compare valid 1 year when trial\n"
                                            "  grant 6 each of 人脸比对 valid 1 year when trial\n"
                                            "  settle grant > free > packs > postpaid"),
       "duplicate-grant", "16:19", "meter 'compare' already has a grant"},
      {"one pack size twice", edit("| 100万 | 1000万 |", "| 100万 | 1000000 |"), "duplicate-pack-size", "7:22",
       "the 1000000 pack is listed twice"},
      {"a band bound as a percentage", edit("(0, 300万]", "(0%, 300万]"), "band-percent", "11:18",
       "a band's bounds are quantities, not percentages"},
      {"fee per a dimension twice", edit("  settle", "  fee f 费 = 10 per day per day\n  settle"),
       "duplicate-dimension", "15:28", "the fee is per day twice"},
      {"limit on a dimension the fee is not priced per",
       edit("  settle", "  fee f 费 = 10 per day {\n    month from 1 to 2\n  }\n  settle"), "unknown-dimension", "16:5",
       "fee 'f' is not priced per month"},
      {"example buys an unknown fee", with_example("    fee nope\n    expect total = 0"), "unknown-fee", "17:9",
       "product p has no fee 'nope'"},
      // values
      {"unknown unit", edit("0.0027 ", "27毫   "), "unknown-unit", "12:55", "unknown unit '毫'"},
      // Regression: the compiler multiplied 300000000 years by 12 in an int (UBSan).
      {"validity too long", edit("packs valid 1 year", "packs valid 300000000 year"), "validity-range", "6:15",
       "a validity of more than 100 years (300000000 year)"},
      {"number out of range", edit("3100 ", "999999999999999999999999999999999999999 "), "number-range", "8:16",
       "number out of range"},
      {"free quota not whole", edit("free 10000", "free 10000.5"), "not-whole", "5:8",
       "a free quota must be a whole number, not 10000.5"},
      {"freeze not a percentage", edit("  settle", "  freeze 120\n  settle"), "not-percent", "15:10",
       "the freeze must be a percentage"},
      {"unknown band mode", edit("postpaid volume", "postpaid steep"), "unknown-word", "10:12",
       "unknown band mode 'steep'"},
      {"unknown cycle", edit("  currency CNY\n", "  currency CNY\n  cycle weekly\n"), "unknown-word", "3:9",
       "unknown billing cycle 'weekly'"},
      {"missing currency", edit("  currency CNY\n", ""), "missing-currency", "1:9", "product p has no currency"},
      // meters
      {"unknown meter in a table", edit("| search  ", "| 人脸检索"), "unknown-meter", "13:7",
       "product p has no meter or API action \'人脸检索\'"},
      {"unknown meter in a free quota", edit("for each meter", "for compare, searches"), "unknown-meter", "5:37",
       "product p has no meter or API action \'searches\'"},
      {"duplicate name", edit("meter search 人脸搜索", "meter search 人脸搜索 actions CompareFace"), "duplicate-name",
       "4:29", "'CompareFace' already names another meter"},
      {"duplicate row", edit("| search  ", "| compare "), "duplicate-row", "13:7",
       "meter 'compare' already has postpaid prices"},
      // tables
      {"row with too few cells", edit("| 0.003           | 0.0027      |", "| 0.003           |"), "row-width", "12:5",
       "row has 2 cells, the header has 3 columns"},
      {"row with too many cells", edit("| 3100  | -      |", "| 3100  | -      | 9 |"), "row-width", "8:5",
       "row has 3 cells, the header has 2 columns"},
      {"pack table with a band", edit("| 100万 |", "| (0, 100万] |"), "pack-header", "7:15",
       "a pack table's header lists pack sizes, not bands"},
      {"pack of size zero", edit("| 100万 |", "| 0     |"), "pack-size", "7:15", "a pack size must be more than zero"},
      {"pack sold by contact", edit("| -      |", "| 联系商务 |"), "pack-contact", "8:24",
       "a pack is sold at a price or not at all"},
      {"pack priced in percent", edit("| 3100  |", "| 10%   |"), "price-percent", "8:16",
       "a pack price is an amount, not a percentage"},
      {"postpaid table with a size", edit("| (1500万, ∞) |", "| 1500万      |"), "band-header", "11:45",
       "a postpaid table's header lists bands, not sizes"},
      {"postpaid cell not sold", edit("| 联系商务    |", "| -           |"), "postpaid-unsold", "13:55",
       "every band of a postpaid row needs a price"},
      {"percent of nothing", edit("| compare        | 0.0032 ", "| compare        | 10%    "), "percent-of-nothing",
       "12:24", "a percentage price is a share of the row's first price"},
      // bands
      {"band gap", edit("(300万, 1500万]", "(400万, 1500万]"), "band-gap", "11:29",
       "bands leave a gap: (0, 300万] ends at 300万, (400万, 1500万] starts at 400万"},
      {"band overlap", edit("(300万, 1500万]", "[300万, 1500万]"), "band-overlap", "11:29",
       "band [300万, 1500万] overlaps the band before it"},
      {"band overlap inside", edit("(300万, 1500万]", "(200万, 1500万]"), "band-overlap", "11:29",
       "band (200万, 1500万] overlaps the band before it"},
      {"band gap of an open end", edit("(300万, 1500万]", "(300万, 1500万)"), "band-gap", "11:45",
       "bands leave a gap: 1500万 itself is in neither (300万, 1500万) nor (1500万, ∞)"},
      {"empty band", edit("(1500万, ∞)", "(1500万, 1500万)"), "band-empty", "11:45",
       "band holds no quantity: its upper bound is not above its lower"},
      {"closed at infinity", edit("(1500万, ∞)", "(1500万, ∞]"), "band-infinite", "11:45",
       "∞ is never reached: close the band with ')'"},
      {"band after infinity", edit("(300万, 1500万]", "(300万, ∞)    "), "band-after-infinity", "11:45",
       "no band can follow one that runs to ∞"},
      // settlement
      {"no settlement order", edit("  settle free > packs > postpaid\n", ""), "missing-settle", "1:9",
       "product p states no settlement order"},
      {"unknown step", edit("settle free > packs > postpaid", "settle free > packs > later > postpaid"), "unknown-step",
       "15:25", "unknown settlement step 'later'"},
      {"unknown named order", edit("settle free > packs > postpaid", "settle usual"), "unknown-step", "15:10",
       "unknown settlement step 'usual'"},  // and not the follow-on "never uses" of free, packs, postpaid
      {"step twice", edit("settle free > packs > postpaid", "settle free > packs > free > postpaid"), "duplicate-step",
       "15:25", "settlement step listed twice"},
      {"postpaid not last", edit("settle free > packs > postpaid", "settle free > postpaid > packs"),
       "postpaid-not-last", "15:17", "postpaid settles what is left, so it comes last"},
      {"unused step", edit("settle free > packs > postpaid", "settle free > postpaid"), "unused-step", "15:3",
       "the product has packs but its settlement order never uses them"},
      // notices and examples
      {"currency mismatch", edit("  settle", "  notice when total > 10万 USD \"big\"\n  settle"), "currency-mismatch",
       "15:27", "amount in USD in a product priced in CNY"},
      {"currency mismatch in an example", with_example("    usage compare = 1\n    expect total = 5 USD"),
       "currency-mismatch", "18:22", "amount in USD in a product priced in CNY"},
      {"unknown pack", with_example("    buy compare 500万\n    expect total = 1"), "unknown-pack", "17:17",
       "p 人脸比对 has no 500万 pack"},
      {"zero pack count", with_example("    buy compare 100万 × 0\n    expect total = 1"), "pack-count", "17:24",
       "buying 0 packs buys nothing"},
      {"pack not sold", with_example("    buy 人脸比对 1000万\n    expect total = 1"), "pack-not-sold", "17:14",
       "the 1000万 pack of 人脸比对 is not sold"},
      {"unknown meter in an example", with_example("    usage faces = 1\n    expect total = 1"), "unknown-meter",
       "17:11", "product p has no meter or API action \'faces\'"},
      {"fractional usage in an example", with_example("    usage compare = 1.5\n    expect total = 1"), "not-whole",
       "17:21", "a usage must be a whole number, not 1.5"},
      {"unknown state", with_example("    state trial\n    expect total = 0"), "unknown-state", "17:11",
       "product p has no rule for the account state 'trial'"},
      {"example without expectation", with_example("    usage compare = 1"), "example-expects-nothing", "16:3",
       "example checks nothing"},
      {"expect of the wrong shape", with_example("    expect total \"10470\""), "expect-shape", "17:5",
       "expect takes '= AMOUNT'"},
      {"unknown expectation", with_example("    expect cost = 5"), "unknown-word", "17:12",
       "unknown expectation 'cost'"},
      // accounts over time
      {"refunds are not modelled", edit("packs valid 1 year {", "packs valid 1 year, not refundable {"), "not-modelled",
       "6:23", "`not refundable` would change no bill: tariff does not model refunds"},
      {"a state's months in an example of one bill",
       suspendable(with_example("    state suspended from 2026-01\n    expect total = 0")), "state-period", "17:5",
       "a state's months belong to an example that spans months"},
      {"a state without months outside a month", suspendable(over_months("    state suspended\n")), "state-period",
       "17:5", "outside a month, a state says the months it holds"},
      {"a state ending before it begins", suspendable(over_months("    state suspended from 2026-03 until 2026-01\n")),
       "state-period", "17:40", "the state ends in 2026-01, before it begins"},
      {"usage outside the months", over_months("    usage compare = 1\n"), "outside-month", "16:3",
       "in an example that spans months, usage, purchases and fees go in a month"},
      {"months out of order", over_months("    month 2026-02 {\n      expect total = 0\n    }\n"), "month-order",
       "20:11", "month 2026-01 does not come after the month before it"},
      {"a month that is none", over_months("", "2026-13"), "bad-month", "17:11", "'2026-13' is not a month"},
      {"expired of one bill", with_example("    expect expired = 0"), "expect-months", "17:12",
       "expect expired is about the months of a ledger"},
      {"a freeze over months", over_months("    expect freeze = 0\n"), "expect-months", "17:12",
       "expect freeze is about one month's bill"},
      {"expired of an unknown meter", over_months("    expect expired faces = 0\n"), "unknown-meter", "17:20",
       "product p has no meter or API action 'faces'"},
      {"a scenario without a product", base + "scenario \"s\" {\n  month 2026-01 {\n    expect total = 0\n  }\n}\n",
       "scenario-product", "17:1", "a scenario names the product it plays"},
      {"a scenario without months", base + "scenario \"s\" {\n  product p\n}\n", "scenario-months", "17:1",
       "a scenario is played month by month, and this one has none"},
      {"a scenario of an unknown product", base + "scenario \"s\" {\n  product q\n  month 2026-01 {\n    expect total = 0\n  }\n}\n",
       "unknown-product", "18:11", "unknown product 'q'"},
      {"packs drawn by an unknown key", edit("  settle", "  draw packs by size\n  settle"), "unknown-word", "15:17",
       "packs cannot be drawn by 'size'"},
      {"packs drawn by a key twice", edit("  settle", "  draw packs by expiry, then expiry\n  settle"), "duplicate-item",
       "15:30", "packs are already drawn by expiry"},
      // pricing beyond the seed documents (lower_prices.cpp, lower_charges.cpp)
      {"a flat sum in a pack table", edit("| 3100  |", "| flat 3100 |"), "flat-pack", "8:16",
       "a pack is sold at one price: a flat sum belongs to a postpaid band"},
      {"prices per zero units", edit("postpaid volume {", "postpaid volume, per 0 {"), "price-per", "10:24",
       "the units a price is for must be a number of units above zero"},
      {"a price per N with no exact price per unit", edit("postpaid volume {", "postpaid volume, per 3 {"), "price-per",
       "12:24", "0.0032 per 3 has no exact price per unit", 2},
      {"packages of zero", edit("postpaid volume {", "postpaid volume, packages of 0 {"), "package-size", "10:32",
       "a package must be a number of units above zero"},
      {"per N and packages at once", edit("postpaid volume {", "postpaid volume, per 1000, packages of 10 {"),
       "price-basis", "10:30", "a table's prices are per N units or per package, not both"},
      {"per a unit the meters do not count", edit("postpaid volume {", "postpaid volume, per 1000 GB {"),
       "unit-mismatch", "10:29", "the table prices GB, but meter 'compare' counts call"},
      {"a recurring fee per a period other than the cycle", edit("  settle", "  fee f 费 = 50 every year\n  settle"),
       "cycle-mismatch", "15:22", "a recurring fee per year in a product billed per month"},
      {"a maximum below the minimum", edit("  settle", "  minimum 100 per month\n  maximum 50 per month\n  settle"),
       "limit-order", "16:11", "the maximum 50 is below the minimum 100"},
      {"payable rounded to zero", edit("  settle", "  payable rounded to 0 half_up on total\n  settle"),
       "rounding-unit", "15:22", "a payable amount is rounded to a unit above zero"},
      {"payable rounded in an unknown mode", edit("  settle", "  payable rounded to 0.01 nearest on total\n  settle"),
       "rounding-mode", "15:27", "unknown rounding mode 'nearest'"},
      {"a fee prorated by a week",
       edit("  settle",
            "  fee f 费 = 50 every month unless suspended, prorated by week rounded to 0.01 half_up\n  settle"),
       "proration-unit", "15:58", "a fee is prorated by day, not by week"},
      {"a fee prorated in a product billed per year",
       edit("  currency CNY\n",
            "  currency CNY\n  cycle year\n"
            "  fee f 费 = 50 every year unless suspended, prorated by day rounded to 0.01 half_up\n"),
       "proration-cycle", "4:45", "a fee prorated by day in a product not billed per month"},
      {"a prorated fee no state makes part of a month",
       edit("  settle", "  fee f 费 = 50 every month, prorated by day rounded to 0.01 half_up\n  settle"),
       "proration-state", "15:29", "no state makes this fee part of a month"},
      {"a prorated fee rounded to zero",
       edit("  settle",
            "  fee f 费 = 50 every month unless suspended, prorated by day rounded to 0 half_up\n  settle"),
       "rounding-unit", "15:73", "a prorated fee is rounded to a unit above zero"},
      {"a prorated fee rounded in an unknown mode",
       edit("  settle",
            "  fee f 费 = 50 every month unless suspended, prorated by day rounded to 0.01 nearest\n  settle"),
       "rounding-mode", "15:78", "unknown rounding mode 'nearest'"},
      {"a state's day past its month's end", suspendable(over_months("    state suspended from 2026-02-30\n")),
       "bad-month", "17:26", "'2026-02-30' is not a month or a day of one"},
      {"a state ending the day before it begins",
       suspendable(over_months("    state suspended from 2026-01-15 until 2026-01-14\n")), "state-period", "17:43",
       "the state ends in 2026-01-14, before it begins"},
      {"a period closed without a commitment",
       with_example("    usage compare = 1\n    period spent 10\n    expect total = 0"), "no-commitment", "18:18",
       "product p has no minimum commitment over a period"},
  };
}

}  // namespace

TEST_CASE("the base product checks clean", "[check]") {
  Diagnostics d = check(base);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.empty());
}

TEST_CASE("each semantic mistake gets its code, message and place", "[check]") {
  for (const CheckCase& c : cases()) {
    INFO(c.name << "\n" << c.text);
    Diagnostics d = check(c.text);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(!d.empty());
    CHECK(d.size() == c.count);
    auto it = std::find_if(d.list().begin(), d.list().end(), [&](const Diagnostic& x) { return x.code == c.code; });
    REQUIRE(it != d.list().end());
    CHECK(where(*it) == c.at);
    CHECK(it->message == c.message);
  }
}

TEST_CASE("every diagnostic code of the lowering has a case", "[check]") {
  std::stringstream text;
  for (const char* file : {"/../interpreter/language/lower_product.cpp", "/../interpreter/language/lower_meters.cpp", "/../interpreter/language/lower_tables.cpp", "/../interpreter/language/lower_fees.cpp", "/../interpreter/language/lower_examples.cpp", "/../interpreter/language/lower_bands.cpp", "/../interpreter/language/lower_literals.cpp", "/../interpreter/language/lower_prices.cpp", "/../interpreter/language/lower_charges.cpp", "/../interpreter/language/lower_versions.cpp", "/../interpreter/model/request_builder.cpp"}) {
    std::ifstream in(std::string(TARIFF_TEST_DIR) + file);
    text << in.rdbuf();
  }
  std::string all = text.str();
  REQUIRE(!all.empty());
  // duplicate-product and the version codes: test_versions.cpp (they take two products); meters
  // added or retired between versions: test_meter_versions.cpp.
  std::set<std::string> covered{
      "duplicate-product", "version-order",       "version-overlap",      "version-meters",    "version-example",
      "version-month",     "no-version-in-force", "meter-retired-priced", "meter-added-first", "meter-retired-first"};
  for (const CheckCase& c : cases()) covered.insert(c.code);
  static const std::regex code(R"re(error\(\s*"([a-z-]+)")re");
  std::size_t found = 0;
  for (std::sregex_iterator it(all.begin(), all.end(), code), end; it != end; ++it, ++found) {
    std::string c = (*it)[1];
    // No literal is negative (the grammar has no minus sign), so these cannot be reached.
    if (c == "band-negative" || c == "negative-price") continue;
    INFO(c);
    CHECK(covered.contains(c));
  }
  CHECK(found > 25);
}

TEST_CASE("a band gap points at the band and notes the one before it", "[check]") {
  Diagnostics d = check(edit("(300万, 1500万]", "(400万, 1500万]"));
  REQUIRE(d.size() == 1);
  const Diagnostic& gap = d.list()[0];
  CHECK(text_at(gap.span) == "(400万, 1500万]");
  REQUIRE(gap.notes.size() == 1);
  CHECK(text_at(gap.notes[0].span) == "(0, 300万]");
  CHECK(gap.notes[0].message == "the band before it");
  CHECK(!gap.hint.empty());
}

TEST_CASE("an overlap's hint says where the band should start", "[check]") {
  Diagnostics d = check(edit("(300万, 1500万]", "[300万, 1500万]"));
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].hint == "start it where the previous band ends: (300万, ...");
}

TEST_CASE("bands that meet at whole units check clean", "[check]") {
  // [1, 50] then [51, 100]: quantities are whole, so nothing lies between 50 and 51.
  // [0, 300万) then [300万, ...: one open end against one closed end.
  for (const char* header :
       {"| [1, 50] | [51, 1500万] | (1500万, ∞) |", "| [0, 300万) | [300万, 1500万] | (1500万, ∞) |",
        "| (0, 300万] | (300万, 1500万) | [1500万, ∞) |"}) {
    INFO(header);
    Diagnostics d = check(edit("| (0, 300万] | (300万, 1500万] | (1500万, ∞) |", header));
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    CHECK(d.empty());
  }
  // but [1, 50.5] then [51, ...] leaves (50.5, 51) uncovered, and [1, 50] [50, ...] shares 50.
  CHECK(check(edit("(0, 300万] | (300万, 1500万]", "[1, 50.5] | [51, 1500万]")).list().at(0).code == "band-gap");
  CHECK(check(edit("(0, 300万] | (300万, 1500万]", "[1, 50] | [50, 1500万]")).list().at(0).code == "band-overlap");
}

TEST_CASE("a meter may repeat its own name; a name of another meter is a clash noted at both", "[check]") {
  CHECK(check(edit("meter search 人脸搜索", "meter search search")).empty());
  Diagnostics d = check(edit("meter search 人脸搜索", "meter search 人脸比对"));
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].code == "duplicate-name");
  CHECK(where(d.list()[0]) == "4:16");
  REQUIRE(d.list()[0].notes.size() == 1);
  CHECK(where(Diagnostic{"", d.list()[0].notes[0].span, "", "", {}}) == "3:17");
}

TEST_CASE("checking goes on after a mistake, and a product with errors is left out", "[check]") {
  std::string text = edit("(300万, 1500万]", "(400万, 1500万]");
  text.replace(text.find("| search  "), 10, "| 人脸检索");
  text.replace(text.find("  currency CNY\n"), 15, "");
  Diagnostics d;
  RuleSet rules = load_text(text, d);
  std::vector<std::string> codes;
  for (const auto& diag : d.list()) codes.push_back(diag.code);
  CHECK(codes == std::vector<std::string>{"missing-currency", "band-gap", "unknown-meter"});
  CHECK(rules.catalog.find("p") == nullptr);
}

TEST_CASE("a product defined twice", "[check]") {
  Diagnostics d;
  RuleSet rules = load_text(base, d);
  load_source(rules, tariff::test::source(base, "u.tariff"), d);
  REQUIRE(d.size() == 1);
  const Diagnostic& dup = d.list()[0];
  CHECK(dup.code == "duplicate-product");
  CHECK(dup.span.source->name == "u.tariff");
  CHECK(where(dup) == "1:9");
  REQUIRE(dup.notes.size() == 1);
  CHECK(dup.notes[0].span.source->name == "t.tariff");
  CHECK(rules.catalog.products.size() == 1);
}

TEST_CASE("a unit or settlement order is defined once, whatever the file", "[check]") {
  // Regression: `unit 万 = 1` in a rule file silently made 350万 mean 350 everywhere after it.
  Diagnostics d = check("unit 万 = 1\nsettlement standard = packs > postpaid\nunit 千 = 1000\nunit 千 = 2\n");
  REQUIRE(d.size() == 3);
  CHECK(d.list()[0].code == "duplicate-definition");
  CHECK(d.list()[0].message == "unit 万 is already defined");
  CHECK(where(d.list()[0]) == "1:6");
  REQUIRE(d.list()[0].notes.size() == 1);
  CHECK(d.list()[0].notes[0].span.source->name != "t.tariff");  // the prelude's
  CHECK(d.list()[1].message == "unit 千 is already defined");  // units first, then settlement orders
  CHECK(where(d.list()[1]) == "4:6");
  CHECK(d.list()[2].message == "settlement order standard is already defined");
  // A unit is valued in order: one that uses a unit defined after it has no value.
  Diagnostics later = check("unit 双 = 2对\nunit 对 = 2\n");
  REQUIRE(later.size() == 1);
  CHECK(later.list()[0].message == "unit 双: unknown unit '对'");
}

TEST_CASE("the prelude's own definitions are checked", "[check]") {
  Diagnostics d = check("unit 千 = 10百\nsettlement mine = free > later\n");
  REQUIRE(d.size() == 2);
  CHECK(d.list()[0].code == "unknown-unit");
  CHECK(d.list()[0].message == "unit 千: unknown unit '百'");
  CHECK(where(d.list()[0]) == "1:10");
  CHECK(d.list()[1].code == "unknown-step");
  CHECK(where(d.list()[1]) == "2:26");
}

TEST_CASE("a named settlement order from the prelude expands to its steps", "[check]") {
  Diagnostics d;
  RuleSet rules = load_text(edit("settle free > packs > postpaid", "settle standard"), d);
  REQUIRE(d.empty());
  const Product* p = rules.catalog.find("p");
  REQUIRE(p);
  CHECK(p->settlement == SettlementOrder{SettlementStep::free, SettlementStep::packs, SettlementStep::postpaid});
}

TEST_CASE("loading a path that does not exist", "[check]") {
  Diagnostics d;
  load_rules({"/nonexistent/rules.tariff"}, d);
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].code == "no-such-file");
  CHECK_FALSE(d.list()[0].span.valid());
}

TEST_CASE("the bundled rules check clean", "[check]") {
  Diagnostics d;
  RuleSet rules = load_rules({TARIFF_RULES_DIR "/face_recognition.tariff"}, d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  CHECK(d.empty());
  CHECK(rules.catalog.find("face_recognition"));
}
