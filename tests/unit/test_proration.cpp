// Proration by day at its edges: the days of a month (28 to 31, leap Februaries), a state that
// begins on the 1st or on the last day, a single day, the rounding of .5 in each mode, a whole
// month never rounded, and a bill (alone, and against a ledger over months) charging the part.
#include <bit>

#include "interpreter/billing/account.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/model/account_states.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/proration.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

int month(const char* text) { return *parse_month(text); }

int days(const StatePeriod& p, const char* m) { return std::popcount(p.days_in(month(m))); }

std::string prorated(const char* amount, int days, int of, const char* unit, RoundingMode mode) {
  return prorate(D(amount), days, of, Proration{D(unit), mode}).to_string();
}

// A product whose rental is prorated by the days out of `suspended`, and whose support fee by
// the days in `active`.
const std::string rules =
    "product p \"P\" {\n  currency USD\n  meter m \"M\"\n"
    "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 1 |\n  }\n"
    "  fee rental \"Rental\" = 20 every month unless suspended, prorated by day rounded to 0.01 half_up\n"
    "  fee support \"Support\" = 50 every month when active, prorated by day rounded to 0.01 half_up\n"
    "  settle postpaid\n}\n";

struct Loaded {
  RuleSet set;
  const Product* p = nullptr;
  Loaded() {
    Diagnostics d;
    set = test::load_text(rules, d);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(d.empty());
    p = set.catalog.find("p");
    REQUIRE(p);
  }
  BillRequest request(std::vector<StatePeriod> periods, const char* m) const {
    BillRequest r;
    r.usage.assign(p->meters.size(), Decimal());
    r.states = states_in(periods, month(m));
    r.days = month_days(periods, month(m));
    return r;
  }
};

