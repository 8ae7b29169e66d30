// Pricing beyond the seed documents, at its edges: flat sums per band (volume and graduated),
// packages rounded up and down, prices per N units, decimal usage, recurring fees, minimums,
// maximums and commitments (a bill exactly at the limit), payable rounding (.5 in each mode, per
// line and on the total), and batch rating of decimal rows with the payable column.

#include "interpreter/batch/rate.hpp"
#include "interpreter/billing/bill.hpp"
#include "support.hpp"
#include "temp_file.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

// A product of one meter `m` (counting `unit`), the given postpaid header and items.
std::string product(const std::string& unit, const std::string& postpaid, const std::string& items = "") {
  return "product p \"P\" {\n  currency USD\n  meter m \"M\" unit " + unit + "\n" + postpaid + items +
         "  settle postpaid\n}\n";
}

const std::string flat_volume =
    "  postpaid volume {\n    | q | [0, 100] | (100, 1000] | (1000, ∞) |\n"
    "    | m | flat 50 | flat 200 + 0.5 | 0.25 |\n  }\n";

struct Loaded {
  RuleSet rules;
  const Product* p = nullptr;
  explicit Loaded(const std::string& text) {
    Diagnostics d;
    rules = test::load_text(text, d);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(d.empty());
    p = rules.catalog.find("p");
    REQUIRE(p);
  }
  Bill bill_of(const Decimal& q, std::vector<std::string> states = {}) const {
    BillRequest r;
    r.usage.assign(p->meters.size(), Decimal());
    r.usage[0] = q;
    r.states = std::move(states);
    return bill(*p, r);
  }
  std::string total(const char* q) const { return bill_of(D(q)).total.to_string(); }
  std::string payable(const char* q) const {
    Bill b = bill_of(D(q));
    REQUIRE(b.payable);
    return b.payable->total.to_string();
  }
};

std::string billing_error(const Loaded& l, const Decimal& q) {
  try {
    l.bill_of(q);
  } catch (const BillingError& e) {
    return e.code;
  }
  return "";
}

}  // namespace

TEST_CASE("volume mode: the reached band's flat sum plus every unit at its price", "[pricing]") {
  Loaded l(product("call", flat_volume));
  CHECK(l.total("0") == "0");
  CHECK(l.total("1") == "50");    // flat 50 alone
  CHECK(l.total("100") == "50");  // the band's closed end
  CHECK(l.total("101") == "250.5");
  CHECK(l.total("1000") == "700");  // 200 + 1000 × 0.5
  CHECK(l.total("1001") == "250.25");
  Bill b = l.bill_of(D("101"));
  REQUIRE(b.lines.size() == 1);
  CHECK(b.lines[0].charge.flat.to_string() == "200");
}

TEST_CASE("graduated mode: each crossed band's flat sum plus its units", "[pricing]") {
  const std::string t =
      "  postpaid graduated {\n    | q | (0, 100] | (100, 1000] | (1000, ∞) |\n"
      "    | m | 0.1 | flat 5 + 0.02 | flat 20 + 0.01 |\n  }\n";
  Loaded whole(product("call", t));
  CHECK(whole.total("100") == "10");      // no flat sum in the first band
  CHECK(whole.total("101") == "15.02");   // 10 + flat 5 + 1 × 0.02
  CHECK(whole.total("1000") == "33");     // 10 + 5 + 900 × 0.02
  CHECK(whole.total("1001") == "53.01");  // + flat 20 + 1 × 0.01
  Loaded decimal(product("GB decimal", t));
  CHECK(decimal.total("100.5") == "15.01");  // 10 + flat 5 + 0.5 × 0.02: measured, not counted
  CHECK(decimal.total("2177.42") == "64.7742");
  Bill b = decimal.bill_of(D("1000.25"));
  REQUIRE(b.lines[0].charge.crossed.size() == 3);
  CHECK(b.lines[0].charge.crossed[1].quantity.to_string() == "900");
  CHECK(b.lines[0].charge.crossed[2].quantity.to_string() == "0.25");
  CHECK(b.lines[0].charge.crossed[2].flat.to_string() == "20");
}

