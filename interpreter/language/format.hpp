#pragma once
// `tariff fmt`: the canonical layout of a rule file. It works on the file's lines and tokens,
// using the parse tree only for where each item starts, so that a new kind of statement needs no
// change here:
//   - indentation: two spaces per open brace; a line that continues the item of the line above
//     four more; script statements keep their own layout;
//   - spacing: one blank between the tokens of a line (the text of strings and comments as it
//     is); consecutive items that start with the same word, or that are all `key value`, have
//     their leading fields aligned in columns, and trailing comments of consecutive lines too;
//   - pipe tables: every column as wide as its widest cell by display width (CJK counts double),
//     separator rows redrawn to match; cells keep their text;
//   - blank lines: at most one in a row, none at the start or end of a block or of the file;
//   - comments stay on their lines.
// Formatting twice changes nothing, and a formatted file means what it meant.
#include <optional>
#include <string>

#include "interpreter/base/diagnostic.hpp"

namespace tariff {

// The file laid out canonically, or nullopt (with the syntax error in `diagnostics`) when it
// does not parse: a file that does not parse is never rewritten.
std::optional<std::string> format_rules(const SourcePtr& source, Diagnostics& diagnostics);

}  // namespace tariff
