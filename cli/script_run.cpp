#include "cli/script_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.hpp"
#include "interpreter/language/parse.hpp"

namespace tariff::cli {

std::unique_ptr<script::Interpreter> make_interpreter(RuleSet rules, Diagnostics& diagnostics) {
  auto interp = std::make_unique<script::Interpreter>(std::make_shared<const RuleSet>(std::move(rules)));
  interp->define_loaded(diagnostics);
  return interp;
}

std::unique_ptr<script::Interpreter> make_interpreter(RuleSet rules) {
  Diagnostics d;
  auto interp = make_interpreter(std::move(rules), d);
  print_diagnostics(d);
  if (!d.empty()) rules_failed(d.size());
  return interp;
}

std::string read_file(const std::string& path) {
  std::string error;
  auto text = read_source_text(path, error);
  if (!text) throw UsageError(fmt::format("{}: cannot read the script: {}", path, error));
  return std::move(*text);
}

int run_script(script::Interpreter& interp, const SourcePtr& source, const ScriptOptions& options,
               const std::function<void(const script::Value&)>& printed) {
  Diagnostics syntax;
  auto statements = parse_script(source, syntax);
  if (!statements) {
    print_diagnostics(syntax);
    return 1;
  }
  int errors = 0;
  for (const auto& s : *statements) {
    try {
      script::Outcome out = interp.run(*s);
      if (out.kind == script::Outcome::Kind::failed) {
        ++errors;
        std::cout.flush();
        std::cerr << render(*out.failure);
      } else if (out.kind == script::Outcome::Kind::value) {
        std::string text =
            options.json ? script::format_value_json(*out.value) : script::format_value(*out.value, options.print);
        std::cout << text << (text.ends_with('\n') ? "" : "\n");
        if (printed) printed(*out.value);
      }
    } catch (const DiagnosticError& e) {
      ++errors;
      std::cout.flush();
      print_diagnostics(e.diagnostics);
    }
  }
  std::cout.flush();
  return errors;
}

namespace {

// Runs one statement of a test; an assert or expect (or an error) prints one line and counts.
void test_statement(script::Interpreter& interp, const script::Statement& s, const std::string& kind, int& passed,
                    int& failed) {
  const Source& source = *s.span.source;
  auto where = source.position(s.span.begin);
  std::string text = source.text.substr(s.span.begin, s.span.end - s.span.begin);
  std::string name = fmt::format("{} {}:{} {}", kind, source.name, where.line, text.substr(0, text.find('\n')));
  try {
    script::Outcome out = interp.run(s);
    if (out.kind == script::Outcome::Kind::passed) {
      ++passed;
      std::cout << "pass         " << name << "\n";
    } else if (out.kind == script::Outcome::Kind::failed) {
      ++failed;
      std::cout << "FAIL         " << name << ": " << out.failure->message << "\n";
    }
  } catch (const DiagnosticError& e) {
    ++failed;
    std::cout << "FAIL         " << name << ": " << e.diagnostics.list().front().message << "\n";
  }
}

}  // namespace

void test_rule_statements(script::Interpreter& interp, int& passed, int& failed) {
  for (const auto& s : interp.rules().statements)
    if (s->kind == script::Statement::Kind::assert_ || s->kind == script::Statement::Kind::expect)
      test_statement(interp, *s, "rules", passed, failed);
}

void test_scripts(script::Interpreter& interp, const std::string& dir, int& passed, int& failed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_regular_file(dir, ec))
    files.push_back(dir);
  else if (!fs::is_directory(dir, ec))
    throw UsageError(fmt::format("--scripts {}: no such file or directory", dir));
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".tariff") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto source = make_source(path, read_file(path));
    Diagnostics syntax;
    auto statements = parse_script(source, syntax);
    if (!statements) {
      ++failed;
      std::cout << "FAIL         script " << path << ": syntax error\n" << render(syntax.list().front());
      continue;
    }
    for (const auto& s : *statements) test_statement(interp, *s, "script", passed, failed);
  }
}

}  // namespace tariff::cli
