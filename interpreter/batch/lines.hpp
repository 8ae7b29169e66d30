#pragma once
// Lines of a usage or packs file, read in blocks and bounded (internal to batch/): a line longer
// than max_line_bytes is reported without being held, so that no input can take memory or time
// out of proportion to its size.
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "interpreter/batch/rate_result.hpp"

namespace tariff::rate::detail {

// Reads blocks through `fill(buffer, room)` (bytes read, 0 at the end) and calls on_line(text) for
// each line without its '\n', or on_long_line() for a line longer than max_line_bytes, whose bytes
// are skipped, never held: memory stays one buffer and time stays linear in the input. Every
// line is scanned for its newline once. on_block_end() runs after the lines of each block.
template <class Fill, class Line, class LongLine, class BlockEnd>
void for_each_line(Fill fill, Line on_line, LongLine on_long_line, BlockEnd on_block_end,
                   std::atomic<std::uint64_t>* progress) {
  std::vector<char> buffer(1U << 20);  // well over max_line_bytes, so a kept line always leaves room
  std::size_t kept = 0;                // bytes of an unfinished line at the front of the buffer
  bool skipping = false;               // inside a line already reported as too long
  for (;;) {
    std::size_t got = fill(buffer.data() + kept, buffer.size() - kept);
    if (progress) progress->fetch_add(got, std::memory_order_relaxed);
    if (got == 0) break;
    const char* p = buffer.data();
    const char* scan = p + kept;  // the kept bytes hold no newline
    const char* end = scan + got;
    while (const char* nl = static_cast<const char*>(std::memchr(scan, '\n', static_cast<std::size_t>(end - scan)))) {
      auto length = static_cast<std::size_t>(nl - p);
      if (skipping)
        skipping = false;
      else if (length > max_line_bytes)
        on_long_line();
      else
        on_line(std::string_view(p, length));
      p = scan = nl + 1;
    }
    on_block_end();
    kept = static_cast<std::size_t>(end - p);
    if (!skipping && kept > max_line_bytes) {
      on_long_line();
      skipping = true;
    }
    if (skipping) kept = 0;
    std::memmove(buffer.data(), p, kept);
  }
  if (kept > 0) on_line(std::string_view(buffer.data(), kept));
  on_block_end();
}

}  // namespace tariff::rate::detail