const RecurringLine* line_of(const Bill& b, const std::string& id) {
  for (const RecurringLine& l : b.recurring)
    if (b.product->recurring.at(l.fee).id == id) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("a month has 28 to 31 days, February 29 in a leap year", "[proration]") {
  CHECK(days_in_month(month("2027-01")) == 31);
  CHECK(days_in_month(month("2027-04")) == 30);
  CHECK(days_in_month(month("2027-02")) == 28);
  CHECK(days_in_month(month("2028-02")) == 29);
  CHECK(days_in_month(month("2100-02")) == 28);  // a century is not leap...
  CHECK(days_in_month(month("2000-02")) == 29);  // ...unless it divides by 400
  CHECK(days_in_month(month("2027-12")) == 31);
}

TEST_CASE("a day is a month's day, never past its end", "[proration]") {
  auto d = parse_month_or_day("2027-01-15");
  REQUIRE(d);
  CHECK(d->first == month("2027-01"));
  CHECK(d->second == 15);
  CHECK(parse_month_or_day("2028-02-29"));
  CHECK_FALSE(parse_month_or_day("2027-02-29"));
  CHECK_FALSE(parse_month_or_day("2027-04-31"));
  CHECK_FALSE(parse_month_or_day("2027-01-00"));
  CHECK_FALSE(parse_month_or_day("2027-01-5"));
  CHECK_FALSE(parse_month_or_day("2027-01-15x"));
  auto m = parse_month_or_day("2027-01");
  REQUIRE(m);
  CHECK_FALSE(m->second);
}

TEST_CASE("a state's days count inclusively at both ends", "[proration]") {
  StatePeriod from_first{"s", month("2027-01"), std::nullopt, 1, std::nullopt};
  CHECK(days(from_first, "2027-01") == 31);
  StatePeriod from_15th{"s", month("2027-01"), std::nullopt, 15, std::nullopt};
  CHECK(days(from_15th, "2027-01") == 17);
  CHECK(days(from_15th, "2027-02") == 28);
  CHECK(days(from_15th, "2026-12") == 0);
  StatePeriod from_last{"s", month("2027-01"), std::nullopt, 31, std::nullopt};
  CHECK(days(from_last, "2027-01") == 1);
  CHECK(from_last.days_in(month("2027-01")) == 1U << 30);
  StatePeriod until_10th{"s", month("2026-11"), month("2027-02"), 1, 10};
  CHECK(days(until_10th, "2027-01") == 31);
  CHECK(days(until_10th, "2027-02") == 10);
  CHECK(days(until_10th, "2027-03") == 0);
  StatePeriod one_day{"s", month("2028-02"), month("2028-02"), 29, 29};
  CHECK(days(one_day, "2028-02") == 1);
  CHECK(period_ends_after_start(one_day));
  StatePeriod backwards{"s", month("2028-02"), month("2028-02"), 29, 28};
  CHECK_FALSE(period_ends_after_start(backwards));
  // A month-granular period until a month holds to its last day.
  StatePeriod months{"s", month("2027-01"), month("2027-02"), 1, std::nullopt};
  CHECK(days(months, "2027-02") == 28);
}

TEST_CASE("the days of a month, per state: two periods of one state add up", "[proration]") {
  std::vector<StatePeriod> periods{{"s", month("2027-01"), month("2027-01"), 1, 5},
                                   {"s", month("2027-01"), month("2027-01"), 20, 22},
                                   {"t", month("2027-01"), std::nullopt, 10, std::nullopt}};
  MonthDays d = month_days(periods, month("2027-01"));
  CHECK(d.length == 31);
  REQUIRE(d.states.size() == 2);
  CHECK(std::popcount(d.states[0].days) == 8);
  CHECK(std::popcount(d.states[1].days) == 22);
}

TEST_CASE("a prorated fee is exact, then rounded once as the rule names", "[proration]") {
  CHECK(prorated("50", 17, 31, "0.01", RoundingMode::half_up) == "27.42");  // 27.4193…
  CHECK(prorated("20", 14, 31, "0.01", RoundingMode::half_up) == "9.03");   // 9.0322…
  CHECK(prorated("20", 28, 29, "0.01", RoundingMode::half_up) == "19.31");  // 19.3103…
  // 7 × 2 / 28 = 0.5 exactly, and 21 × 2 / 28 = 1.5: .5 in each mode.
  CHECK(prorated("7", 2, 28, "1", RoundingMode::half_up) == "1");
  CHECK(prorated("7", 2, 28, "1", RoundingMode::half_even) == "0");
  CHECK(prorated("21", 2, 28, "1", RoundingMode::half_even) == "2");
  CHECK(prorated("7", 2, 28, "1", RoundingMode::up) == "1");
  CHECK(prorated("7", 2, 28, "1", RoundingMode::down) == "0");
  // A multiple of a unit that is not a power of ten: 50 × 17 / 31 = 27.419… → 27.40 to 0.05.
  CHECK(D(prorated("50", 17, 31, "0.05", RoundingMode::half_up)) == D("27.4"));
  // A whole month is the fee as written, never rounded.
  CHECK(prorated("20.005", 31, 31, "0.01", RoundingMode::down) == "20.005");
  CHECK(prorated("20", 0, 31, "0.01", RoundingMode::up) == "0");
}

TEST_CASE("a bill charges a prorated fee for the days in or out of its state", "[proration]") {
  Loaded l;
  // Active from the 15th of January: 17 of 31 days of 50; never suspended: the whole rental.
  std::vector<StatePeriod> active{{"active", month("2027-01"), std::nullopt, 15, std::nullopt}};
  Bill jan = bill(*l.p, l.request(active, "2027-01"));
  const RecurringLine* support = line_of(jan, "support");
  REQUIRE(support);
  CHECK(support->days == 17);
  CHECK(support->of == 31);
  CHECK(support->amount.to_string() == "27.42");
  const RecurringLine* rental = line_of(jan, "rental");
  REQUIRE(rental);
  CHECK(rental->of == 0);  // the whole month: not prorated
  CHECK(jan.total.to_string() == "47.42");
  // February, a whole month active: both whole.
  CHECK(bill(*l.p, l.request(active, "2027-02")).total.to_string() == "70");
  // Suspended from the last day of a leap February: 28 of 29 days of the rental, no support.
  std::vector<StatePeriod> suspended{{"suspended", month("2028-02"), std::nullopt, 29, std::nullopt}};
  Bill feb = bill(*l.p, l.request(suspended, "2028-02"));
  REQUIRE(feb.recurring.size() == 1);
  CHECK(feb.recurring[0].days == 28);
  CHECK(feb.recurring[0].of == 29);
  CHECK(feb.total.to_string() == "19.31");
  // Suspended all of March: no rental line at all (not a line of 0).
  CHECK(bill(*l.p, l.request(suspended, "2028-03")).recurring.empty());
}

TEST_CASE("without days, a prorated fee is charged whole, by state, as any fee", "[proration]") {
  Loaded l;
  BillRequest r;
  r.usage.assign(l.p->meters.size(), Decimal());
  r.states = {"active"};
  Bill b = bill(*l.p, r);
  CHECK(b.total.to_string() == "70");
  for (const RecurringLine& line : b.recurring) CHECK(line.of == 0);
  r.states = {"suspended"};
  CHECK(bill(*l.p, r).total.to_string() == "0");
  // Days known for other states: a state given without them holds the whole month.
  r.states = {"active"};
  r.days = MonthDays{31, {{"suspended", 0}}};
  CHECK(bill(*l.p, r).total.to_string() == "70");
}

TEST_CASE("against a ledger, the periods give the days: a state from the 15th", "[proration]") {
  Loaded l;
  AccountSettler settler(*l.p);
  Ledger ledger;
  std::vector<StatePeriod> periods{{"active", month("2027-01"), month("2027-03"), 15, 10}};
  std::vector<Bill> bills;
  auto settle = [&](const char* m) {
    BillRequest r;
    r.usage.assign(l.p->meters.size(), Decimal());
    r.states = states_in(periods, month(m));
    bills.push_back(settler.settle(ledger, month(m), r, periods).bill);
    return bills.back().total.to_string();
  };
  CHECK(settle("2027-01") == "47.42");  // 20 + 17/31 of 50
  CHECK(settle("2027-02") == "70");     // 20 + 50
  CHECK(settle("2027-03") == "36.13");  // 20 + 10/31 of 50 = 16.129… → 16.13
  CHECK(settle("2027-04") == "20");     // no longer active
  // The month's bill has its recurring lines, as a bill alone has (it had none before).
  const RecurringLine* support = line_of(bills.at(0), "support");
  REQUIRE(support);
  CHECK(support->days == 17);
  CHECK(support->amount.to_string() == "27.42");
}
