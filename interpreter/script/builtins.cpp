// The built-in functions of scripts: what the language itself cannot express. Calls into the
// rules (bill, unit_price, band, pack_price, ...) and exact rounding. Everything else, min, max,
// ceil_to, percent_of, the freeze estimate, is written in the language in stdlib/functions.tariff.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/interpreter.hpp"

namespace tariff::script {

const std::vector<std::string>& Interpreter::builtin_names() {
  static const std::vector<std::string> names = {
      "amount",        "band",           "bill",  "currency",   "divide",     "fee",       "free_quota",
      "freeze",        "freeze_rate",    "money", "pack_price", "plan",       "plan_cost", "plan_one_size",
      "plan_postpaid", "postpaid_price", "round", "total",      "unit_price", "winner"};
  return names;
}

const Expr& Interpreter::positional(const Expr& call, std::size_t i) {
  const Arg& a = call.args.at(i);
  if (!a.value || a.name) fail(a.span, "arity", fmt::format("{} takes no named arguments here", call.text));
  return *a.value;
}

void Interpreter::expect_args(const Expr& call, std::size_t n, const char* usage) {
  if (call.args.size() != n)
    fail(call.span, "arity", fmt::format("{} takes {} argument{}", call.text, n, n == 1 ? "" : "s"), usage);
}

Decimal Interpreter::quantity_of(const Expr& e) {
  Value v = evaluate(e);
  const auto* d = std::get_if<Decimal>(&v);
  if (!d) fail(e.span, "type", fmt::format("expected a number, not {}", kind_name(v)));
  return *d;
}

Decimal Interpreter::number_arg(const Expr& call, std::size_t i) { return quantity_of(positional(call, i)); }

int Interpreter::places_arg(const Expr& call, std::size_t i) {
  const Expr& e = positional(call, i);
  auto n = quantity_of(e).to_int64();
  if (!n || *n < Decimal::min_places || *n > Decimal::max_scale)
    fail(e.span, "places",
         fmt::format("expected a whole number of decimal places from {} to {}", Decimal::min_places,
                     Decimal::max_scale));
  return static_cast<int>(*n);
}

RoundingMode Interpreter::mode_arg(const Expr& call, std::size_t i) {
  const Expr& e = positional(call, i);
  Value v = evaluate(e);
  const auto* text = std::get_if<std::string>(&v);
  auto mode = text ? parse_rounding_mode(*text) : std::nullopt;
  if (!mode)
    fail(e.span, "rounding-mode", "expected a rounding mode",
         "half_up, half_even, half_down, down, up, floor or ceiling");
  return *mode;
}

const Product& Interpreter::product_arg(const Expr& call, std::size_t i) {
  if (call.args.size() <= i)
    fail(call.span, "arity", fmt::format("{} needs a product first", call.text), ":products lists them");
  const Expr& e = positional(call, i);
  Value v = evaluate(e);
  const auto* p = std::get_if<ProductRef>(&v);
  if (!p) fail(e.span, "type", fmt::format("expected a product, not {}", kind_name(v)), ":products lists them");
  return *p->product;
}

// The name a meter argument gives: a bare name is the meter's own name first (人脸比对), else a
// binding or parameter holding one; a string names one.
Name Interpreter::meter_name(const Expr& call, const Product& p, const Expr& arg) {
  std::string name = arg.text;
  bool bound = globals_.count(name) > 0 || (!frames_.empty() && frames_.back().count(name) > 0);
  bool own_name = (arg.kind == Expr::Kind::variable && (p.find_meter(name) || !bound)) || arg.kind == Expr::Kind::text;
  if (!own_name) {
    Value v = evaluate(arg);
    if (const auto* m = std::get_if<MeterRef>(&v); m && m->product == &p) return {p.meters[m->meter].id, arg.span};
    const auto* text = std::get_if<std::string>(&v);
    if (!text) fail(arg.span, "type", fmt::format("{} expects a meter of {}, not {}", call.text, p.id, kind_name(v)));
    name = *text;
  }
  return {name, arg.span};
}

// A meter by id, display name, alias or API action of `p`, resolved as every name a user types is.
MeterIndex Interpreter::meter_arg(const Expr& call, const Product& p, const Expr& arg) {
  return resolve_meter(p, meter_name(call, p, arg));
}

Name Interpreter::meter_name(const Expr& call, const Product& p, const ast::Name& written) {
  Expr meter;
  meter.kind = Expr::Kind::variable;
  meter.text = written.text;
  meter.span = written.span;
  return meter_name(call, p, meter);
}

Value Interpreter::money_of(const Product& p, Decimal amount) const { return Money{std::move(amount), p.currency}; }

// bill(PRODUCT, METER = QTY..., buy = METER SIZE [× N], held = METER LEFT [of SIZE],
//      fee = NAME [QTY] [DIM = QTY ...], state = "trial")
Value Interpreter::bill_call(const Expr& e) {
  const Product& p = product_arg(e, 0);
  RequestBuilder request(p);
  for (std::size_t i = 1; i < e.args.size(); ++i) {
    const Arg& a = e.args[i];
    if (a.fee) {
      add_fee(request, p, *a.fee);
    } else if (a.pack && a.pack->held) {
      std::optional<Decimal> size;
      if (a.pack->extra) size = quantity_of(*a.pack->extra);
      request.hold(meter_name(e, p, a.pack->meter), quantity_of(*a.pack->size), size);
    } else if (a.pack) {
      const Span& at = a.pack->size->span;
      request.buy(meter_name(e, p, a.pack->meter), quantity_of(*a.pack->size),
                  {at.source->text.substr(at.begin, at.end - at.begin), at},
                  a.pack->extra ? quantity_of(*a.pack->extra) : Decimal(1));
    } else if (!a.name) {
      fail(a.span, "arity",
           "bill takes the product, then METER = QUANTITY, buy = ..., held = ..., fee = ..., state = \"...\"");
    } else if (a.name->text == "state") {
      Value v = evaluate(*a.value);
      const auto* state = std::get_if<std::string>(&v);
      if (!state) fail(a.value->span, "type", "state = needs a string, the state's name: state = \"NAME\"");
      request.state({*state, a.value->span});
    } else {
      request.usage(meter_name(e, p, *a.name), quantity_of(*a.value));
    }
  }
  auto b = std::make_shared<Bill>(tariff::bill(p, request.take()));
  bill_used(b);
  return BillValue{b, rules_};
}

namespace {

const std::shared_ptr<const Bill>& bill_of(const Expr& e, const Value& v) {
  const auto* b = std::get_if<BillValue>(&v);
  if (!b) fail(e.span, "type", fmt::format("expected a bill, not {}", kind_name(v)));
  return b->bill;
}

// What a / b may be: a number by a number, money by a number, money by money of its currency.
bool divides(const Value& a, const Value& b) {
  if (std::holds_alternative<Decimal>(b)) return true;
  const auto* am = std::get_if<Money>(&a);
  const auto* bm = std::get_if<Money>(&b);
  return am && bm && am->currency == bm->currency;
}

// a / b rounded: money / number is money, money / money of one currency a number.
Value quotient(const Value& a, const Value& b, int places, RoundingMode mode) {
  Decimal q = Decimal::divide(*numeric(a), *numeric(b), places, mode);
  const auto* am = std::get_if<Money>(&a);
  if (am && !std::holds_alternative<Money>(b)) return Money{std::move(q), am->currency};
  return q;
}

}  // namespace

std::optional<Value> Interpreter::call_builtin(const Expr& e) {
  const std::string& f = e.text;
  try {
    if (f == "bill") return bill_call(e);
    if (f == "fee") return fee_call(e);
    if (f == "plan") return plan_call(e);
    if (f == "plan_cost" || f == "plan_one_size" || f == "plan_postpaid" || f == "winner") return plan_part(e);
    if (f == "round") {
      // round(a / b, places, mode) divides once, rounding the exact quotient; round(x, ...) rounds x.
      expect_args(e, 3, "round(x, places, mode), e.g. round(a / b, 2, half_up)");
      const Expr& x = positional(e, 0);
      int places = places_arg(e, 1);
      RoundingMode mode = mode_arg(e, 2);
      if (x.kind == Expr::Kind::chain && x.ops.back() == Op::divide) {
        // a / b, or a * c / b: the chain up to its last step, then the rounded quotient.
        std::size_t n = x.operands.size();
        Value a = n == 2 ? evaluate(*x.operands[0]) : chain(x, n - 1), b = evaluate(*x.operands[n - 1]);
        arithmetic(x.span, Op::multiply, a, Decimal(1), x.span);  // checks a's kind, as a * 1 would
        if (!divides(a, b)) fail(x.span, "type", fmt::format("cannot divide {} by {}", kind_name(a), kind_name(b)));
        if (numeric(b)->is_zero()) fail(x.operands[n - 1]->span, "division-by-zero", "division by zero");
        return quotient(a, b, places, mode);
      }
      Value v = evaluate(x);
      if (!numeric(v)) fail(x.span, "type", fmt::format("cannot round {}", kind_name(v)));
      if (auto* m = std::get_if<Money>(&v)) return Money{m->amount.round(places, mode), std::move(m->currency)};
      return std::get<Decimal>(v).round(places, mode);
    }
    if (f == "divide") {
      // As round(a / b, ...): money / number is money, money / money of one currency a number.
      expect_args(e, 4, "divide(a, b, places, mode)");
      Value a = evaluate(positional(e, 0)), b = evaluate(positional(e, 1));
      if (!numeric(a)) fail(positional(e, 0).span, "type", fmt::format("cannot divide {}", kind_name(a)));
      if (!divides(a, b))
        fail(positional(e, 1).span, "type", fmt::format("cannot divide {} by {}", kind_name(a), kind_name(b)));
      if (numeric(b)->is_zero()) fail(positional(e, 1).span, "division-by-zero", "division by zero");
      return quotient(a, b, places_arg(e, 2), mode_arg(e, 3));
    }
    if (f == "total" || f == "freeze") {
      expect_args(e, 1, "total(bill) or freeze(bill)");
      Value v = evaluate(positional(e, 0));
      const auto& bill = bill_of(positional(e, 0), v);
      const Bill& b = *bill;
      bill_used(bill);  // the bill behind the result
      if (f == "total") return money_of(*b.product, b.total);
      if (!b.freeze) fail(e.span, "no-freeze", fmt::format("product {} freezes nothing", b.product->id));
      return money_of(*b.product, *b.freeze);
    }
    if (f == "amount" || f == "currency") {
      expect_args(e, 1, "amount(money) or currency(money)");
      Value v = evaluate(positional(e, 0));
      const auto* m = std::get_if<Money>(&v);
      if (!m) fail(positional(e, 0).span, "type", fmt::format("expected money, not {}", kind_name(v)));
      if (f == "amount") return m->amount;
      return m->currency;
    }
    if (f == "money") {
      expect_args(e, 2, "money(amount, \"CNY\")");
      Value c = evaluate(positional(e, 1));
      const auto* code = std::get_if<std::string>(&c);
      bool ok = code && code->size() == 3 && std::ranges::all_of(*code, [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      if (!ok)
        fail(positional(e, 1).span, "type", "expected a currency code in quotes: three capital letters, like \"CNY\"");
      return Money{number_arg(e, 0), *code};
    }
    if (f == "freeze_rate") {
      expect_args(e, 1, "freeze_rate(product)");
      const Product& p = product_arg(e, 0);
      return p.freeze.value_or(Decimal(0));
    }
    if (f == "free_quota") {
      expect_args(e, 2, "free_quota(product, meter)");
      const Product& p = product_arg(e, 0);
      const Meter& m = p.meters[meter_arg(e, p, positional(e, 1))];
      return m.free ? m.free->quantity : Decimal(0);
    }
    if (f == "unit_price" || f == "band" || f == "postpaid_price") {
      // The band a quantity reaches when all of it is billed postpaid, and its unit price.
      expect_args(e, 3, "unit_price(product, meter, quantity)");
      const Product& p = product_arg(e, 0);
      const Meter& m = p.meters[meter_arg(e, p, positional(e, 1))];
      Decimal q = number_arg(e, 2);
      if (q.is_negative() || !q.is_integer())
        fail(positional(e, 2).span, "quantity",
             fmt::format("{} needs a whole, non-negative number of {}s, not {}", f, m.unit, q.to_string()));
      if (!m.postpaid) fail(e.span, "no-postpaid", fmt::format("{} {} has no postpaid price", p.id, m.display_name()));
      PostpaidCharge c = charge_postpaid(p, m, q, q);
      if (f == "band") return std::string(c.band ? m.postpaid->schedule->bands[*c.band].text : "-");
      return money_of(p, f == "unit_price" ? c.unit_price : c.amount);
    }
    if (f == "pack_price") {
      expect_args(e, 3, "pack_price(product, meter, size)");
      const Product& p = product_arg(e, 0);
      const Meter& m = p.meters[meter_arg(e, p, positional(e, 1))];
      Decimal size = number_arg(e, 2);
      for (const auto& k : m.packs)
        if (k.size == size) {
          if (!k.price.sold())
            fail(e.span, "not-sold",
                 fmt::format("{} pack {} is not sold at a listed price", m.display_name(), k.size_text));
          return money_of(p, k.price.amount);
        }
      fail(positional(e, 2).span, "unknown-pack",
           fmt::format("{} sells no {} pack of {}", p.id, m.display_name(), size.to_string()));
    }
  } catch (const BillingError& error) {
    fail(e.span, error.code, error.what());
  } catch (const DecimalError& error) {
    fail(e.span, "arithmetic", error.what());
  }
  return std::nullopt;
}

}  // namespace tariff::script
