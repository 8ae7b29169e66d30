// The built-ins over bills and a product's tables: bill() settles a month as `tariff bill` does,
// total() and freeze() read a bill; unit_price, band, postpaid_price, pack_price, free_quota and
// freeze_rate look a price up.
#include <fmt/format.h>

#include "interpreter/billing/charge.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/builtins.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/script/call.hpp"

namespace tariff::script::builtin {

namespace {

// The request of bill() and month_bill(): arguments from `first` on are METER = QTY, buy = ...,
// held = ..., fee = ..., state = "NAME".
BillRequest request_of(Call& call, const Product& p, std::size_t first) {
  const Expr& e = call.expr;
  RequestBuilder request(p);
  for (std::size_t i = first; i < e.args.size(); ++i) {
    const Arg& a = e.args[i];
    if (a.fee) {
      add_fee(call, request, p, *a.fee);
    } else if (a.pack && a.pack->held) {
      std::optional<Decimal> size;
      if (a.pack->extra) size = call.quantity(*a.pack->extra);
      request.hold(call.meter_name(p, a.pack->meter), call.quantity(*a.pack->size), size);
    } else if (a.pack) {
      const Span& at = a.pack->size->span;
      request.buy(call.meter_name(p, a.pack->meter), call.quantity(*a.pack->size),
                  {at.source->text.substr(at.begin, at.end - at.begin), at},
                  a.pack->extra ? call.quantity(*a.pack->extra) : Decimal(1));
    } else if (!a.name) {
      fail(a.span, "arity", fmt::format("{}: the product, then METER = QUANTITY, buy = ..., held = ..., fee = ..., "
                                        "state = \"...\"", call.usage()));
    } else if (a.name->text == "state") {
      Value v = call.evaluate(*a.value);
      const auto* state = std::get_if<std::string>(&v);
      if (!state) fail(a.value->span, "type", "state = needs a string, the state's name: state = \"NAME\"");
      request.state({*state, a.value->span});
    } else {
      request.usage(call.meter_name(p, *a.name), call.quantity(*a.value));
    }
  }
  return request.take();
}

}  // namespace

// bill(PRODUCT, METER = QTY..., buy = METER SIZE [× N], held = METER LEFT [of SIZE],
//      fee = NAME [QTY] [DIM = QTY ...], state = "NAME")
Value bill(Call& call) {
  const Product& p = call.product(0);
  auto b = std::make_shared<Bill>(tariff::bill(p, request_of(call, p, 1)));
  call.bill_used(b);
  return BillValue{b, call.rules(), nullptr, 0};
}

// month_bill(PRODUCT or BILL, "2026-01", METER = QTY ...): a month of an account settled against
// its ledger (billing/account.hpp): a product starts an account with an empty ledger; a month's
// bill goes on from the ledger that month left, so a script steps an account through months.
Value month_bill(Call& call) {
  Value first = call.value(0);
  const auto* before = std::get_if<BillValue>(&first);
  if (before && !before->ledger)
    fail(call.positional(0).span, "type", "month_bill goes on from a month_bill, not from a bill of one month",
         "start from the product: month_bill(PRODUCT, \"2026-01\", ...)");
  int month = call.month(1);
  if (before && month <= before->month)
    fail(call.positional(1).span, "month-order",
         fmt::format("{} does not come after {}, the month it goes on from", month_text(month),
                     month_text(before->month)));
  // The version in force that month: an account goes on across a price change with its ledger.
  const Product& p = before ? call.version_at(*before->bill->product, month, call.positional(1).span)
                            : call.product_at(0, month);
  auto ledger = std::make_shared<Ledger>(before ? *before->ledger : Ledger{});
  AccountSettler settler(p);
  auto b = std::make_shared<Bill>(settler.settle(*ledger, month, request_of(call, p, 2), {}).bill);
  call.bill_used(b);
  return BillValue{b, call.rules(), ledger, month};
}

// in_force(PRODUCT, "2027-01"): the version of the product in force that month.
Value in_force(Call& call) { return ProductRef{&call.product_at(0, call.month(1)), call.rules()}; }

// remaining(MONTH_BILL [, METER]): the calls left in the ledger a month_bill left.
Value remaining(Call& call) {
  Value v = call.value(0);
  const auto* b = std::get_if<BillValue>(&v);
  if (!b || !b->ledger)
    fail(call.positional(0).span, "type", fmt::format("expected a month_bill, not {}", kind_name(v)),
         "remaining reads the ledger a month_bill(...) left");
  std::optional<MeterIndex> meter;
  if (call.expr.args.size() > 1) meter = call.meter(*b->bill->product, 1);
  return tariff::remaining(*b->ledger, meter);
}

namespace {

// The bill argument of total() and freeze(), reported to the listener: the bill behind the result.
const Bill& bill_arg(Call& call, const Value& v) {
  const auto* b = std::get_if<BillValue>(&v);
  if (!b) fail(call.positional(0).span, "type", fmt::format("expected a bill, not {}", kind_name(v)));
  call.bill_used(b->bill);
  return *b->bill;
}

}  // namespace

Value total(Call& call) {
  Value v = call.value(0);
  const Bill& b = bill_arg(call, v);
  return Call::money(*b.product, b.total);
}

Value freeze(Call& call) {
  Value v = call.value(0);
  const Bill& b = bill_arg(call, v);
  if (!b.freeze) fail(call.span(), "no-freeze", fmt::format("product {} freezes nothing", b.product->id));
  return Call::money(*b.product, *b.freeze);
}

namespace {

// The band a quantity reaches when all of it is billed postpaid, its unit price and its amount.
struct AllPostpaid {
  const Product& product;
  const Meter& meter;
  PostpaidCharge charge;
};

AllPostpaid all_postpaid(Call& call) {
  const Product& p = call.product(0);
  const Meter& m = p.meters[call.meter(p, 1)];
  Decimal q = call.number(2);
  if (q.is_negative() || !q.is_integer())
    fail(call.positional(2).span, "quantity",
         fmt::format("{} needs a whole, non-negative number of {}s, not {}", call.name(), m.unit, q.to_string()));
  if (!m.postpaid) fail(call.span(), "no-postpaid", fmt::format("{} {} has no postpaid price", p.id, m.display_name()));
  return {p, m, charge_postpaid(p, m, q, q)};
}

}  // namespace

Value unit_price(Call& call) {
  AllPostpaid a = all_postpaid(call);
  return Call::money(a.product, a.charge.unit_price);
}

Value postpaid_price(Call& call) {
  AllPostpaid a = all_postpaid(call);
  return Call::money(a.product, a.charge.amount);
}

Value band(Call& call) {
  AllPostpaid a = all_postpaid(call);
  return std::string(a.charge.band ? a.meter.postpaid->schedule->bands[*a.charge.band].text : "-");
}

Value pack_price(Call& call) {
  const Product& p = call.product(0);
  const Meter& m = p.meters[call.meter(p, 1)];
  Decimal size = call.number(2);
  for (const auto& k : m.packs)
    if (k.size == size) {
      if (!k.price.sold())
        fail(call.span(), "not-sold",
             fmt::format("{} pack {} is not sold at a listed price", m.display_name(), k.size_text));
      return Call::money(p, k.price.amount);
    }
  // The hint names the sizes sold, the nearest to what was written first (2万 for 20万).
  const Span& at = call.positional(2).span;
  std::string written = at.valid() ? at.source->text.substr(at.begin, at.end - at.begin) : size.to_string();
  std::vector<std::string> sizes;
  for (const auto& k : m.packs) sizes.push_back(k.size_text);
  std::string listed;
  for (const auto& t : sizes) listed += (listed.empty() ? "" : ", ") + t;
  fail(at, "unknown-pack", fmt::format("{} sells no {} pack of {}", p.id, m.display_name(), size.to_string()),
       with_suggestion(written, sizes, "sizes: " + (listed.empty() ? std::string("none") : listed)));
}

Value free_quota(Call& call) {
  const Product& p = call.product(0);
  const Meter& m = p.meters[call.meter(p, 1)];
  return m.free ? m.free->quantity : Decimal(0);
}

Value freeze_rate(Call& call) { return call.product(0).freeze.value_or(Decimal(0)); }

}  // namespace tariff::script::builtin
