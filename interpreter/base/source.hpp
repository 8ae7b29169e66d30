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
  std::string name;  // as given by the user, e.g. "rules/PRODUCT.tariff"
  std::string text;
  // The line number of the text's first line: 1, or for one entry of a REPL session the line it
  // has in the whole session.
  std::uint32_t first_line = 1;

  Source(std::string name, std::string text, std::uint32_t first_line = 1);

  // 1-based line and column (columns count code points, so a caret lines up under CJK text;
  // diagnostic.cpp pads by display width for wide characters).
  struct Position {
    std::uint32_t line = 1, column = 1;
  };
  // Both look a line up in an index built once, so that rendering many diagnostics of a large
  // file takes time in proportion to the diagnostics, not to the file times the diagnostics.
  Position position(std::size_t offset) const;
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::vector<std::size_t> line_starts_;  // byte offset of each line's first character
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
