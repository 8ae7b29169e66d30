// Pipe tables aligned by display width (format_layout.hpp).
#include <algorithm>

#include "interpreter/base/text_width.hpp"
#include "interpreter/language/format_layout.hpp"

namespace tariff::formatting {

namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

struct Row {
  std::vector<std::string> cells;
  std::string comment;  // after the last bar, without the blanks before it
  bool separator = false;
};

// | a | b |  # note: the cells end at the bar after which only blanks, a comment or nothing
// follow (as the grammar's row_end reads it), so a '#' inside a label stays in its cell.
std::optional<Row> split_row(std::string_view line) {
  if (!line.starts_with('|')) return std::nullopt;
  Row row;
  std::size_t start = 1;
  while (true) {
    std::size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) return std::nullopt;
    row.cells.push_back(trim(line.substr(start, bar - start)));
    std::string rest = trim(line.substr(bar + 1));
    if (rest.empty() || rest.starts_with('#')) {
      row.comment = rest;
      break;
    }
    start = bar + 1;
  }
  row.separator = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of("-:") == std::string::npos;
  });
  return row;
}

}  // namespace

std::vector<std::string> align_table(const std::vector<std::string>& lines) {
  std::vector<std::optional<Row>> rows;
  std::vector<std::size_t> widths;
  for (const auto& line : lines) {
    rows.push_back(split_row(line));
    if (!rows.back() || rows.back()->separator) continue;
    const auto& cells = rows.back()->cells;
    if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
    for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], display_width(cells[i]));
  }
  std::vector<std::string> out;
  for (std::size_t r = 0; r < lines.size(); ++r) {
    if (!rows[r]) {
      out.push_back(lines[r]);
      continue;
    }
    const Row& row = *rows[r];
    std::string text = "|";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      std::size_t width = i < widths.size() ? widths[i] : 0;
      const std::string& c = row.cells[i];
      if (row.separator) {  // |:---|---:| keeps its alignment colons
        std::string dashes(width + 2, '-');
        if (c.front() == ':') dashes.front() = ':';
        if (c.size() > 1 && c.back() == ':') dashes.back() = ':';
        text += dashes + "|";
      } else {
        text += " " + c + std::string(width - std::min(width, display_width(c)), ' ') + " |";
      }
    }
    if (!row.comment.empty()) text += "  " + row.comment;
    out.push_back(text);
  }
  return out;
}

}  // namespace tariff::formatting
