// The billing engine: settlement order, packs held and bought, merged API actions, the band
// basis, freeze, alerts, notices, and the errors for usage it cannot bill.
#include "interpreter/billing/bill.hpp"
#include "support.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

const Decimal wan(10000);

// The bundled Face Recognition rules, loaded once.
const Product& face() {
  static const RuleSet rules = [] {
    Diagnostics d;
    RuleSet r = load_rules({TARIFF_RULES_DIR "/face_recognition.tariff"}, d);
    for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
    REQUIRE(d.empty());
    return r;
  }();
  const Product* p = rules.catalog.find("face_recognition");
  REQUIRE(p);
  return *p;
}

MeterIndex meter(const Product& p, std::string_view name) {
  auto m = p.find_meter(name);
  REQUIRE(m);
  return *m;
}

std::size_t pack(const Product& p, MeterIndex m, const Decimal& size) {
  const auto& packs = p.meters[m].packs;
  for (std::size_t i = 0; i < packs.size(); ++i)
    if (packs[i].size == size) return i;
  FAIL("no pack of size " << size);
  return 0;
}

// A request with usage for one meter of p.
BillRequest usage(const Product& p, std::string_view name, const Decimal& quantity) {
  BillRequest r;
  r.usage.resize(p.meters.size());
  r.usage[meter(p, name)] = quantity;
  return r;
}

void buy(BillRequest& r, const Product& p, std::string_view name, const Decimal& size, const Decimal& count = 1) {
  MeterIndex m = meter(p, name);
  r.buys.push_back({m, pack(p, m, size), count});
}

// The code of the BillingError that billing r throws, or "" when it bills.
std::string error_code(const Product& p, const BillRequest& r) {
  try {
    bill(p, r);
  } catch (const BillingError& e) {
    UNSCOPED_INFO(e.what());
    return e.code;
  }
  return "";
}

// One meter m with a free quota of 100, 1000-call packs at 5, postpaid at 1 a call.
std::string small_product(const std::string& settle, const std::string& extra = "") {
  return "product s {\n  currency CNY\n  meter m M\n  free 100 per month for m\n"
         "  packs stackable {\n    | 资源包规格 | 1000 | 2000 |\n    | m | 5 | - |\n  }\n"
         "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 1 |\n  }\n"
         "  settle " +
         settle + "\n" + extra + "}\n";
}

struct Small {
  RuleSet rules;
  const Product* product = nullptr;
  explicit Small(const std::string& text) {
    Diagnostics d;
    rules = tariff::test::load_text("", d);
    product = &tariff::test::product_of(rules, text);
  }
};

}  // namespace

// ---- the worked examples of the document ------------------------------------------------------

TEST_CASE("后付费 示例二: 350万 comparisons", "[bill]") {
  Bill b = bill(face(), usage(face(), "人脸比对", 350 * wan));
  CHECK(b.total == 10470);  // (3500000 - 10000) × 0.003
  REQUIRE(b.lines.size() == 1);
  CHECK(b.lines[0].free == 10000);
  CHECK(b.lines[0].postpaid == 3490000);
  CHECK(b.lines[0].charge.band == 1u);
  CHECK(b.lines[0].charge.unit_price == D("0.003"));
  CHECK(b.freeze == 12600);  // 3500000 × 0.003 × 120%
  CHECK(b.alerts.empty());
}

TEST_CASE("预付费 示例二: free, then the pack, then postpaid", "[bill]") {
  BillRequest r = usage(face(), "人脸搜索", 5200 * wan);
  buy(r, face(), "人脸搜索", 5000 * wan);
  Bill b = bill(face(), r);
  CHECK(b.total == 148868);  // (52000000 - 50000000 - 10000) × 0.0032 + 142500
  REQUIRE(b.lines.size() == 1);
  const BillLine& line = b.lines[0];
  CHECK(line.free == 10000);
  REQUIRE(line.packs.size() == 1);
  CHECK(line.packs[0].bought());
  CHECK(line.packs[0].drawn == 5000 * wan);
  CHECK(line.postpaid == 1990000);
  // The band is chosen by the 1,990,000 postpaid calls, not the month's 5200万.
  CHECK(line.charge.band == 0u);
  CHECK(line.charge.unit_price == D("0.0032"));
  REQUIRE(b.purchases.size() == 1);
  CHECK(b.purchases[0].amount == 142500);
  CHECK(b.alerts == std::vector<std::string>{"人脸搜索 pack 5000万 is used up"});
}

TEST_CASE("预付费 示例一: three packs bought, nothing used", "[bill]") {
  BillRequest r = usage(face(), "人脸比对", 0);
  buy(r, face(), "人脸比对", 1000 * wan, 3);
  Bill b = bill(face(), r);
  CHECK(b.total == 91200);       // 30400 × 3
  REQUIRE(b.lines.size() == 1);  // a meter with packs gets a line even without usage
  CHECK(b.lines[0].packs.at(0).capacity == 3000 * wan);
  CHECK(b.lines[0].packs.at(0).remaining() == 3000 * wan);
}

// ---- settlement order -------------------------------------------------------------------------

