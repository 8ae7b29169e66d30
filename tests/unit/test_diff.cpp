// tariff diff's comparison of two rule sets (analysis/rule_diff): each kind of rule cell by cell,
// bands matched by their interval however they are written, and nothing reported for the same
// rules written differently.
#include "interpreter/analysis/rule_diff.hpp"
#include "support.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

const std::string base = R"(product p P {
  currency CNY
  meter m 计量 actions Call
  free 100 per month for each meter
  grant 50 each of m valid 1 year when trial
  fee licence 授权费 = 20000 per activity per year {
    includes pack m 1万
    grants licensed
    year from 1 to 1
  }
  packs valid 1 year, stackable {
    | 规格 | 1万 | 10万 |
    | m    | 90  | 800  |
  }
  postpaid volume, band by postpaid_quantity {
    | q | (0, 1万] | (1万, ∞) |
    | m | 0.01     | 0.008    |
  }
  settle free > grant > packs > postpaid
  freeze 120%
}
)";

// The changes from `base` to `base` with `from` replaced by `to`.
std::vector<RuleChange> changes(const std::string& from, const std::string& to) {
  std::string changed = base;
  auto at = changed.find(from);
  REQUIRE(at != std::string::npos);
  changed.replace(at, from.size(), to);
  Diagnostics d;
  RuleSet before = load_text(base, d), after = load_text(changed, d);
  for (const auto& x : d.list()) UNSCOPED_INFO(render(x));
  REQUIRE(d.empty());
  RuleDiff diff = diff_catalogs(before.catalog, after.catalog);
  for (const auto& c : diff.changes)
    UNSCOPED_INFO(c.item << " | " << c.subject << " | " << c.cell << " | " << c.before.value_or("(none)") << " → "
                         << c.after.value_or("(none)"));
  return diff.changes;
}

bool is(const RuleChange& c, const std::string& item, const std::string& cell, const std::optional<std::string>& before,
        const std::optional<std::string>& after) {
  return c.product == "p" && c.item == item && c.cell == cell && c.before == before && c.after == after;
}

}  // namespace

TEST_CASE("diff: the same rules, however written, have no changes", "[diff]") {
  CHECK(changes("(0, 1万] | (1万, ∞)", "(0, 10_000] | (10_000, ∞)").empty());
  CHECK(changes("currency CNY", "currency   CNY").empty());
}

TEST_CASE("diff: a postpaid price, a band added, a pack removed, a pack no longer sold", "[diff]") {
  auto price = changes("| m | 0.01     | 0.008    |", "| m | 0.01     | 0.007    |");
  REQUIRE(price.size() == 1);
  CHECK(is(price[0], "postpaid", "(1万, ∞)", "0.008", "0.007"));
  CHECK(price[0].subject == "计量");

  auto band = changes("| q | (0, 1万] | (1万, ∞) |\n    | m | 0.01     | 0.008    |",
                      "| q | (0, 1万] | (1万, 10万] | (10万, ∞) |\n    | m | 0.01 | 0.008 | 0.006 |");
  REQUIRE(band.size() == 3);
  CHECK(is(band[0], "postpaid", "(1万, 10万]", std::nullopt, "0.008"));
  CHECK(band[0].added());
  CHECK(is(band[1], "postpaid", "(10万, ∞)", std::nullopt, "0.006"));
  CHECK(is(band[2], "postpaid", "(1万, ∞)", "0.008", std::nullopt));
  CHECK(band[2].removed());

  auto pack = changes("| 规格 | 1万 | 10万 |\n    | m    | 90  | 800  |", "| 规格 | 1万 |\n    | m    | 90  |");
  REQUIRE(pack.size() == 1);
  CHECK(is(pack[0], "pack", "10万", "800", std::nullopt));

  auto unsold = changes("| m    | 90  | 800  |", "| m    | 90  | -    |");
  REQUIRE(unsold.size() == 1);
  CHECK(is(unsold[0], "pack", "10万", "800", "not sold"));
}

