#pragma once
// Source text → syntax tree. The only part of the interpreter that includes PEGTL.
#include <optional>

#include "interpreter/language/ast.hpp"
#include "interpreter/base/diagnostic.hpp"

namespace tariff {

// Parses a whole rule file or prelude. A syntax error stops the parse (PEG grammars cannot
// resynchronise reliably), so on failure exactly one diagnostic is added and nullopt returned.
std::optional<ast::File> parse_file(SourcePtr source, Diagnostics& diagnostics);

// Parses a quantity literal as a user types it on the command line: 3500000, 350万, 1.5亿, 12%.
std::optional<ast::Number> parse_quantity_literal(SourcePtr source);

}  // namespace tariff
