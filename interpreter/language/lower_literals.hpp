#pragma once
// Internal to lowering: the literals and words every lowering step reads (amounts, whole counts,
// percentages, a currency, one of a set of words), each checked where it is written and reported
// once. A product's lowering and a scenario's share them.
#include <initializer_list>
#include <optional>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/ast.hpp"
#include "interpreter/language/prelude.hpp"

namespace tariff::lowering {

class Literals {
 public:
  // `currency`: the product's, which every amount written with a currency must match.
  Literals(const Prelude& prelude, Diagnostics& diagnostics, std::optional<ast::Name> currency)
      : prelude_(prelude), diag_(diagnostics), currency_(std::move(currency)) {}

  std::optional<Decimal> amount(const ast::Number& n);
  std::optional<Decimal> whole(const ast::Number& n, const char* what);
  std::optional<Decimal> percent(const std::optional<ast::Number>& n, const char* what);
  void currency(const std::optional<ast::Name>& c);
  bool one_of(const ast::Name& n, std::initializer_list<const char*> words, const char* what);
  void repeated(const ast::Name& item, const char* owner);
  // A month as written (2026-01), or nullopt, reported.
  std::optional<int> month(const ast::Name& n);
  // A month (2026-01) or a day of one (2026-01-15): the month and the day, if any; or nullopt, reported.
  std::optional<std::pair<int, std::optional<int>>> month_or_day(const ast::Name& n);

  const Prelude& prelude() const { return prelude_; }
  Diagnostics& diagnostics() { return diag_; }

 private:
  const Prelude& prelude_;
  Diagnostics& diag_;
  std::optional<ast::Name> currency_;
};

}  // namespace tariff::lowering