TEST_CASE("diff: free quota, grant, pack terms, banding, settlement, freeze", "[diff]") {
  auto free = changes("free 100 per month", "free 200 per month");
  REQUIRE(free.size() == 1);
  CHECK(is(free[0], "quota", "free", "100 per month", "200 per month"));
  auto grant = changes("grant 50 each", "grant 80 each");
  REQUIRE(grant.size() == 1);
  CHECK(is(grant[0], "quota", "grant", "50 valid 1 year when trial", "80 valid 1 year when trial"));
  auto terms = changes("packs valid 1 year, stackable", "packs valid 6 months, stackable");
  REQUIRE(terms.size() == 1);
  CHECK(is(terms[0], "pack", "valid", "1 year", "6 months"));
  auto mode = changes("postpaid volume,", "postpaid graduated,");
  REQUIRE(mode.size() == 1);
  CHECK(is(mode[0], "postpaid", "mode", "volume", "graduated"));
  auto settle = changes("freeze 120%", "freeze 150%");
  REQUIRE(settle.size() == 1);
  CHECK(is(settle[0], "freeze", "", "120%", "150%"));
}

TEST_CASE("diff: a fee's price, limits and included pack; a meter added", "[diff]") {
  auto price = changes("= 20000 per activity", "= 25000 per activity");
  REQUIRE(price.size() == 1);
  CHECK(is(price[0], "fee", "price", "20000", "25000"));
  CHECK(price[0].subject == "授权费");
  auto limit = changes("year from 1 to 1", "year from 1 to 3");
  REQUIRE(limit.size() == 1);
  CHECK(is(limit[0], "fee", "year", "per 1, from 1 to 1", "per 1, from 1 to 3"));
  auto included = changes("includes pack m 1万", "includes pack m 10万");
  REQUIRE(included.size() == 1);
  CHECK(is(included[0], "fee", "includes", "pack m 1万", "pack m 10万"));

  auto meter = changes("  free 100", "  meter n 新计量\n  free 100");
  REQUIRE(meter.size() == 2);  // the meter, and its free quota (free is for each meter)
  CHECK(is(meter[0], "meter", "id", std::nullopt, "n"));
  CHECK(is(meter[1], "quota", "free", std::nullopt, "100 per month"));
}

TEST_CASE("diff: a commitment and a maximum added, packages and per-N units changed", "[diff]") {
  auto c = changes("  freeze 120%\n", "  freeze 120%\n  minimum 1200 CNY per year\n  maximum 90000 CNY per month\n");
  REQUIRE(c.size() == 2);
  CHECK(c[0].item == "maximum");
  CHECK(c[0].after == "90000 CNY per month");
  CHECK(c[1].item == "commitment");
  CHECK(!c[1].before);
  CHECK(c[1].after == "1200 CNY per year");
  auto per = changes("postpaid volume, band by postpaid_quantity {",
                     "postpaid volume, band by postpaid_quantity, packages of 100 rounded down {");
  REQUIRE(!per.empty());
  CHECK(per[0].cell == "packages");
  CHECK(per[0].after == "of 100 rounded down");
}

TEST_CASE("diff: a recurring fee removed is one change per cell, named by the fee", "[diff]") {
  std::string fee = "  fee platform 平台费 = 50 every month when trial\n";
  Diagnostics d;
  std::string with = base;
  with.insert(with.find("  settle"), fee);
  RuleSet before = load_text(with, d), after = load_text(base, d);
  REQUIRE(d.empty());
  RuleDiff diff = diff_catalogs(before.catalog, after.catalog);
  REQUIRE(diff.changes.size() == 4);  // id, amount, every, when
  for (const RuleChange& c : diff.changes) {
    CHECK(c.item == "recurring fee");
    CHECK(c.subject == "平台费");
    CHECK(c.removed());
  }
}
