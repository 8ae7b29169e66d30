// Versions with effective dates (product ID from YYYY-MM { ... }): the grammar, the one lookup of
// the version in force (Catalog::in_force) at the boundary month on both sides, bills, batch
// rating by each row's month, and scenarios across versions.

#include "interpreter/batch/rate.hpp"
#include "interpreter/billing/account.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "support.hpp"
#include "temp_file.hpp"

using namespace tariff;
using tariff::test::D;
using tariff::test::load_text;
using tariff::test::source;
using tariff::test::where;

namespace {

// One product priced 0.01 a call until 2026-12 and 0.008 from 2027-01.
std::string version(const char* from, const char* price) {
  return std::string("product shop 商店 from ") + from +
         " {\n"
         "  currency CNY\n"
         "  meter api 接口\n"
         "  postpaid volume {\n"
         "    | 量   | (0, ∞) |\n"
         "    | 接口 | " +
         price +
         " |\n"
         "  }\n"
         "  settle postpaid\n"
         "}\n";
}

const std::string two_versions = version("2026-01", "0.01") + version("2027-01", "0.008");

RuleSet loaded(const std::string& text) {
  Diagnostics d;
  RuleSet rules = load_text(text, d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.empty());
  return rules;
}

Decimal total_at(const RuleSet& rules, const char* month, const char* calls) {
  const Product& p = resolve_product(rules.catalog, {"shop", {}}, parse_month(month));
  return bill(p, RequestBuilder(p).usage({"api", {}}, D(calls)).take()).total;
}

}  // namespace

TEST_CASE("a product header may carry the month its version is in force from", "[grammar][versions]") {
  Diagnostics d;
  auto file = parse_file(source("product shop 商店 \"Shop\" from 2027-01 {\n}\nproduct other 别的 {\n}\n"), d);
  REQUIRE(file);
  REQUIRE(file->products.size() == 2);
  REQUIRE(file->products[0].from);
  CHECK(file->products[0].from->text == "2027-01");
  CHECK(file->products[0].names.size() == 2);  // `from` is not taken for a display name
  CHECK_FALSE(file->products[1].from);
}

TEST_CASE("the version in force: the old one through its last month, the new one from its first", "[versions]") {
  RuleSet rules = loaded(two_versions);
  auto all = rules.catalog.versions("shop");
  REQUIRE(all.size() == 2);
  CHECK(rules.catalog.in_force("shop", *parse_month("2026-01")) == all[0]);
  CHECK(rules.catalog.in_force("shop", *parse_month("2026-12")) == all[0]);  // the old version's last month
  CHECK(rules.catalog.in_force("shop", *parse_month("2027-01")) == all[1]);  // the new version's first
  CHECK(rules.catalog.in_force("shop", *parse_month("2099-12")) == all[1]);
  CHECK(rules.catalog.in_force("nothing", *parse_month("2027-01")) == nullptr);
  // 1000 calls: 10 CNY in 2026-12, 8 CNY in 2027-01.
  CHECK(total_at(rules, "2026-12", "1000") == D("10"));
  CHECK(total_at(rules, "2027-01", "1000") == D("8"));
}

TEST_CASE("a month before the first version is an error, not a silent zero", "[versions]") {
  RuleSet rules = loaded(two_versions);
  try {
    rules.catalog.in_force("shop", *parse_month("2025-12"));
    FAIL("no error");
  } catch (const BillingError& e) {
    CHECK(e.code == "no-version-in-force");
    CHECK(std::string(e.what()) ==
          "product shop has no version in force in 2025-12: its first version is in force from 2026-01");
  }
  // Without a month, which version would be a guess.
  try {
    resolve_product(rules.catalog, {"shop", {}});
    FAIL("no error");
  } catch (const DiagnosticError& e) {
    CHECK(e.diagnostics.list().front().code == "version-month");
  }
}

TEST_CASE("a product without versions is in force at every month", "[versions]") {
  RuleSet rules = loaded(
      "product plain 普通 {\n  currency CNY\n  meter api 接口\n  postpaid volume {\n"
      "    | 量 | (0, ∞) |\n    | 接口 | 0.01 |\n  }\n  settle postpaid\n}\n");
  const Product* p = rules.catalog.find("plain");
  CHECK(rules.catalog.in_force("plain", *parse_month("0001-01")) == p);
  CHECK(&resolve_product(rules.catalog, {"plain", {}}) == p);
}

