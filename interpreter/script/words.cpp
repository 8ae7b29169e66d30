// The words a script may write: the built-ins' names (from their table), the keywords of the
// syntax, the session's bindings and functions, the names of the rules. The REPL completes them.
#include <algorithm>
#include <array>

#include "interpreter/script/builtins.hpp"
#include "interpreter/script/interpreter.hpp"

namespace tariff::script {

namespace {

// The words of the syntax (grammar/script.hpp's keywords) and the names of bill()'s arguments.
constexpr std::array syntax_words = {"and", "assert", "buy", "else", "expect", "false", "fn",   "held",
                                     "if",  "let",    "not", "of",   "or",     "state", "then", "true"};

}  // namespace

const std::vector<std::string>& Interpreter::builtin_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Builtin& b : builtins()) out.emplace_back(b.name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& Interpreter::keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out(syntax_words.begin(), syntax_words.end());
    // The rounding modes are money's: every RoundingMode, half_up to ceiling, by its own name.
    for (int m = 0; m <= static_cast<int>(RoundingMode::ceiling); ++m)
      out.emplace_back(to_string(static_cast<RoundingMode>(m)));
    std::ranges::sort(out);
    return out;
  }();
  return words;
}

std::vector<std::string> Interpreter::names() const {
  std::vector<std::string> out = builtin_names();
  for (const auto& [name, v] : globals_) out.push_back(name);
  for (const auto& [name, f] : functions_) out.push_back(name);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Interpreter::completions() const {
  std::vector<std::string> out = names();
  out.insert(out.end(), keywords().begin(), keywords().end());
  for (const auto& p : rules_->catalog.products) {
    out.push_back(p->id);
    for (const auto& m : p->meters) {
      out.push_back(m.id);
      out.insert(out.end(), m.names.begin(), m.names.end());
      out.insert(out.end(), m.aka.begin(), m.aka.end());
      out.insert(out.end(), m.actions.begin(), m.actions.end());
    }
  }
  return out;
}

}  // namespace tariff::script
