// Account states and what a bill reports beside its total: packs and postpaid that only licensed
// accounts may use (face_fusion), the trial grant and its expiry (faceid), the free quota lost
// when suspended (body_analysis), the freeze, pack alerts and the big-customer notice.
#include "bundled.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

const Decimal wan(10000);

const Product& fusion() { return bundled("face_fusion"); }
const Product& faceid() { return bundled("faceid"); }
const Product& body() { return bundled("body_analysis"); }
const Product& face() { return bundled("face_recognition"); }

}  // namespace

// ---- licensed: face_fusion's packs and postpaid ------------------------------------------------

TEST_CASE("packs are bought and used by licensed accounts only", "[states]") {
  BillRequest r = usage_of(fusion(), "人脸融合", 100 * wan);
  buy_pack(r, fusion(), "人脸融合", 100 * wan);
  std::string message;
  CHECK(billing_error(fusion(), r, &message) == "pack-requires-state");
  CHECK(message == "face_fusion 人脸融合: packs are sold to and used by licensed accounts only");
  r.states = {"licensed"};
  CHECK(bill(fusion(), r).total == 16000);
  // A licence bought in the same bill makes the account licensed: its 30万 pack is drawn first.
  r.states.clear();
  buy_fee(r, fusion(), "licence");
  Bill b = bill(fusion(), r);
  CHECK(b.total == 36000);
  REQUIRE(b.lines.at(0).packs.size() == 2);
  CHECK(b.lines[0].packs[0].drawn == 30 * wan);
  CHECK(b.lines[0].packs[1].drawn == 70 * wan);
  // A pack held is used only by a licensed account too.
  BillRequest held = usage_of(fusion(), "人脸融合", 10);
  held.held.push_back({meter_of(fusion(), "人脸融合"), 100, std::nullopt});
  CHECK(billing_error(fusion(), held) == "pack-requires-state");
  held.states = {"licensed"};
  CHECK(bill(fusion(), held).total == 0);
}

TEST_CASE("postpaid is for licensed accounts only; an unlicensed one has its 500 test calls", "[states]") {
  CHECK(bill(fusion(), usage_of(fusion(), "人脸融合", 500)).total == 0);
  std::string message;
  CHECK(billing_error(fusion(), usage_of(fusion(), "人脸融合", 501), &message) == "postpaid-requires-state");
  CHECK(message == "face_fusion 人脸融合: 1 calls are left for postpaid, which only licensed accounts may use");
  // Licensed: the test calls are gone, every call is postpaid (or from the licence's pack).
  BillRequest licensed = usage_of(fusion(), "人脸融合", 501);
  licensed.states = {"licensed"};
  Bill b = bill(fusion(), licensed);
  CHECK(b.lines.at(0).free == 0);
  CHECK(b.total == D("10.02"));
  BillRequest bought = usage_of(fusion(), "人脸融合", 501);
  buy_fee(bought, fusion(), "licence");
  CHECK(bill(fusion(), bought).total == 20000);
}

// ---- trial: faceid's one-time grant ------------------------------------------------------------

TEST_CASE("the trial grant applies only in state trial", "[states]") {
  BillRequest r = usage_of(faceid(), "活体人脸核身", 100);
  Bill plain = bill(faceid(), r);
  CHECK(plain.lines.at(0).grant == 0);
  CHECK(plain.total == 100);
  r.states = {"trial"};
  Bill trial = bill(faceid(), r);
  CHECK(trial.lines.at(0).grant == 50);
  CHECK(trial.total == 50);
  CHECK(trial.notes.empty());
  // 50 each of three services only: 微信活体人脸核身 has no grant.
  BillRequest other = usage_of(faceid(), "微信活体人脸核身", 10);
  other.states = {"trial"};
  CHECK(bill(faceid(), other).total == 12);
  // Under the 50, nothing is billed; the grant does not carry a remainder to another meter.
  BillRequest small = usage_of(faceid(), "照片人脸核身", 30);
  small.usage[meter_of(faceid(), "活体人脸比对")] = 60;
  small.states = {"trial"};
  CHECK(bill(faceid(), small).total == D("1.5"));  // (60 - 50) × 0.15
}

TEST_CASE("the trial grant expires after a year, with a note on the bill", "[states]") {
  BillRequest r = usage_of(faceid(), "活体人脸核身", 100);
  r.usage[meter_of(faceid(), "照片人脸核身")] = 100;
  r.states = {"trial"};
  r.grant_age_months = 0;
  CHECK(bill(faceid(), r).total == 100);
  r.grant_age_months = 11;
  Bill valid = bill(faceid(), r);
  CHECK(valid.total == 100);
  CHECK(valid.lines.at(0).grant == 50);
  CHECK(valid.notes.empty());
  r.grant_age_months = 12;
  Bill expired = bill(faceid(), r);
  CHECK(expired.total == 200);
  for (const auto& line : expired.lines) CHECK(line.grant == 0);
  // One note, though two meters lost the grant.
  CHECK(expired.notes == std::vector<std::string>{"the trial grant expired: valid 12 months, activated 12 months ago"});
  // Outside the trial, the grant's age says nothing.
  r.states.clear();
  CHECK(bill(faceid(), r).notes.empty());
}

