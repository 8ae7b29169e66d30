#include "interpreter/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/check.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/parse.hpp"

namespace tariff {

const std::vector<EmbeddedFile>& prelude_files() {
  static const std::vector<EmbeddedFile> files = {
#include "stdlib.inc"
  };
  return files;
}

namespace {

void define_prelude(RuleSet& rules, const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& u : file.units) {
    if (auto v = rules.prelude.value(u.value)) rules.prelude.units[u.name.text] = *v;
  }
  for (const auto& s : file.settlements) {
    auto& steps = rules.prelude.settlements[s.name.text];
    for (const auto& step : s.steps) steps.push_back(step.text);
  }
  check_prelude(file, rules.prelude, diagnostics);
}

void add_products(RuleSet& rules, const ast::File& file, Diagnostics& diagnostics) {
  for (const auto& p : file.products) {
    Diagnostics found;
    check_product(p, rules.prelude, found);
    if (const Product* other = rules.catalog.find(p.id.text))
      found.error("duplicate-product", p.id.span, fmt::format("product {} is defined twice", p.id.text), "",
                  {{other->span, "first defined here"}});
    diagnostics.append(found);
    if (found.empty()) rules.catalog.products.push_back(compile_product(p, rules.prelude));
  }
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
  rules.sources.push_back(source);
  auto file = parse_file(source, diagnostics);
  if (!file) return;
  bool is_prelude = !file->units.empty() || !file->settlements.empty();
  if (is_prelude) define_prelude(rules, *file, diagnostics);
  add_products(rules, *file, diagnostics);
  rules.statements.insert(rules.statements.end(), file->statements.begin(), file->statements.end());
}

RuleSet load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  RuleSet rules;
  for (const auto& f : prelude_files())
    load_source(rules, std::make_shared<Source>(Source{f.name, f.text}), diagnostics);
  for (const auto& path : rule_files(paths, diagnostics)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      diagnostics.error("unreadable", {}, fmt::format("{}: cannot read the file", path));
      continue;
    }
    rules.files.push_back(path);
    load_source(rules, std::make_shared<Source>(Source{path, text.str()}), diagnostics);
  }
  return rules;
}

}  // namespace tariff
