// An account over months (billing/account.hpp): a pack's last usable month and the month it
// expires, the draw order of held packs, alerts once in the month they happen, and the
// conservation identity over every month.
#include <catch2/catch.hpp>

#include "interpreter/billing/account.hpp"
#include "interpreter/model/month.hpp"
#include "tests/unit/support.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

// One meter, no free quota, packs of 100 and 1000 valid a year that stack (alert under 15%); postpaid 1 CNY
// a call.
const char* const rules = R"(product p {
  currency CNY
  meter calls 调用
  packs valid 1 year, stackable {
    | 资源包规格 | 100 | 1000 |
    | calls      | 50  | 400  |
  }
  postpaid volume {
    | 月接口调用总量 | (0, ∞) |
    | calls          | 1      |
  }
  alert packs below 15%
  settle packs > postpaid
}
)";

int M(const char* text) { return *parse_month(text); }

struct Account {
  RuleSet set;
  const Product* product = nullptr;
  Ledger ledger;
  std::unique_ptr<AccountSettler> settler;
  explicit Account(const char* text = rules) {
    product = &tariff::test::product_of(set, text);
    settler = std::make_unique<AccountSettler>(*product);
  }
  AccountMonth month(const char* when, const char* usage, std::vector<PackPurchase> buys = {}) {
    BillRequest r;
    r.usage = {D(usage)};
    r.buys = std::move(buys);
    return settler->settle(ledger, M(when), r, {});
  }
};

}  // namespace

TEST_CASE("a pack valid a year is usable through month 12 and expires as month 13 begins") {
  Account a;
  AccountMonth jan = a.month("2026-01", "10", {{0, 0, D("1")}});
  CHECK(jan.bill.total == D("50"));  // the pack's price; its calls cover the usage
  REQUIRE(a.ledger.entries.size() == 1);
  CHECK(a.ledger.entries[0].expires == M("2027-01"));
  AccountMonth dec = a.month("2026-12", "10");
  CHECK(dec.bill.total == D("0"));  // still drawn in its twelfth month
  CHECK(dec.expired.empty());
  AccountMonth next = a.month("2027-01", "10");
  REQUIRE(next.expired.size() == 1);  // gone as 2027-01 begins, its 80 calls reported
  CHECK(next.expired[0].remaining == D("80"));
  CHECK(next.flows[0].expired == D("80"));
  CHECK(next.bill.total == D("10"));  // postpaid again
  CHECK(a.ledger.entries.empty());
}

TEST_CASE("held packs are drawn earliest expiry first, whatever their size or the order they came in") {
  Account a;
  a.month("2026-03", "0", {{0, 1, D("1")}});  // 1000 calls, expire 2027-03
  a.month("2026-03", "0", {{0, 0, D("1")}});  // 100 calls, expire 2027-03
  a.month("2026-02", "0", {{0, 0, D("1")}});  // 100 calls, expire 2027-02 (months need not come in order here)
  AccountMonth m = a.month("2026-04", "150");
  REQUIRE(m.draws.size() == 2);
  CHECK(m.draws[0].entry.expires == M("2027-02"));
  CHECK(m.draws[0].drawn == D("100"));
  CHECK(m.draws[1].entry.expires == M("2027-03"));
  CHECK(m.draws[1].entry.size == D("100"));  // ties on expiry and purchase: the smaller pack first
  CHECK(m.draws[1].drawn == D("50"));
  CHECK(m.bill.total == D("0"));
}

TEST_CASE("a pack's alert fires once, in the month it goes below the threshold, and once when used up") {
  Account a;
  AccountMonth jan = a.month("2026-01", "80", {{0, 0, D("1")}});
  CHECK(jan.alerts.empty());  // 20 left of 100: not below 15%
  AccountMonth feb = a.month("2026-02", "6");
  REQUIRE(feb.alerts.size() == 1);  // 14 left
  CHECK(feb.alerts[0].kind == PackAlert::Kind::low);
  AccountMonth mar = a.month("2026-03", "4");
  CHECK(mar.alerts.empty());  // 10 left: already below, no second alert
  AccountMonth apr = a.month("2026-04", "20");
  REQUIRE(apr.alerts.size() == 1);
  CHECK(apr.alerts[0].kind == PackAlert::Kind::used_up);
  CHECK(apr.bill.total == D("10"));  // the 10 it had, then postpaid
  AccountMonth may = a.month("2026-05", "5");
  CHECK(may.alerts.empty());
}

TEST_CASE("every month balances: opening + bought = drawn + expired + closing") {
  Account a;
  for (const char* m : {"2026-01", "2026-06", "2027-01", "2027-02"}) {
    AccountMonth month = a.month(m, "70", {{0, 0, D("1")}});
    const LedgerFlow& f = month.flows[0];
    CHECK(f.conserved());
    CHECK(f.bought == D("100"));
    CHECK(f.drawn == D("70"));
  }
  // Drawn earliest expiry first, nothing ever expired: 20 left of 2027-01's pack, 2027-02's whole.
  REQUIRE(a.ledger.entries.size() == 2);
  CHECK(a.ledger.entries[0].remaining == D("20"));
  CHECK(a.ledger.entries[1].remaining == D("100"));
}

