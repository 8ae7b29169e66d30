// The built-ins of exact arithmetic: round and divide name their rounding (the language's `/` is
// exact or an error), money makes an amount of a currency, amount and currency take it apart.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/script/builtins.hpp"
#include "interpreter/script/call.hpp"

namespace tariff::script::builtin {

namespace {

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

// round(a / b, places, mode) divides once, rounding the exact quotient; round(x, ...) rounds x.
Value round(Call& call) {
  const Expr& x = call.positional(0);
  int places = call.places(1);
  RoundingMode mode = call.mode(2);
  if (x.kind == Expr::Kind::chain && x.ops.back() == Op::divide) {
    // a / b, or a * c / b: the chain up to its last step, then the rounded quotient.
    std::size_t n = x.operands.size();
    Value a = n == 2 ? call.evaluate(*x.operands[0]) : call.chain(x, n - 1), b = call.evaluate(*x.operands[n - 1]);
    call.arithmetic(x.span, Op::multiply, a, Decimal(1), x.span);  // checks a's kind, as a * 1 would
    if (!divides(a, b)) fail(x.span, "type", fmt::format("cannot divide {} by {}", kind_name(a), kind_name(b)));
    if (numeric(b)->is_zero()) fail(x.operands[n - 1]->span, "division-by-zero", "division by zero");
    return quotient(a, b, places, mode);
  }
  Value v = call.evaluate(x);
  if (!numeric(v)) fail(x.span, "type", fmt::format("cannot round {}", kind_name(v)));
  if (auto* m = std::get_if<Money>(&v)) return Money{m->amount.round(places, mode), std::move(m->currency)};
  return std::get<Decimal>(v).round(places, mode);
}

// divide(a, b, places, mode): as round(a / b, places, mode).
Value divide(Call& call) {
  Value a = call.value(0), b = call.value(1);
  if (!numeric(a)) fail(call.positional(0).span, "type", fmt::format("cannot divide {}", kind_name(a)));
  if (!divides(a, b))
    fail(call.positional(1).span, "type", fmt::format("cannot divide {} by {}", kind_name(a), kind_name(b)));
  if (numeric(b)->is_zero()) fail(call.positional(1).span, "division-by-zero", "division by zero");
  return quotient(a, b, call.places(2), call.mode(3));
}

// money(AMOUNT, "CNY"): the currency code is three capital letters.
Value money(Call& call) {
  Value c = call.value(1);
  const auto* code = std::get_if<std::string>(&c);
  bool ok = code && code->size() == 3 && std::ranges::all_of(*code, [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  if (!ok)
    fail(call.positional(1).span, "type", "expected a currency code in quotes: three capital letters, like \"CNY\"");
  return Money{call.number(0), *code};
}

namespace {

const Money& money_arg(Call& call, const Value& v) {
  const auto* m = std::get_if<Money>(&v);
  if (!m) fail(call.positional(0).span, "type", fmt::format("expected money, not {}", kind_name(v)));
  return *m;
}

}  // namespace

Value amount(Call& call) {
  Value v = call.value(0);
  return money_arg(call, v).amount;
}

Value currency(Call& call) {
  Value v = call.value(0);
  return money_arg(call, v).currency;
}

}  // namespace tariff::script::builtin