TEST_CASE("settlement order: free before packs, or packs before free", "[bill]") {
  // usage 1050 with a 1000-call pack and 100 free calls.
  Small free_first(small_product("free > packs > postpaid"));
  BillRequest r = usage(*free_first.product, "m", 1050);
  buy(r, *free_first.product, "m", 1000);
  Bill a = bill(*free_first.product, r);
  CHECK(a.lines[0].free == 100);
  CHECK(a.lines[0].packs.at(0).drawn == 950);
  CHECK(a.lines[0].postpaid == 0);
  CHECK(a.total == 5);  // the pack

  Small packs_first(small_product("packs > free > postpaid"));
  Bill b = bill(*packs_first.product, r);
  CHECK(b.lines[0].packs.at(0).drawn == 1000);
  CHECK(b.lines[0].free == 50);
  CHECK(b.lines[0].postpaid == 0);

  // 1200 calls: free first leaves 100 for postpaid; packs first leaves 100 too but after the free 100.
  r.usage[0] = 1200;
  CHECK(bill(*free_first.product, r).total == 105);
  CHECK(bill(*packs_first.product, r).lines[0].free == 100);
  CHECK(bill(*packs_first.product, r).total == 105);
}

TEST_CASE("held packs are drawn before bought ones", "[bill]") {
  Small s(small_product("free > packs > postpaid"));
  BillRequest r = usage(*s.product, "m", 600);  // 100 free, 300 from the held pack, 200 from the bought
  buy(r, *s.product, "m", 1000);
  r.held.push_back({0, 300, Decimal(1000)});
  Bill b = bill(*s.product, r);
  const auto& packs = b.lines.at(0).packs;
  REQUIRE(packs.size() == 2);
  CHECK_FALSE(packs[0].bought());
  CHECK(packs[0].available == 300);
  CHECK(packs[0].drawn == 300);
  CHECK(packs[1].bought());
  CHECK(packs[1].drawn == 200);
  CHECK(packs[1].remaining() == 800);
  CHECK(b.total == 5);  // held packs were paid for before
}

TEST_CASE("the postpaid step takes what is left; a product without one cannot leave any", "[bill]") {
  Small s("product s {\n  currency CNY\n  meter m M\n  free 100 per month for m\n  settle free\n}\n");
  CHECK(error_code(*s.product, usage(*s.product, "m", 100)).empty());
  CHECK(error_code(*s.product, usage(*s.product, "m", 101)) == "unsettled");
}

TEST_CASE("a meter left with postpaid calls but no postpaid price", "[bill]") {
  Small s(
      "product s {\n  currency CNY\n  meter m M\n  meter n N\n  free 10 per month for each meter\n"
      "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 1 |\n  }\n  settle free > postpaid\n}\n");
  CHECK(error_code(*s.product, usage(*s.product, "n", 10)).empty());
  CHECK(error_code(*s.product, usage(*s.product, "n", 11)) == "no-postpaid");
}

// ---- merged actions ---------------------------------------------------------------------------

TEST_CASE("CreatePerson and CreateFace are one meter", "[bill]") {
  const Product& p = face();
  MeterIndex person = meter(p, "person");
  CHECK(meter(p, "CreatePerson") == person);
  CHECK(meter(p, "CreateFace") == person);
  CHECK(meter(p, "人员库管理") == person);
  CHECK(meter(p, "Group management") == person);
  CHECK_FALSE(p.find_meter("DeletePerson"));
  // 100万 CreatePerson + 250万 CreateFace are billed as 350万 calls of one meter: the band of
  // 349万 postpaid calls (0.003), not two bills in the first band (0.0032).
  BillRequest r;
  r.usage.resize(p.meters.size());
  r.usage[meter(p, "CreatePerson")] += 100 * wan;
  r.usage[meter(p, "CreateFace")] += 250 * wan;
  Bill b = bill(p, r);
  REQUIRE(b.lines.size() == 1);
  CHECK(b.lines[0].usage == 350 * wan);
  CHECK(b.total == 10470);
}

// ---- freeze, alerts, notices, states ----------------------------------------------------------

TEST_CASE("the freeze is the whole usage at its band's list price × 120%", "[bill]") {
  // 5200万 searches, 5000万 from a pack: the bill is in the first band, the freeze prices the
  // month's whole usage at the band it reaches, (1500万, ∞) at 0.0027.
  BillRequest r = usage(face(), "人脸搜索", 5200 * wan);
  buy(r, face(), "人脸搜索", 5000 * wan);
  CHECK(bill(face(), r).freeze == 168480);  // 52000000 × 0.0027 × 1.2
  // Two meters add up.
  BillRequest two = usage(face(), "人脸比对", 350 * wan);
  two.usage[meter(face(), "五官定位")] = 100 * wan;
  Bill b = bill(face(), two);
  CHECK(b.total == 10470 + 1980);
  CHECK(b.freeze == 12600 + 2400);  // 1000000 × 0.002 × 1.2
  // No freeze without a freeze statement.
  Small s(small_product("free > packs > postpaid"));
  CHECK_FALSE(bill(*s.product, usage(*s.product, "m", 5000)).freeze);
}

