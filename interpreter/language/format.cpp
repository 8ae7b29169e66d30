// The canonical layout of a rule file (format.hpp): lines classified by the item they begin or
// continue, reindented by brace depth, respaced token by token, tables and runs of like items
// aligned.
#include "interpreter/language/format.hpp"

#include <algorithm>

#include "interpreter/base/text_width.hpp"
#include "interpreter/language/format_layout.hpp"

namespace tariff {

namespace formatting {

namespace {

enum class Kind { blank, comment, code, continuation, script, table };

struct Line {
  std::size_t begin = 0;  // offset of the line in the source
  std::string text;       // without indentation or trailing blanks
  Kind kind = Kind::code;
  int depth = 0;                    // braces open before its first character
  std::vector<std::string> fields;  // code: its tokens; a string is one
  std::string comment;              // code: a trailing comment
};

// The tokens of a code line, separated by blanks in the source; a string "…" is one token
// whatever it holds, and '#' outside a string starts the comment.
void tokenize(Line& line) {
  const std::string& t = line.text;
  std::string token;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"') {
      std::size_t close = t.find('"', i + 1);
      close = close == std::string::npos ? t.size() - 1 : close;
      token += t.substr(i, close - i + 1);
      i = close;
    } else if (c == '#') {
      line.comment = t.substr(i);
      break;
    } else if (c == ' ' || c == '\t') {
      if (!token.empty()) line.fields.push_back(std::move(token));
      token.clear();
    } else {
      token += c;
    }
  }
  if (!token.empty()) line.fields.push_back(std::move(token));
}

// The change of brace depth a line makes, outside strings and comments.
int brace_change(const std::string& t) {
  int change = 0;
  bool in_string = false;
  for (char c : t) {
    if (c == '"') in_string = !in_string;
    if (in_string) continue;
    if (c == '#') break;
    change += c == '{' ? 1 : c == '}' ? -1 : 0;
  }
  return change;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// The innermost item holding `offset`: the one that begins last before it.
const Item* item_at(const std::vector<Item>& items, std::size_t offset) {
  const Item* found = nullptr;
  for (const auto& item : items)
    if (item.begin <= offset && offset < item.end && (!found || item.begin >= found->begin)) found = &item;
  return found;
}

std::vector<Line> classify(const std::string& text, const std::vector<Item>& items) {
  std::vector<Line> lines;
  std::vector<int> depth_at;  // per line, the depth before it
  int depth = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string raw = text.substr(start, end - start);
    Line line;
    std::size_t indent = raw.find_first_not_of(" \t");
    line.begin = start + (indent == std::string::npos ? 0 : indent);
    line.text = trim(raw);
    line.depth = depth - (line.text.starts_with('}') ? 1 : 0);
    const Item* item = line.text.empty() ? nullptr : item_at(items, line.begin);
    if (line.text.empty())
      line.kind = Kind::blank;
    else if (item && item->script)
      line.kind = item->begin < line.begin ? Kind::script : Kind::code;
    else if (line.text.starts_with('#'))
      line.kind = Kind::comment;
    else if (line.text.starts_with('|'))
      line.kind = Kind::table;
    else if (item && item->begin < line.begin && line.text.front() != '}') {
      // Continuing an item begun on a line above at the same depth (not a line inside its block).
      auto first = std::find_if(lines.rbegin(), lines.rend(), [&](const Line& l) { return l.begin <= item->begin; });
      line.kind = first != lines.rend() && first->depth == line.depth ? Kind::continuation : Kind::code;
    }
    if (line.kind == Kind::script) line.text = raw.substr(0, raw.find_last_not_of(" \t\r") + 1);
    if (line.kind == Kind::code || line.kind == Kind::continuation) tokenize(line);
    if (line.kind != Kind::comment && line.kind != Kind::table) depth = std::max(0, depth + brace_change(line.text));
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// Which leading fields of a line line up with its neighbours': up to the first lowercase word
// after the second field (a clause keyword: aka, actions, per, …), at least the first.
std::size_t head_fields(const Line& l) {
  for (std::size_t i = 2; i < l.fields.size(); ++i) {
    const std::string& f = l.fields[i];
    if (std::all_of(f.begin(), f.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) return i;
  }
  return l.fields.size();
}

bool alignable(const Line& l) { return l.kind == Kind::code && l.fields.size() >= 2 && l.fields.back() != "{"; }

// Where a line's '=' is; none: 0 (no field 0 is '=').
std::size_t equals_at(const Line& l) {
  auto at = std::find(l.fields.begin(), l.fields.end(), "=");
  return at == l.fields.end() ? 0 : static_cast<std::size_t>(at - l.fields.begin());
}

// Two lines belong to one run when they start with the same word and have as many leading fields
// (meter id name "English" …) with their '=' at the same field (expect total = … and expect
// remaining METER = … are not alike), or are both `key value` (currency CNY, cycle month).
bool same_run(const Line& a, const Line& b) {
  if (a.depth != b.depth) return false;
  if (a.fields.size() == 2 && b.fields.size() == 2) return true;
  return a.fields.front() == b.fields.front() && head_fields(a) == head_fields(b) && equals_at(a) == equals_at(b);
}

// The code of each line in a run of like items, its leading fields in columns.
void align_runs(std::vector<Line>& lines, std::vector<std::string>& code) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].kind == Kind::code || lines[i].kind == Kind::continuation) {
      code[i].clear();
      for (const auto& f : lines[i].fields) code[i] += (code[i].empty() ? "" : " ") + f;
    }
  for (std::size_t i = 0; i < lines.size();) {
    if (!alignable(lines[i])) {
      ++i;
      continue;
    }
    std::vector<std::size_t> run{i};
    std::size_t j = i + 1;
    bool pairs = lines[i].fields.size() == 2;
    for (; j < lines.size(); ++j) {
      // Comment lines and an item's continuation lines do not break a run of like items; a comment
      // does end a list of `key value` lines.
      if (!pairs && (lines[j].kind == Kind::comment || lines[j].kind == Kind::continuation)) continue;
      if (!alignable(lines[j]) || !same_run(lines[i], lines[j])) break;
      run.push_back(j);
    }
    // A list of `key value` lines is a block of properties from three lines on (currency, cycle,
    // source); two such lines are just neighbours.
    if (run.size() > (pairs ? 2U : 1U)) {
      std::size_t columns = SIZE_MAX;
      for (auto r : run) columns = std::min(columns, head_fields(lines[r]));
      std::vector<std::size_t> widths(columns, 0);
      for (auto r : run)
        for (std::size_t c = 0; c < columns; ++c) widths[c] = std::max(widths[c], display_width(lines[r].fields[c]));
      for (auto r : run) {
        const auto& f = lines[r].fields;
        std::string text;
        for (std::size_t c = 0; c < f.size(); ++c) {
          if (c > 0) text += ' ';
          text += f[c];
          if (c < columns && c + 1 < f.size()) text += std::string(widths[c] - display_width(f[c]), ' ');
        }
        code[r] = text;
      }
    }
    i = run.back() + 1;
  }
}

// Trailing comments of consecutive code lines start in one column, two blanks after the longest.
void align_comments(const std::vector<Line>& lines, std::vector<std::string>& code) {
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].comment.empty() || lines[i].kind == Kind::table) {
      ++i;
      continue;
    }
    std::size_t j = i, width = 0;
    for (; j < lines.size() && !lines[j].comment.empty() && lines[j].kind != Kind::table &&
           lines[j].depth == lines[i].depth;
         ++j)
      width = std::max(width, display_width(code[j]) + (lines[j].kind == Kind::continuation ? 4 : 0));
    for (std::size_t k = i; k < j; ++k) {
      std::size_t own = display_width(code[k]) + (lines[k].kind == Kind::continuation ? 4 : 0);
      code[k] += (code[k].empty() ? "" : std::string(width - own + 2, ' ')) + lines[k].comment;
    }
    i = j;
  }
}

}  // namespace

}  // namespace formatting

