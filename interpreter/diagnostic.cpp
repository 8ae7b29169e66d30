#include "interpreter/diagnostic.hpp"

#include <fmt/format.h>

#include "interpreter/json.hpp"
#include "interpreter/text_width.hpp"

namespace tariff {

void Diagnostics::error(std::string code, Span span, std::string message, std::string hint, std::vector<Note> notes) {
  list_.push_back({std::move(code), std::move(span), std::move(message), std::move(hint), std::move(notes)});
}

void Diagnostics::append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

namespace {

std::string location(const Span& span) {
  if (!span.valid()) return "tariff";
  auto p = span.source->position(span.begin);
  return fmt::format("{}:{}:{}", span.source->name, p.line, p.column);
}

// The source line, then a caret line under [begin, end) of the span (clipped to that line).
std::string excerpt(const Span& span) {
  if (!span.valid()) return {};
  const Source& src = *span.source;
  auto p = src.position(span.begin);
  std::string_view line = src.line_text(p.line);
  std::size_t line_start = span.begin - [&] {
    std::size_t back = 0;
    while (span.begin > back && src.text[span.begin - back - 1] != '\n') ++back;
    return back;
  }();
  std::size_t col = span.begin - line_start;
  std::size_t len = std::min(span.end, line_start + line.size()) - std::min(span.begin, line_start + line.size());
  // Padding of the same display width as the text before the caret (tabs stay tabs).
  std::string spaces;
  for (std::size_t i = 0; i < std::min(col, line.size());) {
    if (line[i] == '\t') {
      spaces += '\t';
      ++i;
      continue;
    }
    spaces.append(display_width(next_code_point(line, i)), ' ');
  }
  int carets = std::max<int>(1, static_cast<int>(display_width(line.substr(std::min(col, line.size()), len))));
  std::string gutter = fmt::format("{:>5} | ", p.line);
  return fmt::format("{}{}\n{:>5} | {}{}\n", gutter, line, "", spaces, std::string(carets, '^'));
}

}  // namespace

std::string render(const Diagnostic& d) {
  std::string out = fmt::format("{}: error: {}\n", location(d.span), d.message);
  out += excerpt(d.span);
  for (const Note& n : d.notes) {
    out += fmt::format("{}: note: {}\n", location(n.span), n.message);
    out += excerpt(n.span);
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

std::string render_json(const Diagnostic& d) {
  JsonWriter w;
  w.begin_object();
  w.key("code").string(d.code);
  w.key("message").string(d.message);
  if (d.span.valid()) {
    auto p = d.span.source->position(d.span.begin);
    w.key("file").string(d.span.source->name);
    w.key("line").number(std::to_string(p.line));
    w.key("column").number(std::to_string(p.column));
  }
  if (!d.hint.empty()) w.key("hint").string(d.hint);
  w.end_object();
  return w.str();
}

}  // namespace tariff
