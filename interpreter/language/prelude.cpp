#include "interpreter/language/prelude.hpp"

namespace tariff {

std::optional<Decimal> Prelude::value(const ast::Number& n) const { return value_of(n, units).value; }

LiteralValue Prelude::evaluate(const ast::Number& n) const { return value_of(n, units); }

std::unordered_map<std::string, std::size_t> meter_names(const ast::Product& product) {
  std::unordered_map<std::string, std::size_t> names;
  for (std::size_t i = 0; i < product.meters.size(); ++i) {
    const ast::Meter& m = product.meters[i];
    names.emplace(m.id.text, i);
    for (const auto& n : m.names) names.emplace(n.text, i);
    for (const auto& n : m.aka) names.emplace(n.text, i);
    for (const auto& n : m.actions) names.emplace(n.text, i);
  }
  return names;
}

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
