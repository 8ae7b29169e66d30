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

namespace {

// ANSI styles, as rustc uses them: the severity and carets red, notes green, hints cyan, the
// gutter blue; nothing at all when colour is off.
struct Style {
  bool on;
  std::string operator()(const char* sgr, std::string_view text) const {
    return on ? fmt::format("\033[{}m{}\033[0m", sgr, text) : std::string(text);
  }
};
constexpr const char* bold = "1";
constexpr const char* red = "1;31";
constexpr const char* green = "1;32";
constexpr const char* yellow = "1;33";
constexpr const char* cyan = "1;36";
constexpr const char* blue = "1;34";

// The excerpt with its gutter in blue and its carets in the colour of what points.
std::string styled_excerpt(const Span& span, const Style& style, const char* caret_colour) {
  std::string text = excerpt(span);
  if (!style.on || text.empty()) return text;
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    std::string_view line(text.data() + start, end - start);
    std::size_t bar = line.find(" | ");
    bool caret_line = bar != std::string_view::npos && line.substr(0, bar).find_first_not_of(' ') == std::string_view::npos;
    out += style(blue, line.substr(0, bar + 3));
    std::string_view rest = line.substr(bar + 3);
    if (caret_line) {
      std::size_t first = rest.find('^');
      out += std::string(rest.substr(0, first)) + style(caret_colour, rest.substr(first));
    } else {
      out += rest;
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string render(const Diagnostic& d, const RenderOptions& options) {
  Style style{options.colour};
  bool warning = d.severity == Severity::warning;
  const char* colour = warning ? yellow : red;
  std::string kind = warning ? "warning" : "error";
  std::string label = d.code.empty() ? kind : fmt::format("{}[{}]", kind, d.code);
  std::string out =
      fmt::format("{}: {}: {}\n", style(bold, location(d.span)), style(colour, label), style(bold, d.message));
  out += styled_excerpt(d.span, style, colour);
  for (const Note& n : d.notes) {
    out += fmt::format("{}: {}: {}\n", style(bold, location(n.span)), style(green, "note"), n.message);
    out += styled_excerpt(n.span, style, green);
  }
  // A hint of several lines (a suggestion, then the choices) keeps its lines under one another.
  for (std::size_t start = 0, line = 0; start < d.hint.size(); ++line) {
    std::size_t end = std::min(d.hint.find('\n', start), d.hint.size());
    out += fmt::format("{}{}\n", line == 0 ? "  " + style(cyan, "hint") + ": " : std::string(8, ' '),
                       std::string_view(d.hint).substr(start, end - start));
    start = end + 1;
  }
  return out;
}

RenderOptions& default_render_options() {
  static RenderOptions options;
  return options;
}

std::string render(const Diagnostic& d) { return render(d, default_render_options()); }

namespace {

// "file", "line", "column" and "end" ({line, column} just past the span) of a place, all null
// for a diagnostic about no place in a file (a command-line name).
void place(JsonWriter& w, const Span& span) {
  if (!span.valid()) {
    for (const char* k : {"file", "line", "column", "end"}) w.key(k).null();
    return;
  }
  auto p = span.source->position(span.begin);
  auto e = span.source->position(std::max(span.end, span.begin));
  w.key("file").string(span.source->name);
  w.key("line").number(std::to_string(p.line));
  w.key("column").number(std::to_string(p.column));
  w.key("end").begin_object();
  w.key("line").number(std::to_string(e.line));
  w.key("column").number(std::to_string(e.column));
  w.end_object();
}

}  // namespace

std::string render_json(const Diagnostic& d) {
  JsonWriter w;
  w.begin_object();
  w.key("code").string(d.code);
  w.key("severity").string(d.severity == Severity::warning ? "warning" : "error");
  place(w, d.span);
  w.key("message").string(d.message);
  if (d.hint.empty())
    w.key("hint").null();
  else
    w.key("hint").string(d.hint);
  w.key("notes").begin_array();
  for (const Note& n : d.notes) {
    w.begin_object();
    place(w, n.span);
    w.key("message").string(n.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str();
}

}  // namespace tariff
