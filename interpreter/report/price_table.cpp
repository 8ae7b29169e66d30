#include "interpreter/report/price_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/text_width.hpp"
#include "interpreter/report/doc.hpp"

namespace tariff {

namespace {

// Columns lined up by display width (CJK counts two), two blanks apart; the first column, the
// label, to the left, the cells to the right, as bill tables are.
std::string table_text(const doc::Table& t) {
  std::vector<std::size_t> widths(t.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(t.header);
  for (const auto& row : t.rows) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      std::string pad(widths[i] - std::min(widths[i], display_width(row[i])), ' ');
      out += i == 0 ? row[i] + pad : "  " + pad + row[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.header);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

}  // namespace

std::string price_table_text(const Product& product, const std::string& in_force) {
  doc::Page page = doc::page_of(product, false);
  std::string out = fmt::format("{} — {}\n", page.title, in_force);
  for (const auto& s : page.sections) {
    if (!s.title.empty()) out += "\n" + s.title + "\n";
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case doc::Block::Kind::paragraph:
        case doc::Block::Kind::code:
          out += b.text + (b.text.ends_with('\n') ? "" : "\n");
          break;
        case doc::Block::Kind::list:
          for (const auto& i : b.items) out += "- " + i + "\n";
          break;
        case doc::Block::Kind::table:
          out += table_text(b.table);
          break;
        case doc::Block::Kind::chart:
          break;
      }
    }
  }
  return out;
}

}  // namespace tariff
