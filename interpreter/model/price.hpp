#pragma once
// A cell of a price table: an amount, or one of the two things a price page prints instead. A
// band's amount is a unit price (per unit, or per package in a table of packages) and, where the
// rule gives one, a flat sum charged for reaching the band (flat 20 + 0.5).
#include <optional>

#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Price {
  enum class Kind { amount, contact_sales /* 联系商务 */, not_sold /* '-' */ };
  Kind kind = Kind::amount;
  Decimal amount;
  std::optional<Decimal> flat;  // a postpaid band's flat sum
  Span span;                    // its cell in the rule file

  static Price of(Decimal a, Span at = {}) { return {Kind::amount, std::move(a), std::nullopt, std::move(at)}; }
  bool sold() const { return kind == Kind::amount; }
};

}  // namespace tariff
