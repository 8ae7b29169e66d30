// Bands: which band holds a quantity, on and around every boundary, for open and closed ends;
// how many units of a range a band holds (graduated pricing); and volume against graduated totals
// worked out by hand, through the billing engine.
#include "interpreter/model/band.hpp"
#include "interpreter/billing/bill.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

const Decimal wan(10000);

Band band(Decimal lower, std::optional<Decimal> upper, bool lower_closed, bool upper_closed) {
  return Band{std::move(lower), std::move(upper), lower_closed, upper_closed, ""};
}

// (0, 300万] (300万, 1500万] (1500万, ∞): Face Recognition's postpaid bands.
BandSchedule face_bands() {
  BandSchedule s;
  s.bands = {band(0, 300 * wan, false, true), band(300 * wan, 1500 * wan, false, true),
             band(1500 * wan, std::nullopt, false, false)};
  return s;
}

// [1000, 1万) [1万, 10万) [10万, ∞): closed below, open above.
BandSchedule closed_open_bands() {
  BandSchedule s;
  s.bands = {band(1000, wan, true, false), band(wan, 10 * wan, true, false), band(10 * wan, std::nullopt, true, false)};
  return s;
}

// [50, 1000] [1001, 5000]: the SDK licence price list: a minimum of 50 and a last band with an end.
BandSchedule minimum_bands() {
  BandSchedule s;
  s.bands = {band(50, 1000, true, true), band(1001, 5000, true, true)};
  return s;
}

std::optional<std::size_t> none = std::nullopt;

}  // namespace

TEST_CASE("find: open below, closed above, open to infinity", "[band]") {
  BandSchedule s = face_bands();
  CHECK(s.find(0) == none);  // (0, ...: zero is outside
  CHECK(s.find(1) == 0u);
  CHECK(s.find(D("0.5")) == 0u);
  CHECK(s.find(300 * wan - 1) == 0u);
  CHECK(s.find(300 * wan) == 0u);  // ...300万]: closed
  CHECK(s.find(300 * wan + 1) == 1u);
  CHECK(s.find(300 * wan + D("0.0001")) == 1u);
  CHECK(s.find(1500 * wan) == 1u);
  CHECK(s.find(1500 * wan + 1) == 2u);
  CHECK(s.find(D("99999999999999999999999999999999999999")) == 2u);  // ∞ has no end
}

TEST_CASE("find: closed below, open above", "[band]") {
  BandSchedule s = closed_open_bands();
  CHECK(s.find(0) == none);
  CHECK(s.find(999) == none);
  CHECK(s.find(1000) == 0u);  // [1000, ...: closed
  CHECK(s.find(wan - 1) == 0u);
  CHECK(s.find(D("9999.9999")) == 0u);
  CHECK(s.find(wan) == 1u);  // ..., 1万): open, so 1万 is the next band's
  CHECK(s.find(10 * wan - 1) == 1u);
  CHECK(s.find(10 * wan) == 2u);
  CHECK(s.find(1000 * wan) == 2u);
}

TEST_CASE("find: a first band starting at a minimum and a last band with an end", "[band]") {
  BandSchedule s = minimum_bands();
  CHECK(s.find(0) == none);
  CHECK(s.find(49) == none);
  CHECK(s.find(50) == 0u);
  CHECK(s.find(1000) == 0u);
  CHECK(s.find(D("1000.5")) == none);  // between two whole-unit bands: no whole quantity lands here
  CHECK(s.find(1001) == 1u);
  CHECK(s.find(5000) == 1u);
  CHECK(s.find(5001) == none);
}

TEST_CASE("find agrees with a linear scan over many bands", "[band]") {
  // Binary search must not skip a band: 40 bands [10k, 10k+10), checked on every integer.
  BandSchedule s;
  for (int k = 0; k < 40; ++k) s.bands.push_back(band(10 * k, Decimal(10 * k + 10), true, false));
  for (int q = -1; q <= 401; ++q) {
    std::optional<std::size_t> expected;
    for (std::size_t b = 0; b < s.bands.size(); ++b)
      if (s.bands[b].contains(q)) expected = b;
    INFO(q);
    CHECK(s.find(q) == expected);
  }
}

