// Inputs tests/fuzz found to crash or hang, each now a clear error. The same inputs are in
// tests/fuzz/regressions/, which the fuzz CTests replay first.
#include <catch2/catch.hpp>

#include <string>

#include "interpreter/script/interpreter.hpp"
#include "interpreter/language/parse.hpp"
#include "support.hpp"

using namespace tariff;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The syntax message for `text` as a script, or "" when it parses.
std::string script_syntax_error(const std::string& text) {
  Diagnostics d;
  if (parse_script(test::source(text), d)) return "";
  REQUIRE(d.size() == 1);
  return d.list().front().message;
}

// The code of the error the last statement of `text` raises in a fresh session, or "none".
std::string script_error_code(const std::string& text) {
  Diagnostics d;
  auto statements = parse_script(test::source(text), d);
  REQUIRE(statements);
  script::Interpreter interp(std::make_shared<const RuleSet>(load_rules({}, d)));
  try {
    for (const auto& s : *statements) interp.run(*s);
  } catch (const DiagnosticError& e) {
    return e.diagnostics.list().front().code;
  }
  return "none";
}

}  // namespace

TEST_CASE("deeply nested expressions are a syntax error, not a stack overflow") {
  CHECK(script_syntax_error(repeat("(", 20000) + "1" + repeat(")", 20000)) == "expressions nest too deeply");
  CHECK(script_syntax_error(repeat("-", 20000) + "1") == "expressions nest too deeply");
  CHECK(script_syntax_error(repeat("not ", 20000) + "true") == "expressions nest too deeply");
  CHECK(script_syntax_error(repeat("if true then ", 5000) + "1" + repeat(" else 2", 5000)) ==
        "expressions nest too deeply");
  // A rule file's top-level statements go through the same grammar.
  Diagnostics d;
  test::load_text("let x = " + repeat("(", 3000) + "1" + repeat(")", 3000) + "\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d.list().front().code == "syntax");
  CHECK(d.list().front().message == "expressions nest too deeply");
}

TEST_CASE("nesting well beyond any real script still parses and evaluates") {
  CHECK(script_syntax_error(repeat("(", 100) + "1" + repeat(")", 100)) == "");
  CHECK(script_syntax_error(repeat("-", 250) + "1") == "");
  CHECK(script_error_code(repeat("(", 100) + "1" + repeat(")", 100)) == "none");
}

TEST_CASE("a script that calls functions exponentially often stops with an error") {
  // Depth stays under the recursion limit, but the calls double at each level: 2^60 of them.
  CHECK(script_error_code("fn f(n) = if n <= 0 then 0 else f(n - 1) + f(n - 1)\nf(60)") == "too-many-calls");
  // Linear recursion to the depth limit is still fine.
  CHECK(script_error_code("fn g(n) = if n <= 0 then 0 else 1 + g(n - 1)\ng(150)") == "none");
  CHECK(script_error_code("fn h(n) = h(n)\nh(1)") == "recursion");
}
