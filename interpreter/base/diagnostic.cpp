#include "interpreter/base/diagnostic.hpp"

#include <fmt/format.h>

#include "interpreter/base/json.hpp"
#include "interpreter/base/text_width.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff {

void Diagnostics::error(std::string code, Span span, std::string message, std::string hint, std::vector<Note> notes) {
  list_.push_back({std::move(code), std::move(span), std::move(message), std::move(hint), std::move(notes)});
}

void Diagnostics::warning(std::string code, Span span, std::string message, std::string hint,
                          std::vector<Note> notes) {
  list_.push_back(
      {std::move(code), std::move(span), std::move(message), std::move(hint), std::move(notes), Severity::warning});
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

// One character of a source line as it is shown: its bytes in the line, its text (U+FFFD for a
// byte that is not UTF-8) and its width on a terminal.
struct ShownChar {
  std::size_t begin, end;
  std::string text;
  std::size_t width;
};

std::vector<ShownChar> shown_chars(std::string_view line) {
  std::vector<ShownChar> out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = utf8_sequence_length(line, i);
    if (n == 0) {
      out.push_back({i, i + 1, "\xEF\xBF\xBD", 1});
      ++i;
      continue;
    }
    std::string_view bytes = line.substr(i, n);
    std::size_t k = 0;
    out.push_back({i, i + n, std::string(bytes), static_cast<std::size_t>(display_width(next_code_point(bytes, k)))});
    i += n;
  }
  return out;
}

// The source line, then a caret line under [begin, end) of the span (clipped to that line). A
// long line is shown as a window of about max_shown_width columns around the caret, so a 10 MB
// line does not become 10 MB of stderr.
std::string excerpt(const Span& span) {
  constexpr std::size_t max_shown_width = 120, context_before = 40;
  if (!span.valid()) return {};
  const Source& src = *span.source;
  auto p = src.position(span.begin);
  std::string_view line = src.line_text(p.line);
  std::size_t line_start = static_cast<std::size_t>(line.data() - src.text.data());
  std::size_t col = std::min(span.begin - std::min(span.begin, line_start), line.size());
  std::size_t end_col = std::min(std::max(span.end, span.begin) - std::min(span.begin, line_start), line.size());
  std::vector<ShownChar> chars = shown_chars(line);
  std::size_t caret = 0;  // the first character under the caret
  while (caret < chars.size() && chars[caret].end <= col) ++caret;
  // The window: from a little before the caret, as far as the width allows.
  std::size_t first = 0, width_before = 0;
  for (std::size_t i = caret; i > 0 && width_before + chars[i - 1].width <= context_before; --i)
    width_before += chars[i - 1].width, first = i - 1;
  std::size_t total = 0;
  for (const auto& c : chars) total += c.width;
  if (total <= max_shown_width) first = 0;
  std::string shown = first > 0 ? "…" : "", spaces = first > 0 ? " " : "";
  std::size_t width = 0, carets = 0, last = first;
  for (; last < chars.size() && width + chars[last].width <= max_shown_width; ++last) {
    const ShownChar& c = chars[last];
    shown += c.text;
    width += c.width;
    if (last < caret)
      spaces += c.text == "\t" ? std::string("\t") : std::string(c.width, ' ');
    else if (c.begin < end_col)
      carets += c.width;
  }
  if (last < chars.size()) shown += "…";
  std::string gutter = fmt::format("{:>5} | ", p.line);
  return fmt::format("{}{}\n{:>5} | {}{}\n", gutter, shown, "", spaces, std::string(std::max<std::size_t>(1, carets), '^'));
}

}  // namespace

std::string render(const Diagnostic& d) {
  std::string kind = d.severity == Severity::warning ? fmt::format("warning[{}]", d.code) : "error";
  std::string out = fmt::format("{}: {}: {}\n", location(d.span), kind, d.message);
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
  if (d.severity == Severity::warning) w.key("severity").string("warning");  // errors read as they always have
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
