#pragma once
// What every command shares: finding and loading the rule files, printing diagnostics, exit codes.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/load.hpp"

namespace tariff::cli {

// Exit codes (as OPA, CUE and Terraform use them).
enum Exit { ok = 0, problems = 1, usage_error = 2, internal_error = 3 };

// A mistake in how the program was called or in its input: message on stderr, exit 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Args {
  std::vector<std::string> words;  // everything after the command name, options removed as taken
  // Takes `--name VALUE` or `--name=VALUE` (repeatable); returns every value given.
  std::vector<std::string> take_all(const std::string& name);
  std::optional<std::string> take(const std::string& name);
  bool take_flag(const std::string& name);
  void expect_no_options() const;  // anything left that starts with "--" is unknown
};

// Where rules come from: --rules DIR (repeatable), else $TARIFF_PATH (':'-separated), else the
// bundled rules/ (installed next to the program, or the source tree it was built from).
std::vector<std::string> rule_paths(Args& args);

// Loads the rules, printing every diagnostic on stderr. With `strict`, any diagnostic makes it
// return nullopt (check, test); otherwise products without errors stay usable.
std::optional<RuleSet> load(const std::vector<std::string>& paths, bool strict);

void print_diagnostics(const Diagnostics& d);

// 3500000, 350万, 1.5亿 → exact decimal; a malformed or negative quantity is a UsageError.
Decimal parse_quantity(const RuleSet& rules, const std::string& text, const std::string& what);

const Product& find_product(const RuleSet& rules, const std::string& id);
MeterIndex find_meter(const Product& product, const std::string& name);

int cmd_check(Args args);
int cmd_test(Args args);
int cmd_bill(Args args);
int cmd_plan(Args args);
int cmd_eval(Args args);
int cmd_repl(Args args);
int cmd_rate(Args args);

}  // namespace tariff::cli
