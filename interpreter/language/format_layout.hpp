#pragma once
// Internal to the formatter (format.cpp, format_items.cpp, format_table.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/base/diagnostic.hpp"

namespace tariff::formatting {

// Where an item of the grammar begins and ends (a product item, an example's or a fee's item, a
// top-level item, a table row) and whether it is a script statement.
struct Item {
  std::size_t begin = 0, end = 0;
  bool script = false;
};

// The items of a rule file, by the real grammar; nullopt (and the syntax error) when it does not
// parse.
std::optional<std::vector<Item>> items_of(const SourcePtr& source, Diagnostics& diagnostics);

// Lines of a pipe table (each without its indentation), aligned: columns as wide as their widest
// cell by display width, separator rows redrawn, a trailing comment two blanks after the last bar.
// Lines that are not rows (comments inside the table) are returned as they are.
std::vector<std::string> align_table(const std::vector<std::string>& lines);

}  // namespace tariff::formatting
