#include "interpreter/language/prelude.hpp"

namespace tariff {

std::optional<Decimal> Prelude::value(const ast::Number& n) const { return value_of(n, units).value; }

LiteralValue Prelude::evaluate(const ast::Number& n) const { return value_of(n, units); }

std::vector<ast::Name> settlement_steps(const ast::Settle& settle, const Prelude& prelude) {
  if (settle.steps.size() == 1) {
    auto named = prelude.settlements.find(settle.steps.front().text);
    if (named != prelude.settlements.end()) {
      std::vector<ast::Name> steps;
      for (const auto& s : named->second) steps.push_back({s, settle.steps.front().span});
      return steps;
    }
  }
  return settle.steps;
}

}  // namespace tariff
