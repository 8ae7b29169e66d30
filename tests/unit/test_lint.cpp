// tariff lint's findings on constructed rule files: each finding kind where it should fire and
// where it should not, its figures checked against what billing charges, and a rule file with none.
#include "bundled.hpp"
#include "interpreter/analysis/lint.hpp"
#include "interpreter/billing/charge.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

struct Linted {
  RuleSet rules;
  const Product* product = nullptr;
  Diagnostics found;
  explicit Linted(const std::string& text) {
    Diagnostics d;
    rules = load_text("", d);
    product = &product_of(rules, text);
    found = lint_product(*product);
    for (const auto& w : found.list()) UNSCOPED_INFO(render(w));
  }
  std::vector<Diagnostic> of(const std::string& code) const {
    std::vector<Diagnostic> out;
    for (const auto& w : found.list())
      if (w.code == code) out.push_back(w);
    return out;
  }
  // What billing charges for `postpaid` units of the first meter with `free` drawn first.
  Decimal cost(const Decimal& postpaid, const Decimal& free = 0) const {
    const Meter& m = product->meters.front();
    return charge_postpaid(*product, m, postpaid, postpaid + free).amount;
  }
};

bool has(const std::string& text, const std::string& part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

std::string product(const std::string& items) {
  return "product p P {\n  currency CNY\n  meter m 计量\n" + items + "}\n";
}

const std::string face_like = product(
    "  free 10000 per month for each meter\n"
    "  postpaid volume, band by postpaid_quantity {\n"
    "    | 月调用量 | (0, 300万] | (300万, 1500万] | (1500万, ∞) |\n"
    "    | 计量     | 0.0032     | 0.003           | 0.0027      |\n"
    "  }\n"
    "  settle free > postpaid\n");

}  // namespace

TEST_CASE("volume cliff: the run of quantities past a band's end that cost less, in postpaid and in usage", "[lint]") {
  Linted l(face_like);
  auto cliffs = l.of("volume-cliff");
  REQUIRE(cliffs.size() == 2);
  CHECK(l.found.size() == 2);
  const Diagnostic& first = cliffs[0];
  CHECK(first.severity == Severity::warning);
  CHECK(where(first) == "7:29");  // the 0.003 cell
  CHECK(text_at(first.span) == "0.003");
  CHECK(has(first.message, "3,000,000 postpaid calls cost 9,600 but 3,000,001 cost 9,000.003"));
  CHECK(has(first.message, "every postpaid quantity from 3,000,001 to 3,199,999 costs less than 3,000,000 does"));
  CHECK(has(first.message, "in usage, with the 10,000 free calls a month drawn first: 3,010,001 to 3,209,999"));
  REQUIRE(first.notes.size() == 1);
  CHECK(text_at(first.notes[0].span) == "(0, 300万]");
  // The figures are billing's: the run's ends, and the first quantity past it.
  CHECK(l.cost(3000000) == 9600);
  CHECK(l.cost(3000001) == D("9000.003"));
  CHECK(l.cost(3199999) < 9600);
  CHECK(l.cost(3200000) == 9600);
  const Diagnostic& second = cliffs[1];
  CHECK(text_at(second.span) == "0.0027");
  CHECK(has(second.message, "15,000,000 postpaid calls cost 45,000 but 15,000,001 cost 40,500.0027"));
  CHECK(has(second.message, "from 15,000,001 to 16,666,666 costs less"));
  CHECK(l.cost(16666666) < 45000);
  CHECK(l.cost(16666667) >= 45000);
  CHECK(has(render(first), "t.tariff:7:29: warning[volume-cliff]: p 计量: 3,000,000 postpaid calls"));
}