TEST_CASE("a month that cannot be billed leaves the ledger as it was") {
  Account a;
  a.month("2026-01", "0", {{0, 0, D("1")}});
  Ledger before = a.ledger;
  BillRequest r;
  r.usage = {D("1")};
  r.held = {{0, D("5"), std::nullopt, std::nullopt, std::nullopt}};  // held packs and a ledger exclude each other
  CHECK_THROWS_AS(a.settler->settle(a.ledger, M("2026-02"), r, {}), BillingError);
  REQUIRE(a.ledger.entries.size() == before.entries.size());
  CHECK(a.ledger.entries[0].remaining == before.entries[0].remaining);
}

TEST_CASE("a pack that would expire after 9999-12 is refused: a ledger could not write its month") {
  Account a;
  CHECK_THROWS_AS(a.month("9999-06", "0", {{0, 0, D("1")}}), BillingError);
  CHECK(a.ledger.entries.empty());
  CHECK_NOTHROW(a.month("9998-12", "0", {{0, 0, D("1")}}));  // expires 9999-12
}

namespace {

// A commitment of 1200 a year in a monthly product, 1 USD a call.
const char* const committed_rules = R"(product c {
  currency USD
  cycle    month
  meter calls 调用
  postpaid volume {
    | 月接口调用总量 | (0, ∞) |
    | calls          | 1      |
  }
  minimum 1200 USD per year
  settle postpaid
}
)";

// The ledger's commitment period.
const LedgerEntry& period_of(const Ledger& ledger) {
  for (const LedgerEntry& e : ledger.entries)
    if (e.kind == LedgerEntry::Kind::commitment) return e;
  throw std::logic_error("no commitment period in the ledger");
}

}  // namespace

TEST_CASE("a commitment period opens with the first bill and keeps what is left to bill", "[commitment]") {
  Account a(committed_rules);
  CHECK(a.month("2027-03", "100").bill.total == D("100"));
  CHECK(period_of(a.ledger).bought == M("2027-03"));
  CHECK(period_of(a.ledger).expires == M("2028-03"));  // a year of months: 2027-03 … 2028-02
  CHECK(period_of(a.ledger).remaining == D("1100"));
  CHECK(a.month("2027-09", "250").bill.total == D("250"));
  CHECK(period_of(a.ledger).remaining == D("850"));
}

TEST_CASE("the period's last month trues it up; the month before does not", "[commitment]") {
  Account a(committed_rules);
  a.month("2027-01", "300");
  AccountMonth nov = a.month("2027-11", "100");
  CHECK(nov.bill.true_ups.empty());
  CHECK(nov.bill.total == D("100"));
  AccountMonth dec = a.month("2027-12", "100");  // 1200 − (400 + 100) = 700
  REQUIRE(dec.bill.true_ups.size() == 1);
  CHECK(dec.bill.true_ups[0].kind == TrueUp::Kind::commitment);
  CHECK(dec.bill.true_ups[0].amount == D("700"));
  CHECK(dec.bill.total == D("800"));
  CHECK(period_of(a.ledger).remaining.is_zero());  // closed: stays at 0 until it ends
  AccountMonth jan = a.month("2028-01", "10");  // the next period opens
  CHECK(jan.bill.total == D("10"));
  CHECK(period_of(a.ledger).bought == M("2028-01"));
  CHECK(period_of(a.ledger).remaining == D("1190"));
}

TEST_CASE("a year exactly at its commitment, or beyond it early, needs no true-up", "[commitment]") {
  Account exact(committed_rules);
  exact.month("2027-01", "1100");
  AccountMonth dec = exact.month("2027-12", "100");  // 1100 + 100 = 1200
  CHECK(dec.bill.true_ups.empty());
  CHECK(dec.bill.total == D("100"));
  Account early(committed_rules);
  early.month("2027-01", "1500");
  CHECK(period_of(early.ledger).remaining.is_zero());
  CHECK(early.month("2027-12", "0").bill.total.is_zero());
}

TEST_CASE("a period that ended unbilled with a shortfall stops the next bill; one met does not", "[commitment]") {
  Account a(committed_rules);
  a.month("2027-01", "100");
  try {
    a.month("2028-02", "1");
    FAIL("billed past a period whose last month was never billed");
  } catch (const BillingError& e) {
    CHECK(e.code == "commitment-unclosed");
    CHECK(std::string(e.what()).find("2027-01 … 2027-12") != std::string::npos);
  }
  CHECK(period_of(a.ledger).remaining == D("1100"));  // the ledger as it was
  Account met(committed_rules);
  met.month("2027-01", "1300");
  CHECK(met.month("2028-02", "1").bill.total == D("1"));
  CHECK(period_of(met.ledger).bought == M("2028-02"));
}

TEST_CASE("against a ledger, a bill is not also told what its period came to", "[commitment]") {
  Account a(committed_rules);
  a.month("2027-01", "100");
  BillRequest r;
  r.usage = {D("1")};
  r.period_spent = D("900");
  CHECK_THROWS_WITH(a.settler->settle(a.ledger, M("2027-12"), r, {}),
                    Catch::Contains("what the commitment period's bills came to is the ledger's"));
}
