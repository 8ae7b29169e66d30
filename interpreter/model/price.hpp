#pragma once
// A cell of a price table: an amount, or one of the two things a price page prints instead.
#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Price {
  enum class Kind { amount, contact_sales /* 联系商务 */, not_sold /* '-' */ };
  Kind kind = Kind::amount;
  Decimal amount;
  Span span;  // its cell in the rule file

  static Price of(Decimal a, Span at = {}) { return {Kind::amount, std::move(a), std::move(at)}; }
  bool sold() const { return kind == Kind::amount; }
};

}  // namespace tariff