TEST_CASE("volume cliff: a run that crosses a band, a run without end, and bands by usage", "[lint]") {
  SECTION("through a whole band into the next") {
    Linted l(
        product("  postpaid volume {\n    | q | (0, 100] | (100, 110] | (110, ∞) |\n    | m | 1 | 0.5 | 0.4 |\n"
                "  }\n  settle postpaid\n"));
    auto cliffs = l.of("volume-cliff");
    REQUIRE(cliffs.size() == 2);
    // 101 .. 110 at 0.5 all cost less than 100, and so do 111 .. 249 at 0.4.
    CHECK(has(cliffs[0].message, "from 101 to 249 costs less than 100 does"));
    CHECK(has(cliffs[0].message, "in usage the same (no monthly free quota is drawn first)"));
    CHECK(l.cost(110) < 100);
    CHECK(l.cost(249) < 100);
    CHECK(l.cost(250) == 100);
    // And past 110 (55): 111 × 0.4 = 44.4, up to 137 × 0.4 = 54.8.
    CHECK(has(cliffs[1].message,
              "110 postpaid calls cost 55 but 111 cost 44.4: every postpaid quantity from 111 to 137"));
    CHECK(l.cost(137) < 55);
    CHECK(l.cost(138) > 55);
  }
  SECTION("a free band to ∞") {
    Linted l(
        product("  postpaid volume {\n    | q | (0, 10] | (10, ∞) |\n    | m | 1 | 0 |\n  }\n  settle postpaid\n"));
    auto cliffs = l.of("volume-cliff");
    REQUIRE(cliffs.size() == 1);
    CHECK(has(cliffs[0].message, "every postpaid quantity from 11 on costs less than 10 does"));
  }
  SECTION("bands by usage: the band's end is usage, the free quota comes off before pricing") {
    Linted l(
        product("  free 100 per month for each meter\n"
                "  postpaid volume, band by usage {\n    | q | (0, 1000] | (1000, ∞) |\n    | m | 1 | 0.5 |\n"
                "  }\n  settle free > postpaid\n"));
    auto cliffs = l.of("volume-cliff");
    REQUIRE(cliffs.size() == 1);
    CHECK(has(cliffs[0].message, "900 postpaid calls cost 900 but 901 cost 450.5"));
    CHECK(has(cliffs[0].message, "from 901 to 1,799 costs less than 900 does"));
    CHECK(has(cliffs[0].message, "with the 100 free calls a month drawn first: 1,001 to 1,899"));
    CHECK(l.cost(1799, 100) < 900);
    CHECK(l.cost(1800, 100) == 900);
  }
}

TEST_CASE("volume cliff: none where the next price is not low enough, none in graduated banding", "[lint]") {
  Linted small_cut(
      product("  postpaid volume {\n    | q | (0, 10] | (10, ∞) |\n    | m | 1 | 0.95 |\n  }\n"
              "  settle postpaid\n"));
  CHECK(small_cut.cost(10) == 10);
  CHECK(small_cut.cost(11) == D("10.45"));
  CHECK(small_cut.of("volume-cliff").empty());
  Linted graduated(
      product("  postpaid graduated {\n    | q | (0, 300万] | (300万, ∞) |\n    | m | 0.0032 | 0.003 |\n"
              "  }\n  settle postpaid\n"));
  CHECK(graduated.found.empty());
}

TEST_CASE("a unit price that rises with volume, against the cheapest earlier band", "[lint]") {
  Linted l(
      product("  postpaid volume {\n    | q | [0, 100) | [100, 1000) | [1000, ∞) |\n    | m | 1 | 1.2 | 1.1 |\n"
              "  }\n  settle postpaid\n"));
  auto rising = l.of("price-rises");
  REQUIRE(rising.size() == 2);
  CHECK(text_at(rising[0].span) == "1.2");
  CHECK(has(rising[0].message,
            "p 计量: the band [100, 1000) costs 1.2 a call, more than the 1 a call of the earlier "
            "band [0, 100): the unit price rises with volume"));
  CHECK(text_at(rising[1].span) == "1.1");
  CHECK(has(rising[1].message, "more than the 1 a call of the earlier band [0, 100)"));
  REQUIRE(rising[1].notes.size() == 1);
  CHECK(text_at(rising[1].notes[0].span) == "1");
  // Equal prices are not a rise.
  Linted flat(
      product("  postpaid volume {\n    | q | [0, 100) | [100, ∞) |\n    | m | 0.3 | 0.3 |\n  }\n"
              "  settle postpaid\n"));
  CHECK(flat.found.empty());
}

