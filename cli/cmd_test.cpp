// tariff test [PATH...]: replay every example block; one line each, then "N passed, N failed".
// A recorded document discrepancy is counted apart and does not fail the run.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/example.hpp"

namespace tariff::cli {

int cmd_test(Args args) {
  auto paths = rule_paths(args);
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  auto rules = load(paths, true);
  if (!rules) return problems;
  int passed = 0, failed = 0, discrepancies = 0;
  for (const auto& product : rules->catalog.products)
    for (const auto& example : product->examples) {
      ExampleResult r = run_example(*product, example);
      auto where = example.span.source->position(example.span.begin);
      std::string name = fmt::format("{} \"{}\" ({}:{})", product->id, example.title, example.span.source->name, where.line);
      switch (r.status) {
        case ExampleStatus::passed: ++passed; std::cout << "pass         " << name << "\n"; break;
        case ExampleStatus::failed: ++failed; std::cout << "FAIL         " << name << ": " << r.detail << "\n"; break;
        case ExampleStatus::discrepancy:
          ++discrepancies;
          std::cout << "DISCREPANCY  " << name << ": " << r.detail << "\n";
          break;
      }
    }
  if (discrepancies > 0) std::cout << fmt::format("{} recorded document discrepanc{}\n", discrepancies, discrepancies == 1 ? "y" : "ies");
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? problems : ok;
}

}  // namespace tariff::cli
