// tariff lint [PATH...] [--deny-warnings] [--json]: price analysis before publishing. Warnings on
// stdout (they are the result), rendered as diagnostics are; exit 0, or 1 with --deny-warnings when
// there is one; a rule set that does not load stops it with exit 2, as every command that bills.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/analysis/lint.hpp"

namespace tariff::cli {

int cmd_lint(Args args) {
  auto paths = rule_paths(args);
  bool deny = args.take_flag("--deny-warnings");
  bool as_json = args.take_flag("--json");
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  RuleSet rules = load(paths);
  Diagnostics found = lint(rules.catalog);
  std::size_t products = rules.catalog.product_count(), files = rules.files.size();
  if (as_json) {
    std::string out = "[";
    for (const auto& d : found.list()) {
      if (out.size() > 1) out += ',';
      out += render_json(d);
    }
    std::cout << out << "]\n";
  } else {
    for (const auto& d : found.list()) std::cout << render(d);
    std::string where =
        fmt::format("{} product{} in {} file{}", products, products == 1 ? "" : "s", files, files == 1 ? "" : "s");
    if (found.empty())
      std::cout << where << ": no warnings\n";
    else
      std::cout << fmt::format("{} warning{} in {}\n", found.size(), found.size() == 1 ? "" : "s", where);
  }
  return deny && !found.empty() ? problems : ok;
}

}  // namespace tariff::cli
