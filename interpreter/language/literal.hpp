#pragma once
// Number literals, the one quantity syntax of rule files, scripts, the command line, CSV files and
// ledgers: 3500000, 1_000_000, 0.0032, 350万, 1.5亿 (units from the prelude), 12%. No sign: a
// quantity is never negative, and a script negates with the '-' operator.
//
// The grammar (grammar/lexical.hpp) recognises the shape; this file splits the matched text and
// gives it its value, with one message for each way a literal can be wrong.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "interpreter/language/ast.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff {

// Splits literal text the grammar accepted ("1_000.5万") into digits, unit and percent sign.
ast::Number make_number(std::string_view text, Span span);

// A literal's value, or why it has none. `code` is a diagnostic code: "unknown-unit",
// "number-range" (more than 38 digits or 30 decimal places, or too large with its unit) or
// "number-grouping" (1234_567: digits are grouped in threes).
struct LiteralValue {
  std::optional<Decimal> value;
  std::string code, message, hint;
};
using Units = std::unordered_map<std::string, Decimal>;
LiteralValue value_of(const ast::Number& n, const Units& units);

// A quantity literal, whole (the grammar's `quantity`, then the end): 3500000, 350万, 1.5亿, 12%.
// Here rather than in parse.cpp, so that literals need nothing of the parser that uses them.
std::optional<ast::Number> parse_quantity_literal(SourcePtr source);

// A quantity as a user types it on the command line or a CSV field: the literal syntax above,
// whole or fractional, without a percent sign. The grammar is applied here, so nothing else is
// accepted: no sign, no comma grouping, no blanks.
LiteralValue parse_quantity_text(std::string_view text, const Units& units);

}  // namespace tariff