std::optional<std::string> format_rules(const SourcePtr& source, Diagnostics& diagnostics) {
  using namespace formatting;
  auto items = items_of(source, diagnostics);
  if (!items) return std::nullopt;
  std::vector<Line> lines = classify(source->text, *items);
  std::vector<std::string> code(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) code[i] = lines[i].text;
  align_runs(lines, code);
  align_comments(lines, code);
  // Tables: each run of rows (with the comment lines among them) aligned together.
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].kind != Kind::table) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() &&
           (lines[j].kind == Kind::table ||
            (lines[j].kind == Kind::comment && j + 1 < lines.size() && lines[j + 1].kind == Kind::table)))
      ++j;
    std::vector<std::string> table(code.begin() + static_cast<std::ptrdiff_t>(i),
                                   code.begin() + static_cast<std::ptrdiff_t>(j));
    auto aligned = align_table(table);
    std::copy(aligned.begin(), aligned.end(), code.begin() + static_cast<std::ptrdiff_t>(i));
    i = j;
  }
  std::string out;
  bool pending_blank = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.kind == Kind::blank) {
      pending_blank = !out.empty() && !out.ends_with("{\n");
      continue;
    }
    if (pending_blank && !l.text.starts_with('}')) out += '\n';
    pending_blank = false;
    if (l.kind == Kind::script) {  // a script statement's continuation lines keep their layout
      out += l.text + '\n';
      continue;
    }
    std::string indent(static_cast<std::size_t>(2 * l.depth) + (l.kind == Kind::continuation ? 4 : 0), ' ');
    out += indent + code[i] + '\n';
  }
  return out;
}

}  // namespace tariff