// ---- suspended: body_analysis loses its free quota --------------------------------------------

TEST_CASE("a suspended account has no free quota", "[states]") {
  BillRequest r = usage_of(body(), "人体检测", 5000);
  Bill active = bill(body(), r);
  CHECK(active.lines.at(0).free == 1000);
  CHECK(active.total == 8);  // (5000 - 1000) × 0.002
  r.states = {"suspended"};
  Bill suspended = bill(body(), r);
  CHECK(suspended.lines.at(0).free == 0);
  CHECK(suspended.total == 10);  // 5000 × 0.002
  // 1000 calls: free when active, billed when suspended.
  BillRequest quota = usage_of(body(), "人像分割", 1000);
  CHECK(bill(body(), quota).total == 0);
  quota.states = {"suspended"};
  CHECK(bill(body(), quota).total == 10);  // 1000 × 0.01
}

// ---- the freeze -------------------------------------------------------------------------------

TEST_CASE("face_fusion freeze: the month's usage at the band it reaches × 120%", "[states]") {
  auto freeze = [](const Decimal& calls) {
    BillRequest r = usage_of(fusion(), "人脸融合", calls);
    buy_fee(r, fusion(), "licence");
    return bill(fusion(), r).freeze;
  };
  // The whole usage, also the part the licence's pack covers.
  CHECK(freeze(30 * wan) == 7200);                  // 300000 × 0.02 × 1.2
  CHECK(freeze(100 * wan) == 24000);                // 1000000 × 0.02 × 1.2
  CHECK(freeze(100 * wan + 1) == D("14400.0144"));  // 1000001 × 0.012 × 1.2
  CHECK(freeze(200 * wan) == 28800);                // 2000000 × 0.012 × 1.2
  CHECK(freeze(800 * wan) == 48000);                // 8000000 × 0.005 × 1.2
  CHECK(freeze(0) == 0);
}

TEST_CASE("face_recognition freeze at a band edge", "[states]") {
  auto freeze = [](const Decimal& calls) { return bill(face(), usage_of(face(), "人脸比对", calls)).freeze; };
  CHECK(freeze(300 * wan) == 11520);                // 3000000 × 0.0032 × 1.2
  CHECK(freeze(300 * wan + 1) == D("10800.0036"));  // 3000001 × 0.003 × 1.2
}

TEST_CASE("no freeze for a product that states none", "[states]") {
  CHECK_FALSE(bill(faceid(), usage_of(faceid(), "活体人脸核身", 5 * wan)).freeze);
  CHECK_FALSE(bill(body(), usage_of(body(), "人体检测", 5 * wan)).freeze);
}

// ---- pack alerts ------------------------------------------------------------------------------

TEST_CASE("body_analysis alerts: a pack under 15%, or used up", "[states]") {
  auto alerts = [](const Decimal& calls) {
    BillRequest r = usage_of(body(), "人体检测", calls);
    buy_pack(r, body(), "人体检测", 10 * wan);
    return bill(body(), r).alerts;
  };
  // 1000 free, then the pack: 85000 drawn leaves 15000, exactly 15%.
  CHECK(alerts(1000).empty());
  CHECK(alerts(86000).empty());
  CHECK(alerts(86001) == std::vector<std::string>{"人体检测 pack 10万 has 14999 left, under 15%"});
  CHECK(alerts(100999) == std::vector<std::string>{"人体检测 pack 10万 has 1 left, under 15%"});
  CHECK(alerts(101000) == std::vector<std::string>{"人体检测 pack 10万 is used up"});
  CHECK(alerts(200000) == std::vector<std::string>{"人体检测 pack 10万 is used up"});
}

TEST_CASE("no alerts for a product that states none", "[states]") {
  BillRequest r = usage_of(faceid(), "活体人脸核身", 100);
  buy_pack(r, faceid(), "活体人脸核身", 100);
  CHECK(bill(faceid(), r).alerts.empty());
}

// ---- the big-customer notice -------------------------------------------------------------------

TEST_CASE("face_fusion big-customer notice: over 10万 a month, not at it", "[states]") {
  auto bill_of = [](const Decimal& calls) {
    BillRequest r = usage_of(fusion(), "人脸融合", calls);
    buy_fee(r, fusion(), "licence");
    return bill(fusion(), r);
  };
  // 20000 + (1630万 − 30万) × 0.005 = 100000 exactly.
  Bill at = bill_of(1630 * wan);
  CHECK(at.total == 100000);
  CHECK(at.notices.empty());
  Bill over = bill_of(1630 * wan + 1);
  CHECK(over.total == D("100000.005"));
  REQUIRE(over.notices.size() == 1);
  CHECK(over.notices[0].starts_with("大客户计费"));
}
