// Syntax errors as diagnostics (parse_control.hpp): the message from the grammar's table, the
// caret on the word or character where parsing stopped, and hints for the usual slips.
#include <fmt/format.h>

#include "interpreter/base/suggest.hpp"
#include "interpreter/base/text_width.hpp"
#include "interpreter/language/parse_control.hpp"

namespace tariff::parse_control {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// A character an identifier may hold: the grammar's (lexical.hpp) letters, digits and '_'.
bool word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return !(c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65));
}

// The end of the word starting at `begin`, or `begin` when no word starts there.
std::size_t word_end(const std::string& text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size()) {
    std::size_t next = end;
    char32_t c = next_code_point(text, next);
    if (!word_char(c) || (end == begin && digit(static_cast<char>(c)))) break;
    end = next;
  }
  return end;
}

// The words a message offers as choices: those in its parentheses and its quotes, of three letters
// or more ("expected a product item (currency, cycle, meter, …) or '}'").
std::vector<std::string> offered_words(const std::string& message) {
  std::vector<std::string> words;
  bool inside = false;
  std::string word;
  char before = ' ';
  for (char c : message + " ") {
    bool quote = c == '\'' && !((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z'));  // not "band's"
    before = c;
    if (c == '(' || (quote && !inside)) {
      inside = true;
      continue;
    }
    bool letter = (c >= 'a' && c <= 'z') || c == '_';
    if (letter && inside) {
      word += c;
      continue;
    }
    if (word.size() >= 3) words.push_back(word);
    word.clear();
    if (c == ')' || (c == '\'' && word.empty())) inside = false;
  }
  return words;
}

// 1,5 → "decimal comma? write 1.5"; the span of the whole number in `begin`, `end`.
std::string decimal_comma(const std::string& text, std::size_t& begin, std::size_t& end) {
  if (text[begin] != ',' || begin == 0 || !digit(text[begin - 1]) || begin + 1 >= text.size() ||
      !digit(text[begin + 1]))
    return {};
  std::size_t first = begin, last = begin + 1;
  while (first > 0 && (digit(text[first - 1]) || text[first - 1] == '_')) --first;
  while (last < text.size() && digit(text[last])) ++last;
  std::string whole = text.substr(first, begin - first), part = text.substr(begin + 1, last - begin - 1);
  begin = first;
  end = last;
  std::string hint = fmt::format("decimal comma? write {}.{}", whole, part);
  if (part.size() == 3) hint += fmt::format(" (or {}_{} if the comma groups thousands)", whole, part);
  return hint;
}

}  // namespace

void report(const tao::pegtl::parse_error& e, const SourcePtr& source, std::size_t offset, Diagnostics& diagnostics) {
  std::string message(e.message()), hint;
  if (auto nl = message.find('\n'); nl != std::string::npos) {
    hint = message.substr(nl + 1);
    message.resize(nl);
  }
  std::size_t begin = offset + e.positions().front().byte, end = begin;
  const std::string& text = source->text;
  if (end < text.size() && text[end] != '\n') {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  if (begin < text.size()) {
    if (std::string comma = decimal_comma(text, begin, end); !comma.empty()) {
      hint = comma;
    } else if (std::size_t w = word_end(text, begin); w > begin) {
      end = w;
      hint = with_suggestion(text.substr(begin, w - begin), offered_words(message), hint);
    }
  }
  diagnostics.error("syntax", Span{source, begin, end}, message, hint);
}

}  // namespace tariff::parse_control
