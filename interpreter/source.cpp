#include "interpreter/source.hpp"

#include <algorithm>

namespace tariff {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

Source::Position Source::position(std::size_t offset) const {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!is_continuation_byte(text[i])) {
      ++p.column;
    }
  }
  return p;
}

std::string_view Source::line_text(std::uint32_t line) const {
  std::size_t begin = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    begin = text.find('\n', begin);
    if (begin == std::string::npos) return {};
    ++begin;
  }
  std::size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  std::string_view view(text);
  view = view.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace tariff
