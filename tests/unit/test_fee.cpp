// Fees and licences at their edges: face_fusion's licence (with its included pack) and QPS
// upgrades (limits, steps, contact sales), the offline SDK's device licences (minimum 50, the
// band reached prices every device) and platform licences (first year, then 10% a year), and
// what cannot be bought at a list price: contact-sales bands and unsold packs.
#include "bundled.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

const Decimal wan(10000);

const Product& fusion() { return bundled("face_fusion"); }
const Product& sdk() { return bundled("face_recognition_sdk"); }
const Product& faceid() { return bundled("faceid"); }

// A licensed face_fusion month with one QPS upgrade and nothing else.
BillRequest qps(const Decimal& day, const Decimal& q) {
  BillRequest r = usage_of(fusion(), "人脸融合", 0);
  r.states = {"licensed"};
  buy_fee(r, fusion(), "qps_upgrade", {{"activity", 1}, {"day", day}, {"qps", q}});
  return r;
}

}  // namespace

// ---- face_fusion: the licence fee and the pack it includes ------------------------------------

TEST_CASE("licence fee: 20000 per activity per year, one 30万 pack per activity", "[fee]") {
  for (int activities : {1, 2, 5}) {
    INFO(activities << " activities");
    BillRequest r = usage_of(fusion(), "人脸融合", 30 * wan * activities);
    buy_fee(r, fusion(), "licence", {{"activity", activities}});
    Bill b = bill(fusion(), r);
    CHECK(b.total == 20000 * activities);
    REQUIRE(b.fees.size() == 1);
    CHECK(b.fees[0].amount == 20000 * activities);
    REQUIRE(b.lines.size() == 1);
    REQUIRE(b.lines[0].packs.size() == 1);  // the included pack, shared by the activities
    CHECK(b.lines[0].packs[0].capacity == 30 * wan * activities);
    CHECK(b.lines[0].packs[0].remaining() == 0);
    CHECK(b.lines[0].postpaid == 0);
    CHECK(b.purchases.empty());  // the pack is part of the fee, not bought apart
  }
  // One call more than the included packs hold is postpaid, at the first band's 0.02.
  BillRequest r = usage_of(fusion(), "人脸融合", 60 * wan + 1);
  buy_fee(r, fusion(), "licence", {{"activity", 2}});
  Bill b = bill(fusion(), r);
  CHECK(b.lines.at(0).postpaid == 1);
  CHECK(b.total == D("40000.02"));
}

TEST_CASE("licence fee: a year at a time, a whole number of activities", "[fee]") {
  BillRequest two_years = usage_of(fusion(), "人脸融合", 0);
  buy_fee(two_years, fusion(), "licence", {{"activity", 1}, {"year", 2}});
  CHECK(billing_error(fusion(), two_years) == "fee-limit");
  BillRequest none = usage_of(fusion(), "人脸融合", 0);
  buy_fee(none, fusion(), "licence", {{"activity", 0}});
  CHECK(bill(fusion(), none).total == 0);
  // A licence for no activity licenses nothing: packs stay out of reach.
  BillRequest none_with_pack = usage_of(fusion(), "人脸融合", 0);
  buy_fee(none_with_pack, fusion(), "licence", {{"activity", 0}});
  buy_pack(none_with_pack, fusion(), "人脸融合", 100 * wan);
  CHECK(billing_error(fusion(), none_with_pack) == "pack-requires-state");
  BillRequest half = usage_of(fusion(), "人脸融合", 0);
  buy_fee(half, fusion(), "licence", {{"activity", D("1.5")}});
  CHECK(billing_error(fusion(), half) == "fee-limit");
}

// ---- face_fusion: QPS upgrades ----------------------------------------------------------------

TEST_CASE("QPS upgrade: 50 to 250 in steps of 50, at 1050 per day per 50 QPS", "[fee]") {
  for (int q = 50; q <= 250; q += 50) {
    INFO(q << " QPS");
    CHECK(bill(fusion(), qps(1, q)).total == 1050 * (q / 50));
  }
  CHECK(bill(fusion(), qps(7, 100)).total == 14700);
}

TEST_CASE("QPS upgrade: above 250 is contact sales, off the step a limit", "[fee]") {
  std::string message;
  CHECK(billing_error(fusion(), qps(1, 300), &message) == "contact-sales");
  CHECK(message == "face_fusion 升级QPS: 300 qps is more than the 250 sold online: contact sales (联系商务)");
  CHECK(billing_error(fusion(), qps(1, 75), &message) == "fee-limit");
  CHECK(message == "face_fusion 升级QPS: 75 qps is not a multiple of 50: qps is sold in units of 50");
  CHECK(billing_error(fusion(), qps(1, 0)).empty());  // no QPS bought costs nothing
  CHECK(bill(fusion(), qps(1, 0)).total == 0);
  CHECK(billing_error(fusion(), qps(1, 251)) == "contact-sales");
  CHECK(billing_error(fusion(), qps(1, 25)) == "fee-limit");
}

TEST_CASE("QPS upgrade: 1 to 30 days", "[fee]") {
  std::string message;
  CHECK(billing_error(fusion(), qps(0, 50), &message) == "fee-limit");
  CHECK(message == "face_fusion 升级QPS: 0 day is outside 1 to 30");
  CHECK(bill(fusion(), qps(1, 50)).total == 1050);
  CHECK(bill(fusion(), qps(30, 50)).total == 31500);
  CHECK(billing_error(fusion(), qps(31, 50)) == "fee-limit");
}

