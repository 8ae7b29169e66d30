// tariff eval -e 'EXPR' | FILE [--json] [--wan]: runs a script, printing each expression's value.
// An error or a failed assert/expect is printed with its place (file:line:col and a caret); exit 1.
#include <iostream>

#include "cli/common.hpp"
#include "cli/script_run.hpp"

namespace tariff::cli {

int cmd_eval(Args args) {
  auto paths = rule_paths(args);
  ScriptOptions options;
  options.json = args.take_flag("--json");
  options.print.wan = args.take_flag("--wan");
  auto expression = args.take("-e");
  args.expect_no_options();
  SourcePtr source;
  if (expression && args.words.empty()) {
    source = make_source("<-e>", *expression);
  } else if (!expression && args.words.size() == 1) {
    const std::string& path = args.words.front();
    source = make_source(path, read_file(path));
  } else {
    throw UsageError("eval needs -e 'EXPRESSION' or one script FILE ('-' for stdin)");
  }
  auto interp = make_interpreter(load(paths));
  return run_script(*interp, source, options) == 0 ? ok : problems;
}

}  // namespace tariff::cli
