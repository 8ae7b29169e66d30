#include "cli/script_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.hpp"
#include "interpreter/script_parse.hpp"

namespace tariff::cli {

std::unique_ptr<script::Interpreter> make_interpreter(RuleSet rules) {
  auto interp = std::make_unique<script::Interpreter>(std::make_shared<const RuleSet>(std::move(rules)));
  Diagnostics d;
  interp->define_loaded(d);
  print_diagnostics(d);
  return interp;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("{}: cannot read the file", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int run_script(script::Interpreter& interp, const SourcePtr& source, const ScriptOptions& options) {
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

void test_scripts(script::Interpreter& interp, const std::string& dir, int& passed, int& failed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".tariff") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto source = std::make_shared<const Source>(Source{path, read_file(path)});
    Diagnostics syntax;
    auto statements = parse_script(source, syntax);
    if (!statements) {
      ++failed;
      std::cout << "FAIL         script " << path << ": syntax error\n" << render(syntax.list().front());
      continue;
    }
    for (const auto& s : *statements) {
      auto where = source->position(s->span.begin);
      std::string text = source->text.substr(s->span.begin, s->span.end - s->span.begin);
      std::string name = fmt::format("script {}:{} {}", path, where.line, text.substr(0, text.find('\n')));
      try {
        script::Outcome out = interp.run(*s);
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
  }
}

}  // namespace tariff::cli