TEST_CASE("contains and below at the ends", "[band]") {
  Band open_closed = band(300 * wan, 1500 * wan, false, true);
  CHECK_FALSE(open_closed.contains(300 * wan));
  CHECK(open_closed.contains(1500 * wan));
  CHECK(open_closed.below(1500 * wan + 1));
  CHECK_FALSE(open_closed.below(1500 * wan));
  Band closed_open = band(1000, wan, true, false);
  CHECK(closed_open.contains(1000));
  CHECK_FALSE(closed_open.contains(wan));
  CHECK(closed_open.below(wan));
  Band to_infinity = band(0, std::nullopt, true, false);
  CHECK_FALSE(to_infinity.below(D("99999999999999999999999999999999999999")));
}

TEST_CASE("units_within counts whole units inside the band", "[band]") {
  Band first = band(0, 300, false, true);      // (0, 300]: 1..300
  Band second = band(300, 1500, false, true);  // (300, 1500]: 301..1500
  Band last = band(1500, std::nullopt, false, false);
  CHECK(first.units_within(1, 500) == 300);
  CHECK(second.units_within(1, 500) == 200);
  CHECK(last.units_within(1, 500) == 0);
  CHECK(first.units_within(1, 300) == 300);
  CHECK(second.units_within(1, 300) == 0);
  CHECK(second.units_within(301, 301) == 1);
  CHECK(second.units_within(300, 300) == 0);  // 300 is the first band's
  CHECK(last.units_within(1, 2000) == 500);
  CHECK(first.units_within(250, 260) == 11);
  Band closed_open = band(1000, wan, true, false);  // [1000, 1万): 1000..9999
  CHECK(closed_open.units_within(1, 20000) == 9000);
  CHECK(closed_open.units_within(9999, 20000) == 1);
  CHECK(closed_open.units_within(wan, 20000) == 0);
  CHECK(closed_open.units_within(1, 1000) == 1);
  CHECK(closed_open.units_within(1, 999) == 0);
}

// ---- totals through the engine ----------------------------------------------------------------

namespace {

// One meter m; bands (0, 100] (100, 1000] (1000, ∞) at 1, 0.5, 0.1; a free quota as asked.
std::string banded(const std::string& mode, const std::string& basis, int free, const std::string& last_price = "0.1") {
  std::string text = "product b {\n  currency CNY\n  meter m M\n";
  if (free) text += "  free " + std::to_string(free) + " per month for m\n";
  text += "  postpaid " + mode + (basis.empty() ? "" : ", band by " + basis) + " {\n";
  text += "    | q | (0, 100] | (100, 1000] | (1000, ∞) |\n    | m | 1 | 0.5 | " + last_price + " |\n  }\n";
  text += free ? "  settle free > postpaid\n}\n" : "  settle postpaid\n}\n";
  return text;
}

Decimal total(const std::string& text, const Decimal& usage) {
  Diagnostics d;
  RuleSet rules = tariff::test::load_text("", d);
  const Product& p = tariff::test::product_of(rules, text);
  BillRequest request;
  request.usage = {usage};
  return bill(p, request).total;
}

}  // namespace

TEST_CASE("volume: every unit at the price of the band reached", "[band][bill]") {
  std::string text = banded("volume", "", 0);
  CHECK(total(text, 0) == 0);
  CHECK(total(text, 1) == 1);
  CHECK(total(text, 100) == 100);          // 100 × 1
  CHECK(total(text, 101) == D("50.5"));    // 101 × 0.5: cheaper than 100 calls
  CHECK(total(text, 1000) == 500);         // 1000 × 0.5
  CHECK(total(text, 1001) == D("100.1"));  // 1001 × 0.1
  CHECK(total(text, 1500) == 150);
}

