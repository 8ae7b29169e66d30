// tariff test [PATH...]: replay every example block; one line each, then "N passed, N failed".
// A recorded document discrepancy is counted apart and does not fail the run.
// Then the assert and expect statements of the rule files, and the script tests: every .tariff
// file under --scripts DIR, by default tests/scripts beside the rules directory, one line per
// assert and expect. A broken rule set stops it (exit 2), and so does finding nothing to test.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/common.hpp"
#include "cli/script_run.hpp"
#include "interpreter/billing/replay.hpp"

namespace tariff::cli {

namespace {

// rules/ → tests/scripts beside it; rules/x.tariff → the same. None if there is no such directory.
std::optional<std::string> default_scripts(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& path : paths) {
    fs::path rules = fs::absolute(path, ec).lexically_normal();
    if (!fs::is_directory(rules, ec)) rules = rules.parent_path();
    if (!rules.has_filename()) rules = rules.parent_path();  // "rules/" ends in a separator
    fs::path scripts = rules.parent_path() / "tests" / "scripts";
    if (fs::is_directory(scripts, ec)) return scripts.string();
  }
  return std::nullopt;
}

struct Tally {
  int passed = 0, failed = 0, discrepancies = 0;
};

// One example (or scenario) replayed, its line printed: pass, FAIL or DISCREPANCY.
void report_example(const Product& product, const Example& example, Tally& tally) {
  ExampleResult r = run_example(product, example);
  auto where = example.span.source->position(example.span.begin);
  std::string name = fmt::format("{} \"{}\" ({}:{})", product.id, example.title, example.span.source->name, where.line);
  switch (r.status) {
    case ExampleStatus::passed:
      ++tally.passed;
      std::cout << "pass         " << name << "\n";
      break;
    case ExampleStatus::failed:
      ++tally.failed;
      std::cout << "FAIL         " << name << ": " << r.detail << "\n";
      break;
    case ExampleStatus::discrepancy:
      ++tally.discrepancies;
      std::cout << "DISCREPANCY  " << name << ": " << r.detail << "\n";
      break;
  }
}

}  // namespace

int cmd_test(Args args) {
  auto paths = rule_paths(args);
  auto scripts = args.take("--scripts");
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  std::error_code ec;
  if (scripts && !std::filesystem::exists(*scripts, ec))
    throw UsageError(fmt::format("--scripts {}: no such file or directory", *scripts));
  auto interp = make_interpreter(load(paths));
  const RuleSet& rules = interp->rules();
  Tally tally;
  for (const auto& product : rules.catalog.products)
    for (const auto& example : product->examples) report_example(*product, example, tally);
  for (const auto& scenario : rules.catalog.scenarios) report_example(*scenario.product, scenario.example, tally);
  int &passed = tally.passed, &failed = tally.failed, &discrepancies = tally.discrepancies;
  test_rule_statements(*interp, passed, failed);
  if (!scripts) scripts = default_scripts(paths);
  if (scripts) test_scripts(*interp, *scripts, passed, failed);
  if (passed + failed + discrepancies == 0) {
    std::string where;
    for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p;
    throw UsageError(fmt::format("nothing to test in {}: no examples, asserts or expects", where));
  }
  if (discrepancies > 0)
    std::cout << fmt::format("{} recorded document discrepanc{}\n", discrepancies, discrepancies == 1 ? "y" : "ies");
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? problems : ok;
}

}  // namespace tariff::cli
