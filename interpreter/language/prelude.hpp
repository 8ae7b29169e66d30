#pragma once
// What the prelude (stdlib/*.tariff) defines for every rule file: units such as 万 and 亿, and
// named settlement orders. Also the two lookups both the checker and the compiler need.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/language/ast.hpp"
#include "interpreter/model/settlement.hpp"
#include "interpreter/money/decimal.hpp"
#include "interpreter/language/literal.hpp"

namespace tariff {

struct Prelude {
  std::unordered_map<std::string, Decimal> units;                         // 万 → 10000
  std::unordered_map<std::string, std::vector<std::string>> settlements;  // standard → free, packs, postpaid
  std::unordered_map<std::string, Span> definitions;  // where each unit and settlement order is defined
  PackOrder pack_order;  // draw packs by expiry, then purchase: every product's, unless it states its own

  // The value of a literal: 350万 → 3500000, 120% → 1.2. nullopt for an unknown unit or a
  // value out of range (the checker reports which).
  std::optional<Decimal> value(const ast::Number& n) const;
  // The same, or why there is none (an unknown unit, a number out of range): the one message.
  LiteralValue evaluate(const ast::Number& n) const;
};

// The settlement steps a `settle` statement means, expanding a named order from the prelude.
std::vector<ast::Name> settlement_steps(const ast::Settle& settle, const Prelude& prelude);

}  // namespace tariff