TEST_CASE("graduated: each unit at the price of its own band", "[band][bill]") {
  std::string text = banded("graduated", "", 0);
  CHECK(total(text, 0) == 0);
  CHECK(total(text, 100) == 100);          // 100 × 1
  CHECK(total(text, 101) == D("100.5"));   // 100 × 1 + 1 × 0.5
  CHECK(total(text, 1000) == 550);         // 100 × 1 + 900 × 0.5
  CHECK(total(text, 1001) == D("550.1"));  // ... + 1 × 0.1
  CHECK(total(text, 1500) == 600);         // 100 + 450 + 500 × 0.1
}

TEST_CASE("the band basis: postpaid quantity or the month's usage", "[band][bill]") {
  // free 50, usage 150: 100 postpaid units, the last 100 of the month (51..150).
  CHECK(total(banded("volume", "postpaid_quantity", 50), 150) == 100);     // band of 100: 100 × 1
  CHECK(total(banded("volume", "usage", 50), 150) == 50);                  // band of 150: 100 × 0.5
  CHECK(total(banded("graduated", "postpaid_quantity", 50), 150) == 100);  // units 1..100 at 1
  CHECK(total(banded("graduated", "usage", 50), 150) == 75);               // 51..100 at 1, 101..150 at 0.5
  CHECK(total(banded("graduated", "usage", 50), 50) == 0);                 // all free
}

TEST_CASE("the bill says which band was reached", "[band][bill]") {
  Diagnostics d;
  RuleSet rules = tariff::test::load_text("", d);
  const Product& p = tariff::test::product_of(rules, banded("volume", "", 0));
  BillRequest request;
  request.usage = {1001};
  Bill b = bill(p, request);
  REQUIRE(b.lines.size() == 1);
  CHECK(b.lines[0].charge.band == 2u);
  CHECK(b.lines[0].charge.unit_price == D("0.1"));
  CHECK(p.meters[0].postpaid->schedule->bands[2].text == "(1000, ∞)");
}

TEST_CASE("a contact-sales band cannot be billed", "[band][bill]") {
  for (const char* mode : {"volume", "graduated"}) {
    INFO(mode);
    std::string text = banded(mode, "", 0, "联系商务");
    CHECK(total(text, 1000) == (std::string(mode) == "volume" ? 500 : 550));  // the band before is fine
    try {
      total(text, 1001);
      FAIL("no error");
    } catch (const BillingError& e) {
      CHECK(e.code == "contact-sales");
      CHECK(std::string(e.what()) ==
            "b M: 1001 calls reach the band (1000, ∞), which has no list price (联系商务): contact sales for a quote");
    }
  }
}

TEST_CASE("below the minimum and beyond the last band", "[band][bill]") {
  std::string text =
      "product s {\n  currency CNY\n  meter d D unit device\n  postpaid volume {\n"
      "    | 台数 | [50, 1000] | [1001, 5000] |\n    | d | 2 | 1 |\n  }\n  settle postpaid\n}\n";
  CHECK(total(text, 50) == 100);
  CHECK(total(text, 1000) == 2000);
  CHECK(total(text, 1001) == 1001);
  CHECK(total(text, 5000) == 5000);
  CHECK(total(text, 0) == 0);  // nothing used, nothing billed
  try {
    total(text, 49);
    FAIL("no error");
  } catch (const BillingError& e) {
    CHECK(e.code == "below-minimum");
    CHECK(std::string(e.what()) == "s D: 49 devices is below the minimum; the first band is [50, 1000]");
  }
  try {
    total(text, 5001);
    FAIL("no error");
  } catch (const BillingError& e) {
    CHECK(e.code == "above-maximum");
    CHECK(std::string(e.what()) == "s D: 5001 devices is beyond the last band [1001, 5000]");
  }
}
