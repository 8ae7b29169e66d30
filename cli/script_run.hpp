#pragma once
// Running scripts for the CLI: `tariff eval`, the REPL and `tariff test` share how a script's
// results and failures are printed.
#include <functional>
#include <memory>
#include <string>

#include "interpreter/script/interpreter.hpp"

namespace tariff::cli {

struct ScriptOptions {
  bool json = false;
  script::PrintOptions print;
};

// A session over loaded rules, with the let and fn statements of the prelude and the rule files
// defined. A statement that fails (a rule file's `let z = 1 / 0`) is a rule-set error: printed,
// then a UsageError (exit 2), as for any other broken rule file.
std::unique_ptr<script::Interpreter> make_interpreter(RuleSet rules);

// The same, for `tariff check`: the problems are added to `diagnostics` instead.
std::unique_ptr<script::Interpreter> make_interpreter(RuleSet rules, Diagnostics& diagnostics);

// Parses and runs `source`: each expression's value on stdout, each error and failed assert or
// expect on stderr (the rest of the script still runs). Returns how many went wrong.
// `printed`, when given, hears of each value printed (the REPL binds `_` to it).
int run_script(script::Interpreter& interp, const SourcePtr& source, const ScriptOptions& options,
               const std::function<void(const script::Value&)>& printed = {});

// tariff test: every .tariff file under `dir` as a script; one pass/FAIL line per assert and
// expect (and one FAIL per error). Adds to the counts.
void test_scripts(script::Interpreter& interp, const std::string& dir, int& passed, int& failed);

// tariff test: the assert and expect statements of the loaded rule files, one pass/FAIL line each.
void test_rule_statements(script::Interpreter& interp, int& passed, int& failed);

// Reads a whole script file ("-": standard input), at most max_source_bytes; throws UsageError
// when it cannot.
std::string read_file(const std::string& path);

}  // namespace tariff::cli
