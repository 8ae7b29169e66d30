// tariff check [PATH...]: parse and check rule files; every diagnostic on stderr; exit 1 on any.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/common.hpp"

namespace tariff::cli {

int cmd_check(Args args) {
  auto paths = rule_paths(args);
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  Diagnostics d;
  RuleSet rules = load_rules(paths, d);
  print_diagnostics(d);
  bool missing = std::any_of(d.list().begin(), d.list().end(),
                             [](const Diagnostic& x) { return x.code == "no-such-file" || x.code == "unreadable"; });
  if (!d.empty()) {
    std::cerr << fmt::format("{} error{} in {} file{}\n", d.size(), d.size() == 1 ? "" : "s", rules.files.size(),
                             rules.files.size() == 1 ? "" : "s");
    return missing ? usage_error : problems;
  }
  std::cout << fmt::format("{} product{} in {} file{}: ok\n", rules.catalog.products.size(),
                           rules.catalog.products.size() == 1 ? "" : "s", rules.files.size(),
                           rules.files.size() == 1 ? "" : "s");
  return ok;
}

}  // namespace tariff::cli
