#pragma once
// A cell of a price table: an amount, or one of the two things a price page prints instead.
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Price {
  enum class Kind { amount, contact_sales /* 联系商务 */, not_sold /* '-' */ };
  Kind kind = Kind::amount;
  Decimal amount;

  static Price of(Decimal a) { return {Kind::amount, std::move(a)}; }
  bool sold() const { return kind == Kind::amount; }
};

}  // namespace tariff
