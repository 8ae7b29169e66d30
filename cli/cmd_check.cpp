// tariff check [PATH...] [--format text|json]: parse and check rule files; every diagnostic on
// stderr (and under --format json on stdout, one JSON object per line); exit 1 on any.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/common.hpp"
#include "cli/script_run.hpp"

namespace tariff::cli {

int cmd_check(Args args) {
  auto paths = rule_paths(args);
  bool json = json_format(args);
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  Diagnostics d;
  RuleSet loaded = load_rules(paths, d);
  std::size_t files = loaded.files.size(), products = loaded.catalog.product_count();
  // The rule files' let and fn statements are part of the rules: one that fails is reported here,
  // as it would stop every other command.
  if (d.empty()) make_interpreter(std::move(loaded), d);
  print_diagnostics(d);
  bool missing = std::any_of(d.list().begin(), d.list().end(), [](const Diagnostic& x) {
    return x.code == "no-such-file" || x.code == "unreadable" || x.code == "no-rule-files";
  });
  if (!d.empty()) {
    std::cerr << fmt::format("{} error{} in {} file{}\n", d.size(), d.size() == 1 ? "" : "s", files,
                             files == 1 ? "" : "s");
    return missing ? usage_error : problems;
  }
  (json ? std::cerr : std::cout) << fmt::format("{} product{} in {} file{}: ok\n", products, products == 1 ? "" : "s", files,
                           files == 1 ? "" : "s");
  return ok;
}

}  // namespace tariff::cli
