#pragma once
// A rule file or script held in memory, and the places (spans) in it that diagnostics point at.
#include <cstdint>
#include <memory>
#include <optional>
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

// A source from text, without a leading UTF-8 byte order mark (editors on Windows write one), so
// that line 1's columns count from its first real character.
SourcePtr make_source(std::string name, std::string text);

// The most a rule file or script may hold. Real ones are a few kilobytes; the bound keeps a device
// file (/dev/zero), a pipe or a runaway generator from taking the machine's memory.
constexpr std::size_t max_source_bytes = 4U << 20;

// Reads a rule file or script ("-": standard input) of at most max_source_bytes. On failure
// returns nullopt and says why in `error`: no such file, a directory, too large, unreadable.
std::optional<std::string> read_source_text(const std::string& path, std::string& error);

struct Span {
  SourcePtr source;
  std::size_t begin = 0, end = 0;  // byte offsets into source->text
  bool valid() const { return source != nullptr; }
};

}  // namespace tariff