TEST_CASE("QPS upgrade: only for licensed accounts, or with a licence bought in the bill", "[fee]") {
  BillRequest r = qps(1, 50);
  r.states.clear();
  CHECK(billing_error(fusion(), r) == "fee-requires-state");
  BillRequest with_licence = usage_of(fusion(), "人脸融合", 0);
  buy_fee(with_licence, fusion(), "licence");
  buy_fee(with_licence, fusion(), "qps_upgrade", {{"day", 7}, {"qps", 100}});
  CHECK(bill(fusion(), with_licence).total == 34700);
}

TEST_CASE("the order fees are listed in does not matter", "[fee]") {
  // The licence grants `licensed`, which the upgrade requires, wherever it stands in the list.
  BillRequest r = usage_of(fusion(), "人脸融合", 0);
  buy_fee(r, fusion(), "qps_upgrade", {{"day", 7}, {"qps", 100}});
  buy_fee(r, fusion(), "licence");
  CHECK(billing_error(fusion(), r).empty());
  CHECK(bill(fusion(), r).total == 34700);
}

// ---- the offline SDK: licences per device and per platform -------------------------------------

TEST_CASE("device licences: fewer than 50 refused, all devices at the band reached", "[fee]") {
  auto total = [](int devices) { return bill(sdk(), usage_of(sdk(), "detect_device", devices)).total; };
  std::string message;
  CHECK(billing_error(sdk(), usage_of(sdk(), "detect_device", 49), &message) == "below-minimum");
  CHECK(message ==
        "face_recognition_sdk 离线人脸检测 SDK（Android）: 49 devices is below the minimum; the first band is [50, "
        "1000]");
  CHECK(billing_error(sdk(), usage_of(sdk(), "detect_device", 1)) == "below-minimum");
  CHECK(total(50) == 14400);                                                    // 50 × 288
  CHECK(total(500) == 144000);                                                  // 按设备购买 示例一
  CHECK(total(1000) == 288000);                                                 // 1000 × 288
  CHECK(total(1001) == 238238);                                                 // 1001 × 238
  CHECK(total(5000) == 1190000);                                                // 5000 × 238
  CHECK(total(5001) == 940188);                                                 // 5001 × 188
  CHECK(bill(sdk(), usage_of(sdk(), "search_device", 4000)).total == 1232000);  // 示例二, 4000 × 308
  // No devices is no purchase, not a purchase below the minimum.
  CHECK(bill(sdk(), usage_of(sdk(), "detect_device", 0)).total == 0);
}

TEST_CASE("platform licences: the first year, then 10% of it each year", "[fee]") {
  auto total = [](std::string_view meter, int years) { return bill(sdk(), usage_of(sdk(), meter, years)).total; };
  CHECK(total("detect_platform", 1) == 300000);
  CHECK(total("detect_platform", 2) == 330000);
  CHECK(total("detect_platform", 3) == 360000);
  CHECK(total("search_platform", 2) == 495000);    // 45万 + 4.5万
  CHECK(total("search3d_platform", 3) == 720000);  // 60万 + 2 × 6万
}

TEST_CASE("test SDKs: at most 3 devices, at no charge", "[fee]") {
  CHECK(bill(sdk(), usage_of(sdk(), "test_device", 3)).total == 0);
  CHECK(billing_error(sdk(), usage_of(sdk(), "test_device", 4)) == "above-maximum");
}

// ---- faceid: the contact-sales band and unsold packs -------------------------------------------

TEST_CASE("contact sales: one call under 20万 is priced, 20万 is not", "[fee]") {
  CHECK(bill(faceid(), usage_of(faceid(), "微信活体人脸核身", 199999)).total == D("149999.25"));
  std::string message;
  CHECK(billing_error(faceid(), usage_of(faceid(), "微信活体人脸核身", 20 * wan), &message) == "contact-sales");
  CHECK(message ==
        "faceid 微信活体人脸核身: 200000 calls reach the band [20万, ∞), which has no list price (联系商务): contact "
        "sales for a quote");
  CHECK(billing_error(faceid(), usage_of(faceid(), "银行卡基础信息查询", 500 * wan)) == "contact-sales");
}

TEST_CASE("contact sales: packs keep the postpaid calls under the band", "[fee]") {
  auto with_pack = [](const Decimal& calls) {
    BillRequest r = usage_of(faceid(), "活体人脸核身", calls);
    buy_pack(r, faceid(), "活体人脸核身", 10 * wan);
    return r;
  };
  // 299999 calls, 10万 from the pack: 199999 postpaid at 0.68, plus the pack's 80000.
  CHECK(bill(faceid(), with_pack(299999)).total == D("215999.32"));
  CHECK(billing_error(faceid(), with_pack(30 * wan)) == "contact-sales");
  // Without the pack the same 25万 calls reach 联系商务.
  CHECK(billing_error(faceid(), usage_of(faceid(), "活体人脸核身", 25 * wan)) == "contact-sales");
  CHECK(bill(faceid(), with_pack(25 * wan)).total == 182000);
}

TEST_CASE("a pack the table marks '-' is not sold", "[fee]") {
  std::string message;
  BillRequest r = usage_of(faceid(), "活体人脸比对", 10);
  buy_pack(r, faceid(), "活体人脸比对", 100);
  CHECK(billing_error(faceid(), r, &message) == "pack-not-sold");
  CHECK(message == "faceid 活体人脸比对: the 100 pack is not sold");
  BillRequest id = usage_of(faceid(), "身份信息核验", 0);
  buy_pack(id, faceid(), "身份信息核验", 5000);
  CHECK(billing_error(faceid(), id) == "pack-not-sold");
  // The sizes either side are sold.
  BillRequest sold = usage_of(faceid(), "身份信息核验", 0);
  buy_pack(sold, faceid(), "身份信息核验", 1000);
  buy_pack(sold, faceid(), "身份信息核验", wan);
  CHECK(bill(faceid(), sold).total == 3100);
}
