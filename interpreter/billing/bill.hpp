#pragma once
// A bill: one account's usage of one product for one billing cycle, settled in the product's
// settlement order, priced exactly, never rounded; beside its exact total, the payable amount
// where the product's rules say how it is rounded. Assembled from the settlement's events.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/billing/settle.hpp"

namespace tariff {

struct BillLine {
  MeterIndex meter = 0;
  Decimal usage, free, grant;
  std::vector<PackDraw> packs;
  Decimal postpaid;
  PostpaidCharge charge;
};

struct Bill {
  const Product* product = nullptr;
  BillRequest request;  // what was settled: to explain a bill, it is settled again (report/explain.hpp)
  std::vector<BillLine> lines;
  std::vector<PurchaseLine> purchases;
  std::vector<FeeLine> fees;
  std::vector<RecurringLine> recurring;  // the product's recurring fees this bill includes
  std::vector<TrueUp> true_ups;          // to the minimum, maximum or commitment
  Decimal total;
  std::optional<Decimal> freeze;     // next month's pre-authorization freeze
  std::optional<Payable> payable;    // only where the product rounds its payable amount
  std::vector<std::string> alerts;   // packs under the alert threshold or used up
  std::vector<std::string> notices;  // notices whose threshold the total crosses
  std::vector<std::string> notes;    // how the bill was settled where it is not obvious (an expired grant)
};

// The listener that builds a Bill from a settlement's events.
class BillAssembler : public SettlementListener {
 public:
  BillAssembler(const Product& product, const BillRequest& request);
  Bill take() { return std::move(bill_); }

  void fee_bought(const FeeLine& line) override { bill_.fees.push_back(line); }
  void recurring_charged(const RecurringLine& line) override { bill_.recurring.push_back(line); }
  void trued_up(const TrueUp& t) override { bill_.true_ups.push_back(t); }
  void payable(const Payable& p) override { bill_.payable = p; }
  void pack_bought(const PurchaseLine& line) override { bill_.purchases.push_back(line); }
  void meter_begins(MeterIndex meter, const Decimal& usage) override;
  void pack_drawn(MeterIndex, const PackDraw& draw) override { line_.packs.push_back(draw); }
  void postpaid_charged(MeterIndex, const Decimal& quantity, const PostpaidCharge& charge) override;
  void step_done(MeterIndex, SettlementStep step, const Decimal& taken, const Decimal& left) override;
  void meter_ends(MeterIndex) override { bill_.lines.push_back(std::move(line_)); }
  void total(const Decimal& amount) override { bill_.total = amount; }
  void freeze(const Decimal& amount) override { bill_.freeze = amount; }
  void alert(const std::string& text) override { bill_.alerts.push_back(text); }
  void notice(const std::string& text) override { bill_.notices.push_back(text); }
  void note(const std::string& text) override { bill_.notes.push_back(text); }

 private:
  Bill bill_;
  BillLine line_;  // the meter being settled
};

// Bills one cycle. Throws BillingError for usage the rules cannot price.
Bill bill(const Product& product, const BillRequest& request);

}  // namespace tariff
