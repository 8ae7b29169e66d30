#include "interpreter/billing/bill.hpp"

namespace tariff {

BillAssembler::BillAssembler(const Product& product, const BillRequest& request) {
  bill_.product = &product;
  bill_.request = request;
}

void BillAssembler::meter_begins(MeterIndex meter, const Decimal& usage) {
  line_ = BillLine{};
  line_.meter = meter;
  line_.usage = usage;
}

void BillAssembler::postpaid_charged(MeterIndex, const Decimal& quantity, const PostpaidCharge& charge) {
  line_.postpaid = quantity;
  line_.charge = charge;
}

void BillAssembler::step_done(MeterIndex, SettlementStep step, const Decimal& taken, const Decimal&) {
  if (step == SettlementStep::free) line_.free = taken;
  if (step == SettlementStep::grant) line_.grant = taken;
}

Bill bill(const Product& product, const BillRequest& request) {
  Settler settler(product);
  BillAssembler assembler(product, request);
  settler.settle(request, assembler);
  return assembler.take();
}

}  // namespace tariff