TEST_CASE("a band no postpaid quantity reaches after the free quota", "[lint]") {
  const std::string table = "    | q | (0, 1000] | (1000, ∞) |\n    | m | 0.01 | 0.009 |\n  }\n";
  SECTION("bands by usage: the free quota covers the first band") {
    Linted l(product("  free 1000 per month for each meter\n  postpaid volume, band by usage {\n" + table +
                     "  settle free > postpaid\n"));
    auto unreachable = l.of("unreachable-band");
    REQUIRE(unreachable.size() == 1);
    CHECK(text_at(unreachable[0].span) == "0.01");
    CHECK(has(unreachable[0].message,
              "p 计量: no postpaid quantity reaches the band (0, 1000]: bands count usage, and "
              "the first 1,000 calls of a month are free, so postpaid starts at usage 1,001"));
    CHECK(l.of("volume-cliff").empty());  // the band's end is never charged, so nothing falls off it
  }
  SECTION("a quota lost in a state: those accounts reach it, and the message says so") {
    Linted l(product("  free 1000 per month for each meter unless suspended\n  postpaid volume, band by usage {\n" +
                     table + "  settle free > postpaid\n"));
    auto unreachable = l.of("unreachable-band");
    REQUIRE(unreachable.size() == 1);
    CHECK(has(unreachable[0].message, "(only suspended accounts, which lose the free quota, reach it)"));
  }
  SECTION("bands by postpaid quantity: the free quota does not move the bands") {
    Linted l(product("  free 1000 per month for each meter\n  postpaid volume, band by postpaid_quantity {\n" + table +
                     "  settle free > postpaid\n"));
    CHECK(l.of("unreachable-band").empty());
  }
  SECTION("a quota that is not monthly runs out, so every band is reached in time") {
    Linted l(product("  free 1000 per activity for each meter\n  postpaid volume, band by usage {\n" + table +
                     "  settle free > postpaid\n"));
    CHECK(l.of("unreachable-band").empty());
  }
  SECTION("bands by postpaid quantity: a band of zero alone") {
    Linted l(
        product("  postpaid volume {\n    | q | [0, 0] | (0, ∞) |\n    | m | 1 | 0.5 |\n  }\n"
                "  settle postpaid\n"));
    auto unreachable = l.of("unreachable-band");
    REQUIRE(unreachable.size() == 1);
    CHECK(has(unreachable[0].message, "bands count postpaid calls, and [0, 0] holds none above zero"));
  }
}

TEST_CASE("a pack never cheaper than postpaid for its own calls", "[lint]") {
  Linted l(
      product("  packs {\n    | 规格 | 1000 | 1万 |\n    | m | 300 | 2800 |\n  }\n"
              "  postpaid volume {\n    | q | [0, 1000) | [1000, 1万) | [1万, ∞) |\n    | m | 0.3 | 0.3 | 0.28 |\n"
              "  }\n  settle packs > postpaid\n"));
  auto never = l.of("pack-never-cheaper");
  REQUIRE(never.size() == 1);
  CHECK(text_at(never[0].span) == "300");
  CHECK(has(never[0].message,
            "p 计量: the 1000 pack costs 300, and 1,000 postpaid calls never cost more than 300 (at "
            "most 0.3 a call, in the band [0, 1000)): the pack is never cheaper than postpaid"));
  // What the warning claims: in no month does drawing the pack's calls save more than its price.
  const Product& p = *l.product;
  for (int u = 1000; u <= 12000; ++u) {
    Decimal saved = l.cost(u) - l.cost(u - 1000);
    if (saved > 300) FAIL("usage " << u << " saves " << saved);
  }
  // The 1万 pack (2800 < 1万 × 0.3) can pay off, and is not warned about.
  CHECK(10 * l.cost(1000) > 2800);  // ten months of 1000 calls
  CHECK(p.meters[0].packs.size() == 2);
}

