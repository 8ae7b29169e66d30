// The price page rendered as Markdown, or as one self-contained HTML file (doc.hpp).
#include <fmt/format.h>

#include "interpreter/report/doc.hpp"

namespace tariff {

namespace {

std::string md_cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string md_table(const doc::Table& t) {
  std::string out = "|";
  for (const auto& h : t.header) out += " " + md_cell(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& c : row) out += " " + md_cell(c) + " |";
    out += "\n";
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_table(const doc::Table& t) {
  std::string out = "<table>\n<thead><tr>";
  for (const auto& h : t.header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i == 0 ? "<th scope=\"row\">" : "<td>") + html_escape(row[i]) + (i == 0 ? "</th>" : "</td>");
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

constexpr const char* style = R"(
body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; text-align: left; }
td { font-variant-numeric: tabular-nums; }
thead th { background: #f6f8fa; }
pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; font-family: "Noto Sans Mono CJK SC", monospace; }
figure { margin: 1rem 0; } svg text { font-family: "Noto Sans CJK SC", sans-serif; }
)";

}  // namespace

std::string doc_markdown(const Product& product) {
  doc::Page page = doc::page_of(product);
  std::string out = "# " + page.title + "\n";
  for (const auto& s : page.sections) {
    bool charts = !s.blocks.empty() && s.blocks.front().kind == doc::Block::Kind::chart;
    if (charts) continue;  // charts are drawn in the HTML (tariff doc --format html)
    if (!s.title.empty()) out += fmt::format("\n{} {}\n", std::string(static_cast<std::size_t>(s.level), '#'), s.title);
    for (const auto& b : s.blocks) {
      out += "\n";
      switch (b.kind) {
        case doc::Block::Kind::paragraph:
          out += b.text + "\n";
          break;
        case doc::Block::Kind::list:
          for (const auto& i : b.items) out += "- " + i + "\n";
          break;
        case doc::Block::Kind::table:
          out += md_table(b.table);
          break;
        case doc::Block::Kind::code:
          out += "```\n" + b.text + "```\n";
          break;
        case doc::Block::Kind::chart:
          break;
      }
    }
  }
  return out;
}

std::string doc_html(const Product& product) {
  doc::Page page = doc::page_of(product);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<h1>{}</h1>\n",
      html_escape(page.title), style, html_escape(page.title));
  for (const auto& s : page.sections) {
    if (!s.title.empty()) out += fmt::format("<h{0}>{1}</h{0}>\n", s.level, html_escape(s.title));
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case doc::Block::Kind::paragraph:
          out += "<p>" + html_escape(b.text) + "</p>\n";
          break;
        case doc::Block::Kind::list:
          out += "<ul>\n";
          for (const auto& i : b.items) out += "<li>" + html_escape(i) + "</li>\n";
          out += "</ul>\n";
          break;
        case doc::Block::Kind::table:
          out += html_table(b.table);
          break;
        case doc::Block::Kind::code:
          out += "<pre>" + html_escape(b.text) + "</pre>\n";
          break;
        case doc::Block::Kind::chart:
          out += "<figure>\n" + b.text + "</figure>\n";
          break;
      }
    }
  }
  return out + "<footer><p>rendered by tariff doc from the rules</p></footer>\n</body>\n</html>\n";
}

}  // namespace tariff
