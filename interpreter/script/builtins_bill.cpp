// The built-ins over bills and a product's tables: bill() settles a month as `tariff bill` does,
// total() and freeze() read a bill; unit_price, band, postpaid_price, pack_price, free_quota and
// freeze_rate look a price up.
#include <fmt/format.h>

#include "interpreter/billing/charge.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/builtins.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/script/call.hpp"

namespace tariff::script::builtin {

// bill(PRODUCT, METER = QTY..., buy = METER SIZE [× N], held = METER LEFT [of SIZE],
//      fee = NAME [QTY] [DIM = QTY ...], state = "NAME")
Value bill(Call& call) {
  const Expr& e = call.expr;
  const Product& p = call.product(0);
  RequestBuilder request(p);
  for (std::size_t i = 1; i < e.args.size(); ++i) {
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
      fail(a.span, "arity",
           "bill takes the product, then METER = QUANTITY, buy = ..., held = ..., fee = ..., state = \"...\"");
    } else if (a.name->text == "state") {
      Value v = call.evaluate(*a.value);
      const auto* state = std::get_if<std::string>(&v);
      if (!state) fail(a.value->span, "type", "state = needs a string, the state's name: state = \"NAME\"");
      request.state({*state, a.value->span});
    } else {
      request.usage(call.meter_name(p, *a.name), call.quantity(*a.value));
    }
  }
  auto b = std::make_shared<Bill>(tariff::bill(p, request.take()));
  call.bill_used(b);
  return BillValue{b, call.rules()};
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
