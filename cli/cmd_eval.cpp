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
    source = std::make_shared<const Source>(Source{"<-e>", *expression});
  } else if (!expression && args.words.size() == 1) {
    const std::string& path = args.words.front();
    source = std::make_shared<const Source>(
        Source{path, path == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(path)});
  } else {
    throw UsageError("eval needs -e 'EXPRESSION' or one script FILE ('-' for stdin)");
  }
  auto rules = load(paths, false);
  auto interp = make_interpreter(std::move(*rules));
  return run_script(*interp, source, options) == 0 ? ok : problems;
}

}  // namespace tariff::cli