TEST_CASE("pack-never-cheaper is not said where prices rise under volume banding by postpaid quantity", "[lint]") {
  // 10 calls at the dearest price, 2, are 20, the pack's price; but a month of 11 calls costs 22 and
  // of 1 call 1, so drawing the pack's 10 calls saves 21: the pack can be cheaper.
  Linted l(
      product("  packs {\n    | 规格 | 10 |\n    | m | 20 |\n  }\n"
              "  postpaid volume {\n    | q | (0, 10] | (10, ∞) |\n    | m | 1 | 2 |\n  }\n"
              "  settle packs > postpaid\n"));
  CHECK(l.of("pack-never-cheaper").empty());
  CHECK(l.of("price-rises").size() == 1);
  CHECK(l.cost(11) - l.cost(1) == 21);
}

TEST_CASE("a larger pack dearer per call than a smaller one", "[lint]") {
  Linted l(
      product("  packs {\n    | 规格 | 100 | 1000 | 5000 | 1万 |\n    | m | 99 | 930 | 5000 | 9300 |\n  }\n"
              "  settle packs\n"));
  auto dearer = l.of("larger-pack-dearer");
  REQUIRE(dearer.size() == 1);  // 1万 at 0.93 ties the 1000 pack: not dearer
  CHECK(text_at(dearer[0].span) == "5000");
  CHECK(where(dearer[0]) == "6:22");
  CHECK(has(dearer[0].message,
            "p 计量: the 5000 pack costs 1 a call (5,000 for 5,000), more than the 1000 pack's "
            "0.93 a call"));
  CHECK(dearer[0].hint == "5 × 1000 packs hold 5,000 calls for 4,650");
  REQUIRE(dearer[0].notes.size() == 1);
  CHECK(text_at(dearer[0].notes[0].span) == "930");
}

TEST_CASE("a rule file with none of the findings", "[lint]") {
  Linted l(
      product("  free 1000 per month for each meter\n"
              "  packs {\n    | 规格 | 1万 | 10万 |\n    | m | 80 | 700 |\n  }\n"
              "  postpaid graduated {\n    | q | (0, 1万] | (1万, ∞) |\n    | m | 0.01 | 0.008 |\n  }\n"
              "  settle free > packs > postpaid\n"));
  CHECK(l.found.empty());
  CHECK(lint(l.rules.catalog).empty());
}

TEST_CASE("lint on a bundled product: the issue's 人脸比对 cliff", "[lint]") {
  const Product& p = bundled("face_recognition");
  Diagnostics found = lint_product(p);
  bool seen = false;
  for (const auto& w : found.list())
    if (w.code == "volume-cliff" && has(w.message,
                                        "人脸比对: 3,000,000 postpaid calls cost 9,600 but 3,000,001 "
                                        "cost 9,000.003: every postpaid quantity from 3,000,001 to "
                                        "3,199,999 costs less than 3,000,000 does"))
      seen = true;
  CHECK(seen);
}

TEST_CASE("lint leaves out the price analyses of bands with flat sums and of tables priced per package") {
  // Read as unit prices, 501 GB in packages of 10 at 0.8 a package (40.8) looked cheaper than 500
  // at 0.09 a GB (45), and the run of cheaper quantities came out as '501 to 56'.
  Linted packages(R"(product p {
  currency CNY
  meter egress 流量 unit GB decimal
  postpaid volume, packages of 10 GB rounded up {
    | 月流量 | (0, 500] | (500, ∞) |
    | 流量   | 0.9      | 0.8      |
  }
  settle postpaid
}
)");
  CHECK(packages.of("volume-cliff").empty());
  CHECK(packages.of("price-rises").empty());
  Linted flat(R"(product p {
  currency CNY
  meter sms 短信 unit message
  postpaid volume {
    | 月短信量 | [0, 1000] | (1000, ∞)       |
    | 短信     | flat 50   | flat 200 + 0.04 |
  }
  settle postpaid
}
)");
  CHECK(flat.of("price-rises").empty());  // 'the 0 a message of the earlier band' was the flat band misread
}
