#pragma once
// The rows a reading thread has already checked, by the text of their first four fields
// (internal to batch/). A usage file repeats each `account,month,product,meter` many times (a
// daily log: every key once a round); the first row of a prefix is checked field by field and
// its key found, and every later row with the same text costs a hash of that text, a probe, one
// comparison and its quantity: no field is split, validated or looked up again.
//
// A row touches two cache lines: its slot (the hash, and the running sum and row count) and the
// first line of its prefix's text, which starts on a line of its own. What only the first and
// last rows need (the key, the first line, the carries of the sum) follows the text.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "interpreter/batch/page_array.hpp"
#include "interpreter/batch/row_reader.hpp"

namespace tariff::rate::detail {

class PrefixTable {
  static_assert(max_line_bytes - 2 <= UINT16_MAX, "a prefix's length is kept in 16 bits");

 public:
  static constexpr std::size_t none = SIZE_MAX;

  PrefixTable() : slots_(1U << 12) {}

  void prefetch_slot(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  // The first slot on `hash`'s probe chain with that hash (its text still to be compared), or
  // none; starts loading that text.
  std::size_t candidate(std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].size != 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash) {
        __builtin_prefetch(text(slots_[i]));
        return i;
      }
    return none;
  }

  // Adds `quantity` to the prefix `text` and returns true, if the table has it. `hint` is its
  // candidate slot, as found before the table last grew or not (then it is searched again).
  // `line` is the row's tagged line: rows come in line order from each chunk, but a thread that
  // sums other chunks' rows may see a later chunk's first.
  bool add(std::string_view text, std::uint64_t hash, std::size_t hint, std::uint64_t quantity, std::uint64_t line) {
    std::size_t i = hint != none && hint < slots_.size() && slots_[hint].hash == hash && is(slots_[hint], text)
                        ? hint
                        : find(text, hash);
    if (i == none) return false;
    Slot& s = slots_[i];
    s.low += quantity;
    if (s.low < quantity) ++cold(s).high;
    ++s.rows;
    if (line_chunk(line) < s.chunk) {
      cold(s).first_line = line;
      s.chunk = static_cast<std::uint16_t>(line_chunk(line));
    }
    return true;
  }

  // Adds a prefix the table does not have, with its first row.
  void insert(std::string_view text, std::uint64_t hash, std::uint64_t key, std::uint64_t first_line,
              std::uint64_t quantity) {
    if (10 * (size_ + 1) > 7 * slots_.size()) grow();
    std::size_t lines = ((text.size() + 7) / 8 * 8 + sizeof(Cold) + 63) / 64;  // far fewer than a block's
    if (blocks_.size() * block_lines >= UINT32_MAX - block_lines) throw std::length_error("too many usage prefixes");
    if (blocks_.empty() || blocks_.back().used + lines > block_lines)
      blocks_.push_back({PageArray<Line>(block_lines), 0});
    auto at = static_cast<std::uint32_t>((blocks_.size() - 1) * block_lines + blocks_.back().used);
    blocks_.back().used += lines;
    char* t = line(at);
    std::memcpy(t, text.data(), text.size());
    Slot s{hash,     at, static_cast<std::uint16_t>(text.size()), static_cast<std::uint16_t>(line_chunk(first_line)),
           quantity, 1};
    cold(s) = {key, first_line, 0};
    std::size_t mask = slots_.size() - 1, i = hash & mask;
    while (slots_[i].size != 0) i = (i + 1) & mask;
    slots_[i] = s;
    ++size_;
  }

  // Each prefix's key, sum (high and low words), row count and first line.
  template <class F>
  void for_each(F f) const {
    for (const Slot& s : slots_)
      if (s.size != 0) {
        const Cold& c = cold(s);
        f(c.key, c.high, s.low, s.rows, c.first_line);
      }
  }

 private:
  struct Slot {
    std::uint64_t hash;
    std::uint32_t at;     // the text's first 64-byte line in the arena
    std::uint16_t size;   // the text's length (0: an empty slot); a line holds at most 64 KiB
    std::uint16_t chunk;  // the chunk of the first line (see add)
    std::uint64_t low, rows;
  };
  struct Cold {
    std::uint64_t key, first_line, high;
  };
  struct alignas(64) Line {
    char bytes[64];
  };
  // 2 MiB blocks (one huge page each) that never move: a table of hundreds of thousands of
  // prefixes is never copied to grow, and a slot's `at` stays where it points.
  static constexpr std::size_t block_lines = (2U << 20) / 64;
  struct Block {
    mutable PageArray<Line> lines;
    std::size_t used = 0;
  };
  PageArray<Slot> slots_;
  std::vector<Block> blocks_;
  std::size_t size_ = 0;

  char* line(std::uint32_t at) const { return blocks_[at / block_lines].lines[at % block_lines].bytes; }
  const char* text(const Slot& s) const { return line(s.at); }
  bool is(const Slot& s, std::string_view t) const {
    return s.size == t.size() && std::memcmp(text(s), t.data(), t.size()) == 0;
  }
  // The cold fields follow the text, 8-byte aligned.
  Cold& cold(const Slot& s) const { return *reinterpret_cast<Cold*>(line(s.at) + (s.size + 7) / 8 * 8); }

  std::size_t find(std::string_view text, std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].size != 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash && is(slots_[i], text)) return i;
    return none;
  }

  void grow() {
    PageArray<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.size == 0) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].size != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

}  // namespace tariff::rate::detail
