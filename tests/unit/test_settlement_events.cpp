// The settlement as events (billing/settle.hpp): what a listener hears for one bill, in order,
// the steps in the product's settle order, each pack drawn with what it gave; the bill, the
// rater's lines and :explain are all such listeners.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "interpreter/billing/settle.hpp"
#include "tests/unit/support.hpp"

using namespace tariff;
using tariff::test::D;

namespace {

const char* const rules = R"(product p {
  currency CNY
  meter calls 调用
  free 100 per month for each meter
  packs valid 1 year {
    | 资源包规格 | 1000 |
    | calls      | 50   |
  }
  postpaid volume {
    | 月接口调用总量 | (0, ∞) |
    | calls          | 1      |
  }
  settle free > packs > postpaid
}
)";

// Writes down every event as a short line.
struct Recorder : SettlementListener {
  std::vector<std::string> heard;
  void pack_bought(const PurchaseLine& l) override { heard.push_back("bought " + l.size_text); }
  void meter_begins(MeterIndex, const Decimal& usage) override { heard.push_back("begins " + usage.to_string()); }
  void step_done(MeterIndex, SettlementStep step, const Decimal& taken, const Decimal& left) override {
    heard.push_back(std::string(to_string(step)) + " took " + taken.to_string() + " left " + left.to_string());
  }
  void pack_drawn(MeterIndex, const PackDraw& d) override {
    heard.push_back("drawn " + d.drawn.to_string() + " of " + d.size_text);
  }
  void postpaid_charged(MeterIndex, const Decimal& q, const PostpaidCharge& c) override {
    heard.push_back("postpaid " + q.to_string() + " = " + c.amount.to_string());
  }
  void meter_ends(MeterIndex) override { heard.push_back("ends"); }
  void total(const Decimal& t) override { heard.push_back("total " + t.to_string()); }
};

}  // namespace

TEST_CASE("a listener hears each step of a bill in the settle order, each pack with what it gave") {
  RuleSet set;
  const Product& p = tariff::test::product_of(set, rules);
  BillRequest r;
  r.usage = {D("1500")};
  r.buys = {{0, 0, D("1")}};
  Recorder rec;
  Settler(p).settle(r, rec);
  CHECK(rec.heard == std::vector<std::string>{"bought 1000", "begins 1500", "free took 100 left 1400",
                                              "drawn 1000 of 1000", "packs took 1000 left 400", "postpaid 400 = 400",
                                              "postpaid took 400 left 0", "ends", "total 450"});
}
