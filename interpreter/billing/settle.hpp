#pragma once
// Settlement: one bill's cycle settled step by step in the product's settlement order, each step
// reported to a listener as it happens (as cel-cpp reports evaluation to a listener). The bill,
// its explanation, batch rating's detail lines and the pack ledger are listeners: none of them
// recomputes a step, and none relies on the order of anything but the events.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/billing/charge.hpp"
#include "interpreter/billing/true_up.hpp"
#include "interpreter/model/bill_request.hpp"

namespace tariff {

// Where a pack in a bill's pool came from: held before the bill, bought in it, or included with a
// fee bought in it. `index` is into BillRequest::held, ::buys or ::fees, so that a listener knows
// which pack an event is about.
struct PackSource {
  enum class Kind { held, bought, included };
  Kind kind = Kind::held;
  std::size_t index = 0;
};

// One pack of a meter's pool and what this bill drew from it.
struct PackDraw {
  PackSource source;
  std::string size_text;            // "5000万", "30万 (技术授权费)", or "held" for a held pack of unknown size
  std::optional<Decimal> capacity;  // size × count, when known
  Decimal available;                // before this bill
  Decimal drawn;
  Decimal remaining() const { return available - drawn; }
  bool bought() const { return source.kind != PackSource::Kind::held; }
};

// A pack's alert (资源包剩余次数不足15%或耗尽时提醒), once, in the bill where it happens: taken under
// the product's threshold, or used up.
struct PackAlert {
  enum class Kind { low, used_up };
  Kind kind = Kind::low;
  MeterIndex meter = 0;
  PackDraw draw;
};

struct PurchaseLine {
  MeterIndex meter = 0;
  std::string size_text;
  Decimal size, count, unit_price, amount;
};

struct FeeLine {
  std::size_t fee = 0;
  std::vector<Decimal> quantities;  // per dimension of the fee
  Decimal amount;
};

// A recurring fee charged in a bill; `fee` indexes Product::recurring.
struct RecurringLine {
  std::size_t fee = 0;
  Decimal amount;
  int days = 0, of = 0;  // prorated by day: `days` of the month's `of` (both 0: the whole cycle)
};

// What a bill of a product that rounds its payable amount (payable rounded to ...) is paid: the
// total, and the freeze where the product freezes.
struct Payable {
  Decimal total;
  std::optional<Decimal> freeze;
};

// What a listener hears, in this order: the fees bought, the recurring fees, the packs bought,
// then each meter that has usage or packs (meter_begins, one step_done per step of the settlement
// order — a packs step after one pack_drawn per pack of the pool, a postpaid step after its
// postpaid_charged — then meter_ends), then the true-ups, the total, the freeze, the payable
// amounts, alerts, notices and notes.
class SettlementListener {
 public:
  virtual ~SettlementListener() = default;
  virtual void fee_bought(const FeeLine&) {}
  virtual void recurring_charged(const RecurringLine&) {}
  virtual void pack_bought(const PurchaseLine&) {}
  virtual void meter_begins(MeterIndex /*meter*/, const Decimal& /*usage*/) {}
  virtual void pack_drawn(MeterIndex /*meter*/, const PackDraw&) {}
  virtual void postpaid_charged(MeterIndex /*meter*/, const Decimal& /*quantity*/, const PostpaidCharge&) {}
  // What one step took from the meter's usage and what it left for the steps after it.
  virtual void step_done(MeterIndex /*meter*/, SettlementStep, const Decimal& /*taken*/, const Decimal& /*left*/) {}
  virtual void meter_ends(MeterIndex /*meter*/) {}
  virtual void trued_up(const TrueUp&) {}  // a minimum, maximum or commitment brought the total to it
  virtual void total(const Decimal&) {}
  virtual void freeze(const Decimal&) {}  // next month's pre-authorization freeze
  virtual void payable(const Payable&) {}    // only for a product with a rounding rule
  virtual void alert(const std::string&) {}  // as the bill says it; pack_alert just before, for a ledger
  virtual void pack_alert(const PackAlert&) {}
  virtual void notice(const std::string&) {}
  virtual void note(const std::string&) {}  // how a step was settled where it is not obvious
};

// Settles bills of one product, keeping its buffers from one bill to the next (batch rating
// settles hundreds of thousands). Throws BillingError for what the rules cannot settle or price
// (an arithmetic overflow included, with code "overflow").
class Settler {
 public:
  explicit Settler(const Product& product);
  void settle(const BillRequest& request, SettlementListener& listener);

 private:
  const Product& product_;
  const BillRequest* request_ = nullptr;
  std::vector<std::vector<PackDraw>> pools_;  // per meter: held packs first, then bought, then included
  std::vector<std::string> granted_;          // states the fees bought in this bill grant
  Decimal total_;
  Decimal payable_;  // per-line rounding: the sum of the lines rounded

  bool has_state(const std::string& state) const;
  void charge(const Decimal& amount);  // a line of the bill, added to the total (and payable)
  void charge_recurring(SettlementListener& listener);
  std::uint32_t state_days(const std::string& state, std::uint32_t month) const;
  void buy_fees(SettlementListener& listener);
  void include_packs(std::size_t purchase, const Fee& fee, const Decimal& units);
  void stock_packs(SettlementListener& listener);
  void stock_held(SettlementListener& listener);
  std::string size_name(const Meter& meter, const std::optional<Decimal>& size) const;
  void check_stacking(const Meter& meter, const Pack& pack, const PackPurchase& purchase) const;
  static Decimal balance(const std::optional<std::vector<Balance>>& left, MeterIndex meter, const Decimal& quantity);
  std::vector<std::size_t> held_order_;
  void check_held(const Meter& meter, const HeldPack& held) const;
  void check_pack_state(const Meter& meter, const Pack& pack) const;
  void settle_meter(MeterIndex meter, SettlementListener& listener);
  bool grant_valid(const Grant& grant, SettlementListener& listener);
  bool grant_expiry_noted_ = false;
  void finish(SettlementListener& listener);
};

}  // namespace tariff
