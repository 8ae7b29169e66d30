#pragma once
// Loading a rule set: the embedded prelude first, then every rule file named, parsed, checked and
// compiled. Problems are collected, never printed.
#include <string>
#include <vector>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/prelude.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

struct RuleSet {
  Prelude prelude;
  Catalog catalog;
  std::vector<SourcePtr> sources;  // keeps the text that spans point into alive
  std::vector<std::string> files;  // the rule files read, in order
  // Script statements at the top level of the files (the prelude's functions first), in order.
  std::vector<std::shared_ptr<const script::Statement>> statements;
};

// Loads the prelude, then each path: a .tariff file, or a directory searched recursively for them
// (in name order, so diagnostics come out the same every time). Products with errors are left out
// of the catalog; every problem is in `diagnostics`.
RuleSet load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics);

// Adds one rule file held in memory (the REPL's :load, tests) to a rule set.
void load_source(RuleSet& rules, SourcePtr source, Diagnostics& diagnostics);

// The prelude's files, embedded at build time: {name, text}.
struct EmbeddedFile {
  const char* name;
  const char* text;
};
const std::vector<EmbeddedFile>& prelude_files();

}  // namespace tariff
