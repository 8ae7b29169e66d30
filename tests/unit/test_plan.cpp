// Purchase planning: the documents' advice (face_recognition 3000万 comparisons, faceid 30万
// verifications), a meter without packs, postpaid reaching a contact-sales band, a volume where
// greedy choices lose to the exact cover, and the volumes that cannot be planned.
#include "bundled.hpp"
#include "interpreter/billing/plan.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

const Decimal wan(10000);

// "3 × 1000万" for a plan's packs, largest first as the plan lists them.
std::string packs_of(const Product& p, MeterIndex m, const PackPlan& plan) {
  std::string out;
  for (const auto& c : plan.packs)
    out += (out.empty() ? "" : " + ") + c.count.to_string() + " × " + p.meters[m].packs[c.pack].size_text;
  return out;
}

// The plan's error code, or "" when it plans.
std::string plan_error(const Product& p, std::string_view meter, const Decimal& volume) {
  try {
    plan_purchase(p, meter_of(p, meter), volume);
  } catch (const BillingError& e) {
    UNSCOPED_INFO(e.what());
    return e.code;
  }
  return "";
}

struct Small {
  RuleSet rules;
  const Product* product = nullptr;
  explicit Small(const std::string& text) {
    Diagnostics d;
    rules = load_text("", d);
    product = &product_of(rules, text);
  }
};

}  // namespace

TEST_CASE("face_recognition 人脸比对 3000万 a year: three 1000万 packs beat postpaid", "[plan]") {
  const Product& p = bundled("face_recognition");
  MeterIndex m = meter_of(p, "人脸比对");
  Plan plan = plan_purchase(p, m, 3000 * wan);
  REQUIRE(plan.cheapest);
  CHECK(packs_of(p, m, *plan.cheapest) == "3 × 1000万");
  CHECK(plan.cheapest->cost == 91200);
  CHECK(plan.cheapest->covered == 3000 * wan);
  REQUIRE(plan.one_size);
  CHECK(packs_of(p, m, *plan.one_size) == "3 × 1000万");
  CHECK(plan.one_size->cost == 91200);
  // 250万 a month, 10000 free: 2490000 × 0.0032 × 12.
  CHECK(plan.postpaid.unavailable.empty());
  REQUIRE(plan.postpaid.months.size() == 12);
  CHECK(plan.postpaid.months.front() == 250 * wan);
  CHECK(plan.postpaid.cost == 95616);
  CHECK(plan.winner == Plan::Winner::packs);
}

TEST_CASE("faceid 活体人脸核身 30万 a year: the advice, the cheaper mix, and postpaid cheaper still", "[plan]") {
  const Product& p = bundled("faceid");
  MeterIndex m = meter_of(p, "活体人脸核身");
  Plan plan = plan_purchase(p, m, 30 * wan);
  REQUIRE(plan.one_size);
  CHECK(packs_of(p, m, *plan.one_size) == "3 × 10万");  // 预付费 示例一's advice
  CHECK(plan.one_size->cost == 240000);
  REQUIRE(plan.cheapest);
  CHECK(packs_of(p, m, *plan.cheapest) == "1 × 20万 + 1 × 10万");
  CHECK(plan.cheapest->cost == 230000);
  // 25000 a month in [1万, 10万) at 0.75: 18750 × 12. No trial grant: a plan has no states.
  CHECK(plan.postpaid.cost == 225000);
  CHECK(plan.winner == Plan::Winner::postpaid);
}

TEST_CASE("a meter that sells no packs plans postpaid only", "[plan]") {
  const Product& p = bundled("faceid");
  Plan plan = plan_purchase(p, meter_of(p, "微信定制库服务"), 12 * wan);
  CHECK_FALSE(plan.cheapest);
  CHECK_FALSE(plan.one_size);
  CHECK(plan.postpaid.cost == 72000);  // 10000 a month at 0.6
  CHECK(plan.winner == Plan::Winner::postpaid);
}

TEST_CASE("a month reaching a contact-sales band leaves postpaid unpriced", "[plan]") {
  const Product& p = bundled("faceid");
  MeterIndex m = meter_of(p, "活体人脸核身");
  // 199999 a month stays under 20万: priced at 0.68.
  Plan under = plan_purchase(p, m, 199999 * 12);
  CHECK(under.postpaid.unavailable.empty());
  CHECK(under.postpaid.cost == D("1631991.84"));  // 199999 × 0.68 × 12
  // One call more: eleven months of 199999 and one of 200000, which reaches 联系商务.
  Plan over = plan_purchase(p, m, 199999 * 12 + 1);
  CHECK(over.postpaid.months.front() == 200000);
  CHECK(over.postpaid.unavailable.find("联系商务") != std::string::npos);
  CHECK(over.winner == Plan::Winner::packs);
  REQUIRE(over.cheapest);
  CHECK(over.cheapest->covered >= 199999 * 12 + 1);
}

