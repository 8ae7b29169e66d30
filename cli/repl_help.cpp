#include "cli/repl_help.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "interpreter/base/suggest.hpp"
#include "interpreter/script/builtins.hpp"

namespace tariff::cli {

namespace {

constexpr const char* help_text = R"(Statements:
  let NAME = EXPR            bind a value            fn NAME(a, b) = EXPR   define a function
  assert COND                check a condition       expect A == B          check, showing both sides
  EXPR                       print its value, e.g. bill(PRODUCT, METER = 350万); _ is the last value
Values: 350万, 1.5亿, 12%, 10470 CNY, "text", true; + - * /, == != < <= > >=, and or not,
  if C then A else B. '/' must be exact: round(a / b, 2, half_up) rounds the exact quotient.
Rules: bill(P, METER = QTY, buy = METER SIZE [× N], held = METER LEFT [of SIZE], state = "NAME"),
  unit_price(P, M, Q), band(P, M, Q), pack_price(P, M, SIZE), total(B), freeze(B), ...
Commands:
  :help [TOPIC]  :products  :show PRODUCT  :load FILE  :reload  :explain EXPR  :json  :wan  :quit
  (quit and exit leave too; :help bill, :help :load, :help let for one topic)
)";

struct Topic {
  std::string_view name, text;
};

// One line or two per command and statement; the built-ins' usage comes from their table.
constexpr std::array topics = {
    Topic{":help", ":help [TOPIC]: this help, or one command's, built-in's, function's or statement's"},
    Topic{":products", ":products: the products loaded, with their meters"},
    Topic{":show", ":show PRODUCT [YYYY-MM]: a product's tables, packs, quotas and fees, as the rules give them "
                   "(of a product with versions, the version in force that month)"},
    Topic{":load",
          ":load FILE: add a rule file to the session's rules; on any error nothing is loaded\n"
          "and the session keeps the rules it had"},
    Topic{":reload", ":reload: read the session's rule files again (after an edit); bindings stay"},
    Topic{":explain", ":explain EXPR: the settlement, step by step, of the bill behind EXPR's value"},
    Topic{":json", ":json: print values as JSON (on or off)"},
    Topic{":wan", ":wan: quantities in 万 and 亿 (on or off), in values and in bill tables"},
    Topic{":quit", ":quit (or quit, exit, Ctrl-D): leave the session"},
    Topic{"let", "let NAME = EXPR: bind a value, e.g. let b = bill(PRODUCT, METER = 350万)"},
    Topic{"fn", "fn NAME(a, b) = EXPR: define a function, e.g. fn double(x) = 2 * x"},
    Topic{"assert", "assert COND: fails, with the condition, when COND is false"},
    Topic{"expect", "expect A == B: fails showing both sides when they differ"},
    Topic{"if", "if C then A else B: A when C is true, else B"},
    Topic{"_", "_: the last value printed"},
};

}  // namespace

const std::vector<std::string>& repl_commands() {
  static const std::vector<std::string> commands = [] {
    std::vector<std::string> out;
    for (const Topic& t : topics)
      if (t.name.starts_with(':')) out.emplace_back(t.name);
    return out;
  }();
  return commands;
}

std::string repl_help() { return help_text; }

std::optional<std::string> repl_help(const script::Interpreter& interp, std::string_view topic,
                                     std::string& suggestion) {
  std::string name(topic);
  for (const Topic& t : topics)
    if (t.name == name || (t.name.starts_with(':') && t.name.substr(1) == name)) return std::string(t.text) + "\n";
  if (const script::Builtin* b = script::find_builtin(name))
    return fmt::format("{}: built-in; {}\n", b->name, b->usage);
  if (const script::Statement* fn = interp.function(name)) {
    const Source& source = *fn->span.source;
    std::string_view text = std::string_view(source.text).substr(fn->span.begin, fn->span.end - fn->span.begin);
    return fmt::format("{}: defined in {}:{}\n  {}\n", name, source.name, source.position(fn->span.begin).line, text);
  }
  std::vector<std::string> known;
  for (const Topic& t : topics) known.emplace_back(t.name);
  for (const auto& n : interp.names()) known.push_back(n);
  suggestion = did_you_mean(topic, known);
  return std::nullopt;
}

}  // namespace tariff::cli