TEST_CASE("packages: whole packages rounded up or down, at the package price", "[pricing]") {
  Loaded up(product("GB decimal",
                    "  postpaid volume, packages of 10 GB rounded up {\n    | q | (0, ∞) |\n    | m | 0.9 |\n  }\n"));
  CHECK(up.total("10") == "0.9");  // exactly one package
  CHECK(up.total("10.01") == "1.8");
  CHECK(up.total("0.5") == "0.9");
  REQUIRE(up.bill_of(D("123.4")).lines[0].charge.packages);
  CHECK(up.bill_of(D("123.4")).lines[0].charge.packages->to_string() == "13");
  Loaded down(product("message",
                      "  postpaid volume, packages of 1000 rounded down {\n    | q | (0, ∞) |\n    | m | 30 |\n  }\n"));
  CHECK(down.total("999") == "0");  // a part package is not billed
  CHECK(down.total("1000") == "30");
  CHECK(down.total("2999") == "60");
  Packaging p{D("60"), false, "minutes"};
  CHECK(p.count(D("0")).to_string() == "0");
  CHECK(p.count(D("60")).to_string() == "1");
  CHECK(p.count(D("60.000001")).to_string() == "2");
}

TEST_CASE("prices per N units are exact per unit", "[pricing]") {
  Loaded l(product(
      "call",
      "  postpaid volume, per 1000 calls {\n    | q | (0, 1000万] | (1000万, ∞) |\n    | m | 0.4 | 0.3 |\n  }\n"));
  CHECK(l.p->meters[0].postpaid->prices[0].amount.to_string() == "0.0004");
  CHECK(l.total("1") == "0.0004");
  CHECK(l.total("1224567") == "489.8268");
  CHECK(l.total("10000001") == "3000.0003");
}

TEST_CASE("decimal usage only where the meter says so", "[pricing]") {
  const std::string t = "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 2 |\n  }\n";
  Loaded hours(product("hour decimal", t));
  CHECK(hours.total("0.25") == "0.5");
  Loaded calls(product("call", t));
  CHECK(billing_error(calls, D("2.5")) == "fractional-quantity");
  CHECK(billing_error(hours, D("-0.5")) == "negative-quantity");
}

TEST_CASE("a recurring fee is in every bill, by account state", "[pricing]") {
  Loaded l(product("call", flat_volume,
                   "  fee rental \"Rental\" = 20 every month unless suspended\n"
                   "  fee support \"Support\" = 5 every month when licensed\n"));
  CHECK(l.bill_of(D("0")).total.to_string() == "20");  // no usage, the fee still
  CHECK(l.bill_of(D("1")).total.to_string() == "70");
  CHECK(l.bill_of(D("1"), {"suspended"}).total.to_string() == "50");
  Bill b = l.bill_of(D("1"), {"licensed"});
  CHECK(b.total.to_string() == "75");
  CHECK(b.recurring.size() == 2);
}

TEST_CASE("a minimum and a maximum per cycle: true-up lines, none exactly at the limit", "[pricing]") {
  const std::string t = "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 1 |\n  }\n";
  Loaded l(product("call", t, "  minimum 100 USD per month\n  maximum 500 USD per month\n"));
  Bill below = l.bill_of(D("99"));
  REQUIRE(below.true_ups.size() == 1);
  CHECK(below.true_ups[0].kind == TrueUp::Kind::minimum);
  CHECK(below.true_ups[0].amount.to_string() == "1");
  CHECK(below.total.to_string() == "100");
  Bill at_minimum = l.bill_of(D("100"));
  CHECK(at_minimum.true_ups.empty());
  CHECK(at_minimum.total.to_string() == "100");
  CHECK(l.bill_of(D("500")).true_ups.empty());
  Bill above = l.bill_of(D("501"));
  REQUIRE(above.true_ups.size() == 1);
  CHECK(above.true_ups[0].kind == TrueUp::Kind::maximum);
  CHECK(above.true_ups[0].amount.to_string() == "-1");
  CHECK(above.total.to_string() == "500");
}

TEST_CASE("a commitment over a year is trued up only in the bill that closes it", "[pricing]") {
  ChargeLimits limits;
  limits.commitment = ChargeLimit{D("1200"), "year", {}};
  CHECK(true_ups(limits, D("100"), std::nullopt).empty());  // the period goes on
  auto short_year = true_ups(limits, D("100"), D("900"));
  REQUIRE(short_year.size() == 1);
  CHECK(short_year[0].kind == TrueUp::Kind::commitment);
  CHECK(short_year[0].amount.to_string() == "200");
  CHECK(true_ups(limits, D("100"), D("1100")).empty());  // exactly at the commitment
  CHECK(true_ups(limits, D("100"), D("1100.01")).empty());
  // A per-cycle minimum counts first: the year's shortfall is after it.
  limits.minimum = ChargeLimit{D("150"), "month", {}};
  auto both = true_ups(limits, D("100"), D("900"));
  REQUIRE(both.size() == 2);
  CHECK(both[0].amount.to_string() == "50");
  CHECK(both[1].amount.to_string() == "150");
}

