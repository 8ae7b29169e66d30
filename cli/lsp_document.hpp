#pragma once
// One rule file open in an editor, as the language server sees it (cli/cmd_lsp.cpp): its text,
// what checking it reports, and what the hover, completion and definition requests read from it.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "interpreter/language/ast.hpp"
#include "interpreter/language/load.hpp"

namespace tariff::cli::lsp {

using json = nlohmann::json;

struct Document {
  std::string uri, path, text;
  SourcePtr source;
  RuleSet rules;                 // the prelude and this file alone
  Diagnostics diagnostics;       // what checking it found
  std::optional<ast::File> ast;  // the last text that parsed (completion goes on while typing)

  // Re-reads `text`: checks it, and keeps its syntax tree when it parses.
  void update(std::string new_text);

  // LSP positions (lines from 0, UTF-16 columns) and byte offsets into `text`.
  std::size_t offset(const json& position) const;
  json position(std::size_t offset) const;
  json range(const Span& span) const;

  json published_diagnostics() const;         // textDocument/publishDiagnostics params
  json completion() const;                    // CompletionItem[]
  json hover(std::size_t offset) const;       // Hover or null
  json definition(std::size_t offset) const;  // Location or null
  json formatting() const;                    // TextEdit[]
};

}  // namespace tariff::cli::lsp
