// tariff: check, test and evaluate pricing rules. Dispatch only; each command has its own file,
// and the command table (commands.txt, via help.cpp) gives every help text.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/common.hpp"
#include "cli/help.hpp"
#include "interpreter/base/codes.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff::cli {

namespace {

// --color WHEN, from anywhere on the line: auto (a terminal, and NO_COLOR unset or empty), always,
// never. Diagnostics go to stderr, so that is the terminal that counts.
void take_colour(Args& args) {
  auto when = args.take("--color").value_or("auto");
  bool colour;
  if (when == "always") {
    colour = true;
  } else if (when == "never") {
    colour = false;
  } else if (when == "auto") {
    const char* no_colour = std::getenv("NO_COLOR");
    colour = ::isatty(STDERR_FILENO) && !(no_colour && *no_colour);
  } else {
    throw UsageError(fmt::format("--color must be auto, always or never, not '{}'", printable(when)),
                     did_you_mean(when, {"auto", "always", "never"}));
  }
  default_render_options().colour = colour;
}

// Whether stdout is to hold only JSON: --json, --format json (jsonl for rate) anywhere.
bool wants_json(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--json" || w == "--format=json" || w == "--format=jsonl") return true;
    if (w == "--format" && i + 1 < words.size() && (words[i + 1] == "json" || words[i + 1] == "jsonl")) return true;
  }
  return false;
}

bool asks_help(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "--help" || w == "-h"; });
}

// --version: the program's version and where its rules come from.
int version(Args args) {
  bool given = std::any_of(args.words.begin(), args.words.end(), [](const std::string& w) { return w.starts_with("--rules"); });
  const char* env = std::getenv("TARIFF_PATH");
  auto paths = rule_paths(args);
  args.expect_no_options();
  std::string from = given ? "--rules" : env && *env ? "$TARIFF_PATH" : "bundled";
  std::cout << fmt::format("tariff {}\n", TARIFF_VERSION);
  for (const auto& p : paths) std::cout << fmt::format("rules: {} ({})\n", p, from);
  return ok;
}

// tariff explain [CODE]: a code's longer explanation and example, or the list of codes.
int explain(Args args) {
  args.expect_no_options();
  if (args.words.empty()) {
    for (const auto& c : diagnostic_codes()) std::cout << fmt::format("{:<24} {}\n", c.code, c.summary);
    return ok;
  }
  if (args.words.size() > 1) throw UsageError("explain takes one CODE");
  std::string code = args.words.front();
  if (code.starts_with("error[") && code.ends_with("]")) code = code.substr(6, code.size() - 7);
  const DiagnosticCode* c = find_code(code);
  if (!c) {
    std::vector<std::string> codes;
    for (const auto& k : diagnostic_codes()) codes.emplace_back(k.code);
    throw UsageError(fmt::format("no diagnostic code '{}'", printable(code)),
                     with_suggestion(code, codes, "tariff explain lists the codes"));
  }
  std::cout << fmt::format("{}: {}\n", c->code, c->summary);
  std::string_view more = code_explanation(c->code);
  std::cout << (more.empty() ? std::string("\n(no longer explanation yet)\n") : fmt::format("\n{}", more));
  return ok;
}

int completion(Args args) {
  args.expect_no_options();
  std::string shell = args.words.empty() ? "" : args.words.front();
  std::string script = completion_script(shell);
  if (script.empty() || args.words.size() != 1)
    throw UsageError(fmt::format("completion needs a shell: bash or zsh{}", shell.empty() ? "" : ", not '" + printable(shell) + "'"),
                     did_you_mean(shell, {"bash", "zsh"}));
  std::cout << script;
  return ok;
}

// tariff __complete products | meters PRODUCT | codes: what the completion scripts offer; silent
// on any failure (a completion must never print an error into the command line).
int complete(Args args) {
  try {
    auto paths = rule_paths(args);
    if (args.words.empty()) return usage_error;
    if (args.words.front() == "codes") {
      for (const auto& c : diagnostic_codes()) std::cout << c.code << "\n";
      return ok;
    }
    Diagnostics ignored;
    RuleSet rules = load_rules(paths, ignored);
    if (args.words.front() == "products")
      for (const auto& p : rules.catalog.products) std::cout << p->id << "\n";
    if (args.words.front() == "meters" && args.words.size() == 2)
      if (const Product* p = rules.catalog.find(args.words[1]))
        for (const auto& m : p->meters) {
          std::cout << m.id << "=\n";
          for (const auto& n : m.names) std::cout << n << "=\n";
        }
    return ok;
  } catch (const std::exception&) {
    return usage_error;
  }
}

