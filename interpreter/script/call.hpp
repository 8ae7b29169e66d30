#pragma once
// What a built-in sees of the interpreter while it runs (Lua's lua_State, for a C function): the
// call, with its name, span and arguments, and the ways to read an argument as a number, a
// product, a meter or a rounding mode, each failing with a diagnostic at the argument that is not
// one.
#include <string>

#include "interpreter/base/name.hpp"
#include "interpreter/script/interpreter.hpp"

namespace tariff::script {

class Call {
 public:
  Call(Interpreter& interp, const Builtin& builtin, const Expr& call)
      : expr(call), builtin_(builtin), interp_(interp) {}

  const Expr& expr;  // the call: expr.text is the built-in's name
  const std::string& name() const { return expr.text; }
  const Span& span() const { return expr.span; }
  std::string_view usage() const;  // the table's usage text of the built-in called

  Value evaluate(const Expr& e) { return interp_.evaluate(e); }
  // Argument i, which must be positional (not NAME = VALUE).
  const Expr& positional(std::size_t i) const;
  Value value(std::size_t i) { return evaluate(positional(i)); }
  // `e`'s value, which must be a number.
  Decimal quantity(const Expr& e);
  Decimal number(std::size_t i) { return quantity(positional(i)); }
  // A whole number of decimal places, Decimal::min_places to Decimal::max_scale.
  int places(std::size_t i);
  RoundingMode mode(std::size_t i);
  const Product& product(std::size_t i);  // a product with versions must be named at a month
  // Argument i, a product, at `month`: its version in force then.
  const Product& product_at(std::size_t i, int month);
  const Product& version_at(const Product& product, int month, const Span& where);
  int month(std::size_t i);  // argument i, a month as a string: "2026-01"
  ProductRef product_ref(std::size_t i);  // argument i, a product as named
  // A meter of `p` by id, display name, alias or API action, resolved as every name a user types.
  MeterIndex meter(const Product& p, std::size_t i);
  // The name a meter argument gives: a bare name is the meter's own first, else a binding holding one.
  Name meter_name(const Product& p, const Expr& arg);
  Name meter_name(const Product& p, const ast::Name& written);
  // A binding or a parameter of the innermost call has this name.
  bool bound(const std::string& name) const { return interp_.bound(name); }

  // Money in the product's currency.
  static Value money(const Product& p, Decimal amount) { return Money{std::move(amount), p.currency}; }
  // The rules the values a built-in makes point into (they keep them alive).
  const std::shared_ptr<const RuleSet>& rules() const { return interp_.rules_; }
  // Tells the interpreter's listener of the bill behind the value being computed.
  void bill_used(const std::shared_ptr<const Bill>& bill) { interp_.bill_used(bill); }

  // The interpreter's own steps, for round(a / b, ...): the first n operands of a chain, and one
  // arithmetic step with its checks and messages.
  Value chain(const Expr& e, std::size_t n) { return interp_.chain(e, n); }
  Value arithmetic(const Span& span, Op op, const Value& a, const Value& b, const Span& right) {
    return interp_.arithmetic(span, op, a, b, right);
  }

 private:
  const Builtin& builtin_;
  Interpreter& interp_;
};

}  // namespace tariff::script
