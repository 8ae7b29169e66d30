// Meters added or retired between versions of a product (meter ... added, meter ... retired): the
// grammar, the checks with their carets, usage refused on the wrong side of the boundary month and
// billed on the right one (bills and batch rating), and a retired meter's held pack left undrawn.

#include "interpreter/batch/rate.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "support.hpp"
#include "temp_file.hpp"

using namespace tariff;
using tariff::test::D;
using tariff::test::load_text;
using tariff::test::source;
using tariff::test::text_at;
using tariff::test::where;

namespace {

// A version of the product shop from `from`, its meters as written, each priced `price` a call
// in one postpaid table listing `rows`.
std::string version(const char* from, const std::string& meters, const std::string& rows) {
  return std::string("product shop 商店 from ") + from + " {\n  currency CNY\n" + meters +
         "  postpaid volume {\n    | 量   | (0, ∞) |\n" + rows + "  }\n  settle postpaid\n}\n";
}

// api and old until 2027-06; from 2027-07 old is retired and speech added.
const std::string before =
    version("2026-01", "  meter api 接口\n  meter old 旧接口\n", "    | 接口 | 0.01 |\n    | 旧接口 | 0.02 |\n");
const std::string after =
    version("2027-07", "  meter api 接口\n  meter old 旧接口 retired\n  meter speech 语音 unit minute added\n",
            "    | 接口 | 0.01 |\n    | 语音 | 0.03 |\n");

RuleSet loaded(const std::string& text) {
  Diagnostics d;
  RuleSet rules = load_text(text, d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.empty());
  return rules;
}

// The bill of `quantity` of `meter` in `month`, or the code of the diagnostic refusing it.
std::string bill_at(const RuleSet& rules, const char* month, const char* meter, const char* quantity) {
  const Product& p = resolve_product(rules.catalog, {"shop", {}}, parse_month(month));
  try {
    return bill(p, RequestBuilder(p).usage({meter, {}}, D(quantity)).take()).total.to_string();
  } catch (const DiagnosticError& e) {
    return e.diagnostics.list().front().code + ": " + e.diagnostics.list().front().message;
  }
}

const Diagnostic& only(const Diagnostics& d) {
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.size() == 1);
  return d.list().front();
}

}  // namespace

TEST_CASE("a meter may end with added or retired, never taken for its display name", "[grammar][versions]") {
  Diagnostics d;
  auto file = parse_file(source("product shop 商店 from 2027-07 {\n"
                                "  meter old 旧接口 retired\n"
                                "  meter speech 语音 \"Speech\" actions Speak unit minute added\n"
                                "  meter api 接口 \"added\"\n"
                                "}\n"),
                         d);
  REQUIRE(file);
  const auto& meters = file->products.front().meters;
  REQUIRE(meters.size() == 3);
  REQUIRE(meters[0].standing);
  CHECK(meters[0].standing->text == "retired");
  CHECK(meters[0].names.size() == 1);
  REQUIRE(meters[1].standing);
  CHECK(meters[1].standing->text == "added");
  CHECK(text_at(meters[1].standing->span) == "added");
  CHECK(meters[1].unit->text == "minute");
  CHECK_FALSE(meters[2].standing);  // a quoted "added" is a display name
  CHECK(meters[2].names.size() == 2);
}

TEST_CASE("the meters follow the version before: the same first, then those added", "[versions]") {
  RuleSet rules = loaded(before + after);
  auto all = rules.catalog.versions("shop");
  REQUIRE(all.size() == 2);
  REQUIRE(all[1]->meters.size() == 3);
  CHECK(all[1]->meters[1].retired());
  CHECK(*all[1]->meters[1].retired_from == *parse_month("2027-07"));
  CHECK(all[1]->meters[2].added);
  CHECK(all[0]->next_version == all[1]);
  // A retired meter stays retired from its first month in every later version.
  RuleSet three =
      loaded(before + after +
             version("2028-01", "  meter api 接口\n  meter old 旧接口 retired\n  meter speech 语音 unit minute\n",
                     "    | 接口 | 0.01 |\n    | 语音 | 0.02 |\n"));
  CHECK(*three.catalog.versions("shop")[2]->meters[1].retired_from == *parse_month("2027-07"));
}

TEST_CASE("at the boundary: an added meter refused the month before, billed from its month", "[versions]") {
  RuleSet rules = loaded(before + after);
  CHECK(bill_at(rules, "2027-06", "speech", "100") == "meter-added-later: meter speech is priced from 2027-07");
  CHECK(bill_at(rules, "2027-06", "语音", "100") == "meter-added-later: meter speech is priced from 2027-07");
  CHECK(bill_at(rules, "2027-07", "speech", "100") == "3");
  CHECK(bill_at(rules, "2027-06", "nothing", "100").starts_with("unknown-meter: "));
}

TEST_CASE("at the boundary: a retired meter billed the month before, refused from its month", "[versions]") {
  RuleSet rules = loaded(before + after);
  CHECK(bill_at(rules, "2027-06", "old", "100") == "2");
  CHECK(bill_at(rules, "2027-07", "old", "100") == "meter-retired: meter old is retired from 2027-07");
  CHECK(bill_at(rules, "2027-07", "旧接口", "100") == "meter-retired: meter old is retired from 2027-07");
  CHECK(bill_at(rules, "2027-07", "api", "100") == "1");
}