int help(Args args) {
  if (args.take_flag("--man")) {  // the man page, generated at build time and installed
    args.expect_no_options();
    std::cout << man_page(TARIFF_VERSION);
    return ok;
  }
  if (args.take_flag("--examples")) {  // every example the help shows, for the tests to run
    args.expect_no_options();
    std::cout << all_examples();
    return ok;
  }
  args.expect_no_options();
  if (args.words.empty()) {
    std::cout << general_help();
    return ok;
  }
  const CommandHelp* c = find_command(args.words.front());
  if (!c)
    throw UsageError(fmt::format("no command '{}'", printable(args.words.front())),
                     with_suggestion(args.words.front(), command_names(), "tariff help lists the commands"));
  std::cout << command_help(*c);
  return ok;
}

int dispatch(const std::string& command, Args args) {
  if (command == "check") return cmd_check(std::move(args));
  if (command == "test") return cmd_test(std::move(args));
  if (command == "bill") return cmd_bill(std::move(args));
  if (command == "plan") return cmd_plan(std::move(args));
  if (command == "eval") return cmd_eval(std::move(args));
  if (command == "repl") return cmd_repl(std::move(args));
  if (command == "rate") return cmd_rate(std::move(args));
  if (command == "simulate") return cmd_simulate(std::move(args));
  if (command == "lint") return cmd_lint(std::move(args));
  if (command == "diff") return cmd_diff(std::move(args));
  if (command == "fmt") return cmd_fmt(std::move(args));
  if (command == "doc") return cmd_doc(std::move(args));
  if (command == "show") return cmd_show(std::move(args));
  if (command == "lsp") return cmd_lsp(std::move(args));
  if (command == "explain") return explain(std::move(args));
  if (command == "completion") return completion(std::move(args));
  if (command == "__complete") return complete(std::move(args));
  if (command == "help") return help(std::move(args));
  throw UsageError(fmt::format("unknown command '{}'", printable(command)),
                   with_suggestion(command, command_names(), "tariff help lists the commands"));
}

int run(std::vector<std::string> words) {
  Args args{"", std::move(words)};
  take_colour(args);
  reporting().json = wants_json(args.words);
  if (args.words.empty()) {
    std::cerr << general_help();
    return usage_error;
  }
  std::string command = args.words.front();
  args.words.erase(args.words.begin());
  if (command == "--help" || command == "-h") return help(std::move(args));
  if (command == "--version") return version(std::move(args));
  args.command = command;
  // tariff COMMAND --help: that command's help, whatever else is on the line.
  if (asks_help(args.words) && command != "__complete") {
    if (const CommandHelp* c = find_command(command)) {
      std::cout << command_help(*c);
      return ok;
    }
  }
  return dispatch(command, std::move(args));
}

// What a command printed must have reached its reader: a full disk or a closed pipe is an error.
void check_output_written() {
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
    throw UsageError(fmt::format("cannot write the output: {}", std::strerror(errno ? errno : EIO)));
}

}  // namespace

}  // namespace tariff::cli

int main(int argc, char** argv) {
  using namespace tariff::cli;
  try {
    int rc = run(std::vector<std::string>(argv + 1, argv + argc));
    check_output_written();
    return rc;
  } catch (const UsageError& e) {
    tariff::Diagnostics d;
    d.error("usage", {}, e.what(), e.hint);
    print_diagnostics(d);
    return usage_error;
  } catch (const tariff::DiagnosticError& e) {  // a name that resolves to nothing, and why
    print_diagnostics(e.diagnostics);
    return usage_error;
  } catch (const std::exception& e) {
    tariff::Diagnostics d;
    d.error("internal", {}, fmt::format("internal error: {}", e.what()));
    print_diagnostics(d);
    return internal_error;
  }
}
