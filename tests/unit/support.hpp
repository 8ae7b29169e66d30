#pragma once
// Helpers shared by the unit tests: rule files held in memory, loaded on top of the embedded
// prelude exactly as `tariff check` loads files from disk.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "interpreter/money/decimal.hpp"
#include "interpreter/language/load.hpp"

namespace tariff::test {

// A decimal literal the test expects to be valid.
inline Decimal D(std::string_view text) {
  auto value = Decimal::parse(text);
  if (!value) FAIL("test literal did not parse: " << text);
  return *value;
}

inline SourcePtr source(std::string text, std::string name = "t.tariff") {
  return std::make_shared<Source>(Source{std::move(name), std::move(text)});
}

// The prelude, then `text` as the file t.tariff. Diagnostics of both go to `diagnostics`.
inline RuleSet load_text(const std::string& text, Diagnostics& diagnostics) {
  RuleSet rules = load_rules({}, diagnostics);
  load_source(rules, source(text), diagnostics);
  return rules;
}

// The one product of `text`, which must load without a diagnostic. The rule set owns it.
inline const Product& product_of(RuleSet& rules, const std::string& text) {
  Diagnostics d;
  load_source(rules, source(text), d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.empty());
  REQUIRE(!rules.catalog.products.empty());
  return *rules.catalog.products.back();
}

// "line:column" of where a diagnostic points.
inline std::string where(const Diagnostic& d) {
  if (!d.span.valid()) return "-";
  auto p = d.span.source->position(d.span.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// The text a span covers.
inline std::string text_at(const Span& s) {
  return s.valid() ? std::string(s.source->text.substr(s.begin, s.end - s.begin)) : std::string();
}

}  // namespace tariff::test
