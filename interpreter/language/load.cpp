#include "interpreter/language/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "interpreter/language/lower.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff {

const std::vector<EmbeddedFile>& prelude_files() {
  static const std::vector<EmbeddedFile> files = {
#include "stdlib.inc"
  };
  return files;
}

namespace {

// A unit or a settlement order is defined once, in the prelude or a rule file: a second definition
// is an error, never a silent change of every quantity or product that uses the name.
bool define_once(Prelude& prelude, const ast::Name& name, const char* what, Diagnostics& diagnostics) {
  auto [it, fresh] = prelude.definitions.emplace(name.text, name.span);
  if (!fresh)
    diagnostics.error("duplicate-definition", name.span, fmt::format("{} {} is already defined", what, name.text),
                      "choose another name", {{it->second, "first defined here"}});
  return fresh;
}

void define_prelude(RuleSet& rules, const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& u : file.units) {
    if (!define_once(rules.prelude, u.name, "unit", diagnostics)) continue;
    // Valued in order: a unit may use the units defined before it.
    if (LiteralValue v = rules.prelude.evaluate(u.value); v.value)
      rules.prelude.units[u.name.text] = *v.value;
    else
      diagnostics.error(v.code, u.value.span, fmt::format("unit {}: {}", u.name.text, v.message), v.hint);
  }
  for (const auto& d : file.draws)
    if (define_once(rules.prelude, {"draw packs", d.span}, "the order packs are drawn in", diagnostics))
      rules.prelude.pack_order = lower_draw_order(d, diagnostics);
  for (const auto& s : file.settlements) {
    if (!define_once(rules.prelude, s.name, "settlement order", diagnostics)) continue;
    auto& steps = rules.prelude.settlements[s.name.text];
    for (const auto& step : s.steps) steps.push_back(step.text);
  }
  check_prelude(file, diagnostics);
}

void add_products(RuleSet& rules, const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& p : file.products) {
    Diagnostics found;
    auto product = lower_product(p, rules.prelude, found);
    auto versions = rules.catalog.versions(p.id.text);
    if (!versions.empty() && (!p.from || !versions.back()->from)) {
      found.error("duplicate-product", p.id.span, fmt::format("product {} is defined twice", p.id.text),
                  p.from || versions.back()->from
                      ? "each version of a product says the month it is in force from: product ID from 2027-01 { ... }"
                      : "",
                  {{versions.front()->span, "first defined here"}});
      product.reset();
    } else if (product && !check_version(versions.empty() ? nullptr : versions.back(), *product, found)) {
      product.reset();
    }
    diagnostics.append(found);
    if (!product) continue;
    for (auto& earlier : rules.catalog.products)  // the version before learns of this one
      if (earlier->id == product->id && !earlier->next_version) earlier->next_version = product.get();
    rules.catalog.products.push_back(std::move(product));
  }
}

// Scenarios name products that any file may define: they are lowered once the files are loaded.
void add_scenarios(RuleSet& rules, const std::vector<ast::Example>& scenarios, Diagnostics& diagnostics) {
  for (const auto& s : scenarios)
    if (auto scenario = lower_scenario(s, rules.catalog, rules.prelude, diagnostics))
      rules.catalog.scenarios.push_back(std::move(*scenario));
}

// A file's own part of loading: the prelude's definitions, its products and statements; its
// scenarios are returned, for the caller to lower when every file is loaded.
std::vector<ast::Example> load_file(RuleSet& rules, SourcePtr source, Diagnostics& diagnostics) {
  rules.sources.push_back(source);
  if (std::size_t bad = utf8_valid_prefix(source->text); bad < source->text.size()) {
    diagnostics.error("invalid-utf8", Span{source, bad, bad + 1},
                      fmt::format("the file is not valid UTF-8: byte 0x{:02x}",
                                  static_cast<unsigned char>(source->text[bad])),
                      "save it as UTF-8");
    return {};
  }
  auto file = parse_file(source, diagnostics);
  if (!file) return {};
  bool is_prelude = !file->units.empty() || !file->settlements.empty() || !file->draws.empty();
  if (is_prelude) define_prelude(rules, *file, diagnostics);
  add_products(rules, *file, diagnostics);
  rules.statements.insert(rules.statements.end(), file->statements.begin(), file->statements.end());
  return std::move(file->scenarios);
}

std::vector<std::string> rule_files(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".tariff") found.push_back(entry.path().string());
      if (found.empty())
        diagnostics.error("no-rule-files", {}, fmt::format("no rule files in {}", path),
                          "rule files end in .tariff");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      diagnostics.error("no-such-file", {}, fmt::format("{}: no such file or directory", path));
    }
  }
  return files;
}

}  // namespace

void load_source(RuleSet& rules, SourcePtr source, Diagnostics& diagnostics) {
  add_scenarios(rules, load_file(rules, std::move(source), diagnostics), diagnostics);
}

RuleSet load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  RuleSet rules;
  for (const auto& f : prelude_files()) load_source(rules, make_source(f.name, f.text), diagnostics);
  std::vector<ast::Example> scenarios;
  for (const auto& path : rule_files(paths, diagnostics)) {
    std::string error;
    auto text = read_source_text(path, error);
    if (!text) {
      diagnostics.error("unreadable", {}, fmt::format("{}: cannot read the rule file: {}", path, error));
      continue;
    }
    rules.files.push_back(path);
    for (auto& s : load_file(rules, make_source(path, std::move(*text)), diagnostics)) scenarios.push_back(std::move(s));
  }
  add_scenarios(rules, scenarios, diagnostics);
  return rules;
}

}  // namespace tariff
