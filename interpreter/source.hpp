#pragma once
// A rule file or script held in memory, and the places (spans) in it that diagnostics point at.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tariff {

struct Source {
  std::string name;  // as given by the user, e.g. "rules/face_recognition.tariff"
  std::string text;

  // 1-based line and column (columns count code points, so a caret lines up under CJK text
  // when the terminal gives each character one cell; see caret_padding for wide characters).
  struct Position {
    std::uint32_t line = 1, column = 1;
  };
  Position position(std::size_t offset) const;
  std::string_view line_text(std::uint32_t line) const;
};
using SourcePtr = std::shared_ptr<const Source>;

struct Span {
  SourcePtr source;
  std::size_t begin = 0, end = 0;  // byte offsets into source->text
  bool valid() const { return source != nullptr; }
};

}  // namespace tariff