TEST_CASE("payable rounding: .5 of the unit in each mode, on the total", "[pricing]") {
  const std::string t = "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 0.001 |\n  }\n";
  auto rounded = [&](const char* mode, const char* q) {
    Loaded l(product("call", t, std::string("  payable rounded to 0.01 ") + mode + " on total\n"));
    return l.payable(q);
  };
  // 125 × 0.001 = 0.125 and 135 × 0.001 = 0.135: halves of a cent, one with an even cent below.
  CHECK(rounded("half_up", "125") == "0.13");
  CHECK(rounded("half_even", "125") == "0.12");
  CHECK(rounded("half_even", "135") == "0.14");
  CHECK(rounded("up", "125") == "0.13");
  CHECK(rounded("down", "125") == "0.12");
  CHECK(rounded("up", "121") == "0.13");
  CHECK(rounded("down", "129") == "0.12");
  CHECK(rounded("half_up", "120") == "0.12");  // already a whole cent
  Loaded none(product("call", t));
  CHECK_FALSE(none.bill_of(D("125")).payable);
  CHECK(none.bill_of(D("125")).total.to_string() == "0.125");  // the exact total, as ever
}

TEST_CASE("payable rounding per line sums the lines rounded; the freeze is rounded alike", "[pricing]") {
  const std::string t = "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 0.001 |\n  }\n";
  const std::string fee = "  fee f \"F\" = 0.005 every month\n";
  Loaded per_line(product("call", t, fee + "  payable rounded to 0.01 half_up per line\n  freeze 120%\n"));
  Loaded on_total(product("call", t, fee + "  payable rounded to 0.01 half_up on total\n  freeze 120%\n"));
  // fee 0.005 → 0.01; usage 125 × 0.001 = 0.125 → 0.13. Exact total 0.13.
  CHECK(per_line.total("125") == "0.13");
  CHECK(per_line.payable("125") == "0.14");
  CHECK(on_total.payable("125") == "0.13");
  Bill b = on_total.bill_of(D("125"));
  REQUIRE(b.freeze);
  CHECK(b.freeze->to_string() == "0.15");  // 125 × 0.001 × 1.2
  REQUIRE(b.payable->freeze);
  CHECK(b.payable->freeze->to_string() == "0.15");
  CHECK(on_total.p->payable->written(D("7.3")) == "7.30");
  CHECK(on_total.p->payable->written(D("1234567.5"), ',') == "1,234,567.50");
}

TEST_CASE("rate sums decimal rows exactly and writes the payable amount", "[pricing][rate]") {
  Loaded l(product("GB decimal", "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 0.1 |\n  }\n",
                   "  payable rounded to 0.01 half_even on total\n"));
  test::TempFile usage(
      "account,month,product,meter,quantity\n"
      "a,2026-10,p,m,2177.42\na,2026-10,p,m,0.005\na,2026-10,p,m,3\nb,2026-10,p,m,1.25\n");
  rate::Result r = rate::rate_file(l.rules, usage.path, {}, {});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].total.to_string() == "218.0425");  // 2180.425 GB × 0.1
  REQUIRE(r.rows[0].payable);
  CHECK(r.rows[0].payable->to_string() == "218.04");  // half_even: 21804.25 cents
  CHECK(r.rows[1].total.to_string() == "0.125");
  CHECK(r.rows[1].payable->to_string() == "0.12");
  CHECK(r.summary.payable.at("USD").to_string() == "218.16");
  CHECK(r.summary.not_rounded.empty());
}

TEST_CASE("a bill brought to its minimum is paid as the minimum, even rounded per line", "[pricing]") {
  const std::string t = "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 0.001 |\n  }\n";
  Loaded l(product("call", t, "  minimum 1 USD per month\n  payable rounded to 0.01 half_up per line\n"));
  // 0.125 → 0.13 alone; the true-up of 0.875 would round to 0.88 and pay 1.01.
  CHECK(l.total("125") == "1");
  CHECK(l.payable("125") == "1");
  CHECK(l.payable("1005") == "1.01");  // above the minimum: the line rounded, 1.005 → 1.01
}
