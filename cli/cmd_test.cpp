// tariff test [PATH...]: replay every example block; one line each, then "N passed, N failed".
// A recorded document discrepancy is counted apart and does not fail the run.
// Then the assert and expect statements of the rule files, and the script tests: every .tariff
// file under --scripts DIR, by default tests/scripts beside the rules directory, one line per
// assert and expect. A broken rule set stops it (exit 2), and so does finding nothing to test.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/common.hpp"
#include "cli/script_run.hpp"
#include "interpreter/base/json.hpp"
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

// One result for tools: {"kind", "status", "name", "file", "line", "detail"} (null when unknown).
std::string result_json(const char* kind, const char* status, const std::string& name, const Span* span,
                        const std::string& detail) {
  JsonWriter w;
  w.begin_object();
  w.key("kind").string(kind);
  w.key("status").string(status);
  w.key("name").string(name);
  if (span && span->valid()) {
    w.key("file").string(span->source->name);
    w.key("line").number(std::to_string(span->source->position(span->begin).line));
  } else {
    w.key("file").null();
    w.key("line").null();
  }
  if (detail.empty())
    w.key("detail").null();
  else
    w.key("detail").string(detail);
  w.end_object();
  return w.str();
}

// The script tests' lines ("pass         script FILE:LINE …", "FAIL         …: why"), as results.
void script_results_json(const std::string& lines) {
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) {
    bool pass = line.starts_with("pass "), fail = line.starts_with("FAIL ");
    if (!pass && !fail) continue;  // a rendered diagnostic under a FAIL line: its text is on stderr
    std::string rest = line.substr(line.find_first_not_of(' ', 4));
    std::size_t colon = fail ? rest.find(": ", rest.find(':') + 1) : std::string::npos;
    std::string name = colon == std::string::npos ? rest : rest.substr(0, colon);
    std::string detail = colon == std::string::npos ? "" : rest.substr(colon + 2);
    std::cout << result_json("script", pass ? "pass" : "fail", name, nullptr, detail) << "\n";
    if (fail) std::cerr << line << "\n";
  }
}

struct Tally {
  int passed = 0, failed = 0, discrepancies = 0;
};

// One example (or scenario) replayed: its line printed (pass, FAIL or DISCREPANCY), or under
// --format json its result.
void report_example(const Product& product, const Example& example, bool json, Tally& tally) {
  ExampleResult r = run_example(product, example);
  tally.passed += r.status == ExampleStatus::passed;
  tally.failed += r.status == ExampleStatus::failed;
  tally.discrepancies += r.status == ExampleStatus::discrepancy;
  if (json) {
    const char* status = r.status == ExampleStatus::passed   ? "pass"
                         : r.status == ExampleStatus::failed ? "fail"
                                                             : "discrepancy";
    std::cout << result_json("example", status, product.id + " " + example.title, &example.span, r.detail) << "\n";
    return;
  }
  auto where = example.span.source->position(example.span.begin);
  std::string name = fmt::format("{} \"{}\" ({}:{})", product.id, example.title, example.span.source->name, where.line);
  switch (r.status) {
    case ExampleStatus::passed:
      std::cout << "pass         " << name << "\n";
      break;
    case ExampleStatus::failed:
      std::cout << "FAIL         " << name << ": " << r.detail << "\n";
      break;
    case ExampleStatus::discrepancy:
      std::cout << "DISCREPANCY  " << name << ": " << r.detail << "\n";
      break;
  }
}

}  // namespace

int cmd_test(Args args) {
  auto paths = rule_paths(args);
  bool json = json_format(args);
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
    for (const auto& example : product->examples) report_example(*product, example, json, tally);
  for (const auto& scenario : rules.catalog.scenarios) report_example(*scenario.product, scenario.example, json, tally);
  int &passed = tally.passed, &failed = tally.failed, &discrepancies = tally.discrepancies;
  // Under --format json the script tests' lines are read back as results (stdout holds only JSON).
  std::ostringstream captured;
  std::streambuf* stdout_buffer = json ? std::cout.rdbuf(captured.rdbuf()) : nullptr;
  try {
    test_rule_statements(*interp, passed, failed);
    if (!scripts) scripts = default_scripts(paths);
    if (scripts) test_scripts(*interp, *scripts, passed, failed);
  } catch (...) {
    if (json) std::cout.rdbuf(stdout_buffer);
    throw;
  }
  if (json) {
    std::cout.rdbuf(stdout_buffer);
    script_results_json(captured.str());
  }
  if (passed + failed + discrepancies == 0) {
    std::string where;
    for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p;
    throw UsageError(fmt::format("nothing to test in {}: no examples, asserts or expects", where));
  }
  if (json) {
    std::cout << fmt::format("{{\"passed\":{},\"failed\":{},\"discrepancies\":{}}}\n", passed, failed, discrepancies);
    return failed > 0 ? problems : ok;
  }
  if (discrepancies > 0)
    std::cout << fmt::format("{} recorded document discrepanc{}\n", discrepancies, discrepancies == 1 ? "y" : "ies");
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? problems : ok;
}

}  // namespace tariff::cli