TEST_CASE("pack alerts: under the threshold, used up, or neither", "[bill]") {
  auto alerts = [](const Decimal& calls) {
    BillRequest r = usage(face(), "人脸比对", calls);
    buy(r, face(), "人脸比对", 100 * wan);
    return bill(face(), r).alerts;
  };
  // 10000 free, then the pack: 85万 drawn leaves 15万 = 15%, not under it.
  CHECK(alerts(86 * wan).empty());
  CHECK(alerts(86 * wan + 1) == std::vector<std::string>{"人脸比对 pack 100万 has 149999 left, under 15%"});
  CHECK(alerts(101 * wan) == std::vector<std::string>{"人脸比对 pack 100万 is used up"});
  CHECK(alerts(500 * wan) == std::vector<std::string>{"人脸比对 pack 100万 is used up"});
  // A held pack of unknown size can only be reported when used up.
  BillRequest r = usage(face(), "人脸比对", 12000);
  r.held.push_back({meter(face(), "人脸比对"), 5000, std::nullopt});
  CHECK(bill(face(), r).alerts.empty());
  r.usage[meter(face(), "人脸比对")] = 15000;
  CHECK(bill(face(), r).alerts == std::vector<std::string>{"人脸比对 held pack is used up"});
}

TEST_CASE("notices, the free quota lost when suspended, and a trial grant", "[bill]") {
  Small s(
      "product s {\n  currency CNY\n  meter m M\n  free 100 per month for m unless suspended\n"
      "  grant 50 each of m valid 1 year when trial\n"
      "  postpaid volume {\n    | q | (0, ∞) |\n    | m | 1 |\n  }\n  settle free > grant > postpaid\n"
      "  notice when total > 100 \"over a hundred\"\n}\n");
  const Product& p = *s.product;
  BillRequest r = usage(p, "m", 300);
  Bill plain = bill(p, r);
  CHECK(plain.total == 200);
  CHECK(plain.notices == std::vector<std::string>{"over a hundred"});
  r.states = {"suspended"};
  CHECK(bill(p, r).total == 300);
  r.states = {"trial"};
  Bill trial = bill(p, r);
  CHECK(trial.lines[0].grant == 50);
  CHECK(trial.total == 150);
  r.usage[0] = 200;
  r.states = {};
  CHECK(bill(p, r).total == 100);
  CHECK(bill(p, r).notices.empty());  // exceeds, not reaches
}

// ---- usage that cannot be billed --------------------------------------------------------------

TEST_CASE("negative and fractional quantities are errors", "[bill]") {
  CHECK(error_code(face(), usage(face(), "人脸比对", -5)) == "negative-quantity");
  CHECK(error_code(face(), usage(face(), "人脸比对", D("1.5"))) == "fractional-quantity");
  BillRequest held = usage(face(), "人脸比对", 1);
  held.held.push_back({meter(face(), "人脸比对"), -1, std::nullopt});
  CHECK(error_code(face(), held) == "negative-quantity");
  BillRequest count = usage(face(), "人脸比对", 1);
  buy(count, face(), "人脸比对", 100 * wan, D("0.5"));
  CHECK(error_code(face(), count) == "fractional-quantity");
  try {
    bill(face(), usage(face(), "人脸比对", -5));
  } catch (const BillingError& e) {
    CHECK(std::string(e.what()) == "face_recognition 人脸比对: usage cannot be negative (-5)");
  }
}

TEST_CASE("a pack that is not sold cannot be bought", "[bill]") {
  Small s(small_product("free > packs > postpaid"));
  BillRequest r = usage(*s.product, "m", 1);
  buy(r, *s.product, "m", 2000);
  CHECK(error_code(*s.product, r) == "pack-not-sold");
}

TEST_CASE("packs for licensed accounts only", "[bill]") {
  Small s(
      "product s {\n  currency CNY\n  meter m M\n  packs requires licence {\n    | 资源包规格 | 1000 |\n    | m | 5 "
      "|\n  }\n"
      "  settle packs\n}\n");
  BillRequest r = usage(*s.product, "m", 10);
  buy(r, *s.product, "m", 1000);
  CHECK(error_code(*s.product, r) == "pack-requires-state");
  r.states = {"licence"};
  CHECK(error_code(*s.product, r).empty());
}

TEST_CASE("overflow is an error, never a wrong bill", "[bill]") {
  // 38 nines fit a Decimal; times the price 0.0032 they do not.
  Decimal huge = D("99999999999999999999999999999999999999");
  CHECK(error_code(face(), usage(face(), "人脸比对", huge)) == "overflow");
  try {
    bill(face(), usage(face(), "人脸比对", huge));
  } catch (const BillingError& e) {
    CHECK(std::string(e.what()).starts_with("face_recognition: "));
  }
  // Large but representable usage still bills exactly: 10^30 calls at 0.0027.
  Decimal big = D("1000000000000000000000000000000");
  CHECK(bill(face(), usage(face(), "人脸比对", big)).total == (big - 10000) * D("0.0027"));
}