TEST_CASE("versions are checked: order, overlap, meters, an undated second definition", "[check][versions]") {
  struct Case {
    std::string text;
    const char* code;
    const char* at;
  } cases[] = {
      {version("2027-01", "0.008") + version("2026-01", "0.01"), "version-order", "10:22"},
      {version("2027-01", "0.008") + version("2027-01", "0.01"), "version-overlap", "10:22"},
      {version("2026-01", "0.01") + "product shop 商店 {\n  currency CNY\n}\n", "duplicate-product", "10:9"},
      {version("2026-01", "0.01") + "product shop 商店 from 2027-01 {\n  currency CNY\n  meter web 网页\n"
                                    "  postpaid volume {\n    | 量 | (0, ∞) |\n    | 网页 | 0.01 |\n  }\n"
                                    "  settle postpaid\n}\n",
       "version-meters", "10:22"},
      {version("2026-13", "0.01"), "bad-month", "1:22"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Diagnostics d;
    load_text(c.text, d);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(d.size() == 1);
    CHECK(d.list().front().code == c.code);
    CHECK(where(d.list().front()) == c.at);
  }
}

TEST_CASE("an example's months lie in its version", "[check][versions]") {
  std::string old_version = version("2026-01", "0.01");
  old_version.insert(old_version.rfind('}'),
                     "  example \"e\" {\n    month 2027-01 {\n      usage 接口 = 1000\n      expect total = 10\n"
                     "    }\n  }\n");
  Diagnostics d;
  load_text(old_version + version("2027-01", "0.008"), d);
  REQUIRE(d.size() == 1);
  CHECK(d.list().front().code == "version-example");
  CHECK(where(d.list().front()) == "10:5");
  Diagnostics before;
  load_text(version("2027-01", "0.008")
                .insert(version("2027-01", "0.008").rfind('}'),
                        "  example \"e\" {\n    month 2026-12 {\n      expect total = 0\n"
                        "    }\n  }\n"),
            before);
  REQUIRE(before.size() == 1);
  CHECK(before.list().front().code == "version-example");
}

TEST_CASE("a scenario bills each month with the version in force", "[versions]") {
  RuleSet rules = loaded(two_versions +
                         "scenario \"s\" {\n  product shop\n"
                         "  month 2026-12 {\n    usage 接口 = 1000\n    expect total = 10\n  }\n"
                         "  month 2027-01 {\n    usage 接口 = 1000\n    expect total = 8\n  }\n"
                         "  expect total = 18\n}\n");
  REQUIRE(rules.catalog.scenarios.size() == 1);
  const Scenario& s = rules.catalog.scenarios.front();
  Simulation sim = simulate(*s.product, s.example);
  REQUIRE(sim.months.size() == 2);
  CHECK(sim.months[0].settled->bill.total == D("10"));
  CHECK(sim.months[1].settled->bill.total == D("8"));
  CHECK(sim.total == D("18"));
}

TEST_CASE("rate bills each row's month with the version in force", "[rate][versions]") {
  RuleSet rules = loaded(two_versions);
  test::TempFile usage(
      "account,month,product,meter,quantity\n"
      "a,2026-12,shop,api,1000\n"
      "a,2027-01,shop,接口,1000\n"
      "a,2025-12,shop,api,1000\n");
  rate::Result r = rate::rate_file(rules, usage.path, {}, {});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].total == D("10"));
  CHECK(r.rows[0].product == rules.catalog.versions("shop")[0]);
  CHECK(r.rows[1].total == D("8"));
  CHECK(r.rows[1].product == rules.catalog.versions("shop")[1]);
  std::vector<rate::Reject> rejects;
  rate::for_each_reject(r, [&](const rate::Reject& j) { rejects.push_back(j); });
  REQUIRE(rejects.size() == 1);
  CHECK(rejects[0].line == 4);
  CHECK(rejects[0].reason.find("no version in force in 2025-12") != std::string::npos);
}

TEST_CASE("a pack bought under one version is drawn under the next, which sells other sizes", "[versions]") {
  // 2026: packs of 1000 valid a year; 2027: only packs of 5000.
  auto packs_version = [](const char* from, const char* size, const char* price) {
    return std::string("product shop 商店 from ") + from +
           " {\n  currency CNY\n  meter api 接口\n  packs valid 1 year {\n    | 规格 | " + size +
           " |\n    | 接口 | " + price +
           " |\n  }\n  postpaid volume {\n    | 量   | (0, ∞) |\n    | 接口 | 0.01 |\n  }\n"
           "  settle packs > postpaid\n}\n";
  };
  Diagnostics d;
  RuleSet rules = load_text(packs_version("2026-01", "1000", "5") + packs_version("2027-01", "5000", "20"), d);
  REQUIRE(d.empty());
  const Product& v2026 = *rules.catalog.in_force("shop", *parse_month("2026-12"));
  const Product& v2027 = *rules.catalog.in_force("shop", *parse_month("2027-01"));
  Ledger ledger;
  BillRequest dec;
  dec.usage = {D("100")};
  dec.buys = {{0, 0, D("1")}};
  AccountSettler(v2026).settle(ledger, *parse_month("2026-12"), dec, {});
  REQUIRE(ledger.entries.size() == 1);
  CHECK(ledger.entries[0].remaining == D("900"));
  BillRequest jan;
  jan.usage = {D("300")};
  AccountMonth m = AccountSettler(v2027).settle(ledger, *parse_month("2027-01"), jan, {});
  CHECK(m.bill.total.is_zero());  // drawn from the 2026 pack, no postpaid
  CHECK(ledger.entries[0].remaining == D("600"));
  // A pack given by hand (no purchase month) is still checked against the version billed.
  BillRequest by_hand;
  by_hand.usage = {D("1")};
  by_hand.held = {{0, D("10"), D("1000"), std::nullopt, std::nullopt}};
  CHECK_THROWS_WITH(bill(v2027, by_hand), Catch::Contains("no 1000 pack is sold"));
}
