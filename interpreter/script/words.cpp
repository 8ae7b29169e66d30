// The words a script may write: the built-ins' names (from their table), the keywords of the
// syntax, the session's bindings and functions, the names of the rules. The REPL completes them.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

#include "interpreter/money/decimal.hpp"
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

namespace {

// The innermost call still open at the end of `text`: where its arguments start, and whether the
// end is past its first argument (a ',' at its depth). Strings and comments are skipped.
struct OpenCall {
  std::size_t arguments = 0;
  bool past_first = false;
};

std::optional<OpenCall> innermost_open_call(std::string_view text) {
  std::vector<OpenCall> open;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) return std::nullopt;  // inside a string: nothing to offer
      i = close;
    } else if (c == '#') {
      i = std::min(text.find('\n', i), text.size());
    } else if (c == '(') {
      open.push_back({i + 1, false});
    } else if (c == ')' && !open.empty()) {
      open.pop_back();
    } else if (c == ',' && !open.empty()) {
      open.back().past_first = true;
    }
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

void add_meter_words(std::vector<std::string>& out, const Product& p) {
  for (const auto& m : p.meters) {
    out.push_back(m.id);
    out.insert(out.end(), m.names.begin(), m.names.end());
    out.insert(out.end(), m.aka.begin(), m.aka.end());
    out.insert(out.end(), m.actions.begin(), m.actions.end());
  }
}

}  // namespace

// What a name in an expression may be, for "did you mean": the innermost call's parameters, the
// bindings, the products, the meters' names and the rounding modes.
std::vector<std::string> Interpreter::value_names() const {
  std::vector<std::string> out;
  if (!frames_.empty())
    for (const auto& [name, v] : frames_.back()) out.push_back(name);
  for (const auto& [name, v] : globals_) out.push_back(name);
  for (const auto& p : rules_->catalog.products) {
    out.push_back(p->id);
    for (const auto& m : p->meters) {
      out.push_back(m.id);
      out.insert(out.end(), m.names.begin(), m.names.end());
    }
  }
  for (const auto& word : keywords())
    if (parse_rounding_mode(word)) out.push_back(word);
  return out;
}

const Product* Interpreter::product_named(std::string_view name) const {
  if (const Product* p = rules_->catalog.find(std::string(name))) return p;
  if (auto it = globals_.find(std::string(name)); it != globals_.end())
    if (const auto* ref = std::get_if<ProductRef>(&it->second)) return ref->product;
  return nullptr;
}

std::vector<std::string> Interpreter::completions(std::string_view before) const {
  auto call = innermost_open_call(before);
  if (!call || !call->past_first) return completions();
  std::string_view first = before.substr(call->arguments);
  first = trimmed(first.substr(0, first.find(',')));
  const Product* product = product_named(first);
  if (!product) return completions();
  // bill(faceid, 人脸…: the meters of faceid, not of every product.
  std::vector<std::string> out = names();
  out.insert(out.end(), keywords().begin(), keywords().end());
  add_meter_words(out, *product);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace tariff::script