TEST_CASE("added, retired and the meters of versions are checked, with the caret on the word", "[check][versions]") {
  const std::string api = "  meter api 接口\n", api_row = "    | 接口 | 0.01 |\n";
  struct Case {
    std::string text;
    const char* code;
    const char* at;
  } cases[] = {
      // `added` in a product without versions, and in a first version.
      {"product shop 商店 {\n  currency CNY\n  meter api 接口 added\n  postpaid volume {\n"
       "    | 量 | (0, ∞) |\n    | 接口 | 0.01 |\n  }\n  settle postpaid\n}\n",
       "meter-added-first", "3:16"},
      {version("2026-01", "  meter api 接口 added\n", api_row), "meter-added-first", "3:16"},
      {version("2026-01", api + "  meter old 旧接口 retired\n", api_row), "meter-retired-first", "4:17"},
      // A new meter without `added`: a typo must not become a meter.
      {version("2026-01", api, api_row) + version("2027-07", api + "  meter speech 语音\n", api_row), "version-meters",
       "13:3"},
      // `added` on a meter the version before has.
      {version("2026-01", api, api_row) + version("2027-07", "  meter api 接口 added\n", api_row), "version-meters",
       "12:16"},
      // A retired meter dropped from a later version.
      {before + after + version("2028-01", api, api_row), "version-meters", "24:22"},
      // A retired meter priced again.
      {before + after + version("2028-01", api + "  meter old 旧接口\n  meter speech 语音 unit minute\n", api_row),
       "version-meters", "27:3"},
      // Retired, but the version before never priced it.
      {version("2026-01", api, api_row) + version("2027-07", api + "  meter old 旧接口 retired\n", api_row),
       "version-meters", "13:17"},
      // A meter's unit changes between versions.
      {version("2026-01", api, api_row) + version("2027-07", "  meter api 接口 unit minute\n", api_row),
       "version-meters", "12:3"},
      // A retired meter's row in a price table.
      {before + version("2027-07", api + "  meter old 旧接口 retired\n", api_row + "    | 旧接口 | 0.02 |\n"),
       "meter-retired-priced", "19:7"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Diagnostics d;
    load_text(c.text, d);
    const Diagnostic& found = only(d);
    CHECK(found.code == c.code);
    CHECK(where(found) == c.at);
  }
}

TEST_CASE("a retired meter's free quota and grant are refused; for each meter skips it", "[check][versions]") {
  std::string retired_free = after;
  retired_free.insert(retired_free.find("  postpaid"), "  free 100 per month for old\n");
  retired_free.replace(retired_free.find("settle postpaid"), 15, "settle free > postpaid");
  Diagnostics d;
  load_text(before + retired_free, d);
  CHECK(only(d).code == "meter-retired-priced");
  CHECK(text_at(only(d).span) == "old");
  std::string each = after;
  each.insert(each.find("  postpaid"), "  free 100 per month for each meter\n");
  each.replace(each.find("settle postpaid"), 15, "settle free > postpaid");
  RuleSet rules = loaded(before + each);
  const Product& v = *rules.catalog.versions("shop")[1];
  CHECK(v.meters[0].free);
  CHECK_FALSE(v.meters[1].free);
  CHECK(v.meters[2].free);
}

TEST_CASE("a retired meter's held pack is never drawn and expires as its validity says", "[versions]") {
  std::string with_packs = before;
  with_packs.insert(with_packs.find("  postpaid"),
                    "  packs valid 6 months {\n    | 资源包规格 | 1000 |\n    | 旧接口 | 15 |\n  }\n");
  with_packs.replace(with_packs.find("settle postpaid"), 15, "settle packs > postpaid");
  std::string retiring = after;
  retiring.replace(retiring.find("settle postpaid"), 15, "settle packs > postpaid");
  RuleSet rules = loaded(with_packs + retiring +
                         "scenario \"s\" {\n  product shop\n"
                         "  month 2027-05 {\n    buy 旧接口 1000\n    usage 旧接口 = 400\n    expect total = 15\n  }\n"
                         "  month 2027-07 {\n    usage 接口 = 100\n    expect total = 1\n"
                         "    expect remaining 旧接口 = 600\n  }\n"
                         "  month 2027-11 {\n    usage 接口 = 100\n    expect total = 1\n  }\n"
                         "  expect total = 17\n  expect expired = 600\n}\n");
  const Scenario& s = rules.catalog.scenarios.front();
  Simulation sim = simulate(*s.product, s.example);
  REQUIRE(sim.months.size() == 3);
  CHECK(sim.total == D("17"));
  CHECK(sim.months[1].settled->bill.total == D("1"));
}

TEST_CASE("rate: rows on both sides of the boundary, refused with the meter and its month", "[rate][versions]") {
  RuleSet rules = loaded(before + after);
  test::TempFile usage(
      "account,month,product,meter,quantity\n"
      "a,2027-06,shop,old,100\n"     // billed: 2
      "a,2027-06,shop,speech,100\n"  // refused: not yet added
      "a,2027-07,shop,speech,100\n"  // billed: 3
      "a,2027-07,shop,旧接口,100\n"  // refused: retired
      "a,2027-07,shop,api,100\n");   // billed: 1
  rate::Result r = rate::rate_file(rules, usage.path, {}, {});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].total == D("2"));
  CHECK(r.rows[0].product == rules.catalog.versions("shop")[0]);
  CHECK(r.rows[1].total == D("4"));
  CHECK(r.rows[1].product == rules.catalog.versions("shop")[1]);
  std::vector<rate::Reject> rejects;
  rate::for_each_reject(r, [&](const rate::Reject& j) { rejects.push_back(j); });
  REQUIRE(rejects.size() == 2);
  CHECK(rejects[0].line == 3);
  CHECK(rejects[0].reason == "meter speech is priced from 2027-07");
  CHECK(rejects[1].line == 5);
  CHECK(rejects[1].reason == "meter old is retired from 2027-07");
}
