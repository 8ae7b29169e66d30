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
  int valid_months = 12;                      // 有效期
  bool stackable = false;                     // 叠加
  bool refundable = false;                    // 退款
  std::optional<std::string> requires_state;  // only accounts in this state may buy and use packs
};

struct Pack {
  Decimal size;
  Price price;            // Price::Kind::not_sold where the table prints '-'
  std::string size_text;  // "1000万", as the table's header writes it
  const PackTerms* terms = nullptr;
};

}  // namespace tariff
