// Rule files are untrusted: any bytes must load (parse, check, compile) into diagnostics, never a
// crash, hang or leak; a product that compiles must bill its own examples without one either.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "interpreter/billing/replay.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/script/interpreter.hpp"

namespace {

// load_rules({}) once: parsing the prelude for every input would be most of the work. A RuleSet
// owns its products and cannot be copied, but the prelude's part of it (units, settlement
// orders, script statements, the sources they point into) can.
tariff::RuleSet fresh_rules() {
  static const tariff::RuleSet prelude = [] {
    tariff::Diagnostics d;
    tariff::RuleSet r = tariff::load_rules({}, d);
    if (!d.empty() || !r.catalog.products.empty()) __builtin_trap();  // the copy below would miss something
    return r;
  }();
  tariff::RuleSet rules;
  rules.prelude = prelude.prelude;
  rules.sources = prelude.sources;
  rules.statements = prelude.statements;
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tariff::Diagnostics d;
  tariff::RuleSet rules = fresh_rules();
  auto source = std::make_shared<const tariff::Source>(
      tariff::Source{"fuzz.tariff", std::string(reinterpret_cast<const char*>(data), size)});
  // load_source reports every problem as a diagnostic: anything it throws is a bug.
  tariff::load_source(rules, source, d);
  for (const auto& product : rules.catalog.products)
    for (const auto& example : product->examples) tariff::run_example(*product, example);
  // The file's script statements run as `tariff check` and `tariff test` run them.
  if (d.empty()) {
    tariff::script::Interpreter interp(std::make_shared<const tariff::RuleSet>(std::move(rules)));
    interp.define_loaded(d);
    for (const auto& s : interp.rules().statements) {
      if (s->kind != tariff::script::Statement::Kind::assert_ && s->kind != tariff::script::Statement::Kind::expect)
        continue;
      try {
        interp.run(*s);
      } catch (const tariff::DiagnosticError& e) {
        for (const auto& x : e.diagnostics.list()) tariff::render(x);
      }
    }
  }
  // Rendering reads spans back into the source: positions past the end would show here.
  for (const auto& diagnostic : d.list()) {
    tariff::render(diagnostic);
    tariff::render_json(diagnostic);
  }
  return 0;
}
