#pragma once
// Script text → script syntax tree (interpreter/script_ast.hpp).
#include <optional>
#include <vector>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/script_ast.hpp"

namespace tariff {

// Re-parses one statement that the rule-file grammar matched at `span`; spans stay in that source.
// The rule-file parse has already accepted the text, so this cannot fail.
std::shared_ptr<const script::Statement> parse_script_statement(const Span& span);

// Parses a whole script (a file, `eval -e`, one REPL entry) from byte `from` on (after the
// `:explain` of a REPL command). On a syntax error adds one diagnostic and returns nullopt.
std::optional<std::vector<script::StatementPtr>> parse_script(SourcePtr source, Diagnostics& diagnostics,
                                                              std::size_t from = 0);

// True when `source` fails to parse only because it ended too early (an open bracket, an `if`
// without its `else`, a trailing operator): the REPL then reads a continuation line.
// `from` as for parse_script.
bool script_incomplete(SourcePtr source, std::size_t from = 0);

}  // namespace tariff