TEST_CASE("the exact cover beats greedy choices", "[plan]") {
  // Largest first (1000 + 600 = 150) and cheapest per call first (1000 at 0.09: 1000 + 600, or
  // 2 × 1000 = 180) both lose to 2 × 600 = 120 for 1200 calls.
  Small s(
      "product s {\n  currency CNY\n  meter m M\n"
      "  packs {\n    | 资源包规格 | 600 | 1000 |\n    | m | 60 | 90 |\n  }\n  settle packs\n}\n");
  const Product& p = *s.product;
  Plan plan = plan_purchase(p, 0, 1200);
  REQUIRE(plan.cheapest);
  CHECK(packs_of(p, 0, *plan.cheapest) == "2 × 600");
  CHECK(plan.cheapest->cost == 120);
  CHECK(plan.cheapest->covered == 1200);
  CHECK(plan.one_size->cost == 120);
  // 1600 calls: a mix (600 + 1000 = 150) beats every single size (3 × 600 = 180, 2 × 1000 = 180).
  Plan mix = plan_purchase(p, 0, 1600);
  CHECK(packs_of(p, 0, *mix.cheapest) == "1 × 1000 + 1 × 600");
  CHECK(mix.cheapest->cost == 150);
  CHECK(mix.one_size->cost == 180);
  // No postpaid price: packs win alone.
  CHECK_FALSE(mix.postpaid.unavailable.empty());
  CHECK(mix.winner == Plan::Winner::packs);
  // A volume off the packs' sizes is covered by the next amount they can hold: 601 → 1000 at 90.
  Plan odd = plan_purchase(p, 0, 601);
  CHECK(packs_of(p, 0, *odd.cheapest) == "1 × 1000");
  CHECK(odd.cheapest->cost == 90);
}

TEST_CASE("volumes that cannot be planned", "[plan]") {
  const Product& p = bundled("face_recognition");
  CHECK(plan_error(p, "人脸比对", 0) == "plan-volume");
  CHECK(plan_error(p, "人脸比对", D("1.5")) == "plan-volume");
  CHECK(plan_error(p, "人脸比对", -12) == "plan-volume");
  try {
    plan_purchase(p, meter_of(p, "人脸比对"), D("1.5"));
    FAIL("planned 1.5 calls");
  } catch (const BillingError& e) {
    CHECK(std::string(e.what()) == "face_recognition 人脸比对: plan a whole, positive number of calls, not 1.5");
  }
  // faceid's packs come in multiples of 100: 10^10 calls is 10^8 steps, too many to plan exactly.
  CHECK(plan_error(bundled("faceid"), "活体人脸核身", D("10000000000")) == "plan-too-large");
  // The bound is in units of the packs' gcd (100 for faceid), plus the largest pack: memory stays
  // near 100 MB. 1.9亿 calls is 1.9 million units and plans; 2亿 would pass 2 million.
  CHECK(plan_error(bundled("faceid"), "活体人脸核身", D("190000000")).empty());
  CHECK(plan_error(bundled("faceid"), "活体人脸核身", D("200000000")) == "plan-too-large");
}

TEST_CASE("postpaid that requires a state is planned for an account in it", "[plan]") {
  // face_fusion's packs and postpaid are both for licensed accounts: the comparison assumes the
  // licence (whose fee both would pay), so postpaid is priced, without the 500 test calls.
  const Product& p = bundled("face_fusion");
  MeterIndex m = meter_of(p, "人脸融合");
  Plan plan = plan_purchase(p, m, 1200 * wan);
  REQUIRE(plan.cheapest);
  CHECK(packs_of(p, m, *plan.cheapest) == "1 × 1000万 + 2 × 100万");
  CHECK(plan.cheapest->cost == 117000);
  CHECK(plan.postpaid.unavailable.empty());
  // The licence includes a 30万 pack a year, drawn first: 1170万 postpaid calls at 0.02 (it was
  // left out, and the plan priced 1200万: 240,000).
  REQUIRE(plan.included);
  CHECK(plan.included->calls == 30 * wan);
  CHECK(plan.postpaid.cost == 234000);
  CHECK(plan.winner == Plan::Winner::packs);
}

TEST_CASE("a year the pack a fee includes covers needs no pack and no postpaid", "[plan]") {
  const Product& p = bundled("face_fusion");
  MeterIndex m = meter_of(p, "人脸融合");
  Plan plan = plan_purchase(p, m, 20 * wan);
  REQUIRE(plan.cheapest);
  CHECK(plan.cheapest->packs.empty());
  CHECK(plan.cheapest->cost == 0);
  CHECK(plan.postpaid.cost == 0);  // 16,666 or 16,667 calls a month, all from the included pack
  CHECK(plan.winner == Plan::Winner::tie);
}
