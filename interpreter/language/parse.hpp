#pragma once
// Source text → syntax tree, for rule files, scripts and the purchases users type. One front end
// (parse.cpp): a syntax error is one diagnostic, with the message of grammar/errors.hpp, at the
// offending character. A PEG grammar cannot resynchronise reliably, so a parse stops at its first
// error.
#include <optional>
#include <vector>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/ast.hpp"
#include "interpreter/language/script_ast.hpp"

namespace tariff {

// A whole rule file or prelude, its script statements included. On a syntax error adds one
// diagnostic and returns nullopt.
std::optional<ast::File> parse_file(SourcePtr source, Diagnostics& diagnostics);

// A whole script (a file, `eval -e`, one REPL entry) from byte `from` on (after the `:explain` of
// a REPL command). On a syntax error adds one diagnostic and returns nullopt.
std::optional<std::vector<script::StatementPtr>> parse_script(SourcePtr source, Diagnostics& diagnostics,
                                                              std::size_t from = 0);

// True when `source` fails to parse only because it ended too early (an open bracket, an `if`
// without its `else`, a trailing operator): the REPL then reads a continuation line.
bool script_incomplete(SourcePtr source, std::size_t from = 0);

// A --buy or --held value of the command line, METER=SIZE[xN] or METER=LEFT[/SIZE]: the purchase of a
// rule file's example (grammar/purchase.hpp), alone in `source`, so a bad one reads as a bad `buy`.
// On a syntax error adds one diagnostic and returns nullopt.
std::optional<ast::ExampleBill::Buy> parse_buy_option(SourcePtr source, Diagnostics& diagnostics);
std::optional<ast::ExampleBill::Held> parse_held_option(SourcePtr source, Diagnostics& diagnostics);


}  // namespace tariff
