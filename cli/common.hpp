#pragma once
// What every command shares: finding and loading the rule files, printing diagnostics, exit codes.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/language/load.hpp"

namespace tariff::cli {

// Exit codes (as OPA, CUE and Terraform use them).
enum Exit { ok = 0, problems = 1, usage_error = 2, internal_error = 3 };

// A mistake in how the program was called or in its input: a diagnostic with code "usage" (and a
// hint, such as "did you mean"), exit 2.
struct UsageError : std::runtime_error {
  std::string hint;
  explicit UsageError(const std::string& message, std::string hint_text = {})
      : std::runtime_error(message), hint(std::move(hint_text)) {}
};

// How the program reports, set once by main from the command line: under --json (or --format
// json) every diagnostic is also written to stdout as one JSON object per line, so that stdout
// holds only JSON; stderr keeps the text for people.
struct Reporting {
  bool json = false;
};
Reporting& reporting();

struct Args {
  std::string command;             // the command these are the arguments of, for its options
  std::vector<std::string> words;  // everything after the command name, options removed as taken
  // Takes `--name VALUE` or `--name=VALUE` (repeatable); returns every value given.
  std::vector<std::string> take_all(const std::string& name);
  std::optional<std::string> take(const std::string& name);
  bool take_flag(const std::string& name);
  // Anything left that starts with "--" is unknown: a UsageError suggesting the nearest of the
  // command's options (the command table's, and `extra`, such as --STATE).
  void expect_no_options(const std::vector<std::string>& extra = {}) const;
};

// Where rules come from: --rules DIR (repeatable), else $TARIFF_PATH (':'-separated), else the
// bundled rules/ (installed next to the program, or the source tree it was built from).
std::vector<std::string> rule_paths(Args& args);

// Loads the rules for a command that uses them (test, bill, plan, rate, eval, repl), printing
// every diagnostic on stderr. Any diagnostic stops the command (a UsageError, exit 2): nothing is
// billed from a rule set that is partly broken, whichever file happened to load first.
RuleSet load(const std::vector<std::string>& paths);

// Throws the UsageError that stops a command on a rule set with `count` problems.
[[noreturn]] void rules_failed(std::size_t count);

// Every diagnostic on stderr as text (and, under --json, on stdout as JSON lines).
void print_diagnostics(const Diagnostics& d);
void print_diagnostic(const Diagnostic& d);

// 3500000, 350万, 1.5亿 → exact decimal; a malformed or negative quantity is a UsageError.
Decimal parse_quantity(const RuleSet& rules, const std::string& text, const std::string& what);

// A file a command reads or writes, named by the option that gave it ("--out", "the usage file").
struct NamedPath {
  std::string what, path;
};
// Throws UsageError when two outputs, or an output and an input, are the same file (the same
// device and inode where it exists, else the same canonical path): one would overwrite the other.
// "-" (standard input or output) is never a file here.
void check_distinct_files(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs);

// A file a command writes. Opened before any work, so that a path that cannot be written stops
// the command before it has done anything; written to a temporary file beside it and renamed into
// place by commit(), so that a run that fails leaves the old file as it was. "-" (or no path) is
// standard output; a path that is not a regular file (/dev/stdout, a pipe) is written directly.
// Every write is checked: a full disk is an error, never a silent loss.
class OutputFile {
 public:
  explicit OutputFile(const std::optional<std::string>& path, std::FILE* standard = stdout);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view text);
  void commit();  // flushes, closes and renames into place; throws UsageError when it cannot
  bool is_standard() const { return file_ == standard_; }

 private:
  std::string path_, temporary_;
  std::FILE* file_ = nullptr;
  std::FILE* standard_;
  [[noreturn]] void failed(const char* doing) const;
};

// The product (its version in force at `month`, YYYY-MM, when given), or a usage error.
const Product& find_product(const RuleSet& rules, const std::string& id,
                            const std::optional<std::string>& month = std::nullopt);

// --json, or --format text|json (bill, plan).
bool json_format(Args& args);

int cmd_check(Args args);
int cmd_test(Args args);
int cmd_bill(Args args);
int cmd_plan(Args args);
int cmd_eval(Args args);
int cmd_repl(Args args);
int cmd_rate(Args args);
int cmd_fmt(Args args);
int cmd_doc(Args args);
int cmd_show(Args args);
int cmd_lsp(Args args);
int cmd_explain(Args args);
int cmd_lint(Args args);
int cmd_diff(Args args);
int cmd_simulate(Args args);

}  // namespace tariff::cli
