// Scripts are untrusted (tariff eval, the REPL, tests/scripts): any bytes must parse into a syntax
// diagnostic or run statement by statement into values, failed asserts or DiagnosticErrors, as
// `tariff eval` runs them on the bundled rules. Never a crash, a leak, or unbounded time.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "interpreter/language/load.hpp"
#include "interpreter/script/interpreter.hpp"
#include "interpreter/language/parse.hpp"

namespace {

std::shared_ptr<const tariff::RuleSet> bundled_rules() {
  static const auto rules = [] {
    tariff::Diagnostics d;
    return std::make_shared<const tariff::RuleSet>(tariff::load_rules({TARIFF_SOURCE_RULES_DIR}, d));
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<const tariff::Source>(
      tariff::Source{"fuzz.tariff", std::string(reinterpret_cast<const char*>(data), size)});
  tariff::Diagnostics syntax;
  auto statements = tariff::parse_script(source, syntax);
  (void)tariff::script_incomplete(source);  // the REPL asks this of every line it reads
  if (!statements) {
    if (syntax.empty()) __builtin_trap();  // a failed parse must say why
    (void)tariff::render(syntax.list().front());
    return 0;
  }
  tariff::script::Interpreter interp(bundled_rules());  // a fresh session: no bindings carry over
  tariff::Diagnostics loaded;
  interp.define_loaded(loaded);
  for (const auto& s : *statements) {
    try {
      auto out = interp.run(*s);
      if (out.value) (void)tariff::script::format_value(*out.value, {});
      if (out.value) (void)tariff::script::format_value_json(*out.value);
      if (out.failure) (void)tariff::render(*out.failure);
    } catch (const tariff::DiagnosticError& e) {
      for (const auto& d : e.diagnostics.list()) (void)tariff::render(d);
    }
  }
  return 0;
}
