#pragma once
// A prepaid resource pack (资源包): a size of calls sold at a price, and the terms of the table
// it was sold under.
#include <optional>
#include <string>

#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"
#include "interpreter/model/price.hpp"

namespace tariff {

struct PackTerms {
  std::optional<int> valid_months;            // 有效期, from the month bought; none: the packs never expire
  bool stackable = false;                     // 叠加: more than one may be held at a time
  std::optional<std::string> requires_state;  // only accounts in this state may buy and use packs
};

struct Pack {
  Decimal size;
  Price price;            // Price::Kind::not_sold where the table prints '-'
  std::string size_text;  // "1000万", as the table's header writes it
  const PackTerms* terms = nullptr;
};

}  // namespace tariff
