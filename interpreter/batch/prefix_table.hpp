#pragma once
// The rows a reading thread has already checked, by the text of their first four fields
// (internal to batch/). A usage file repeats each `account,month,product,meter` many times (a
// daily log: every key once a day); the first row of a prefix is checked field by field and its
// key found, and every later row with the same text costs a hash of that text, a lookup, one
// comparison and its quantity: no field is split, validated or looked up again.
//
// The lookup is a prediction first. Each entry remembers the (up to two) entries whose rows came
// right after its own; a log that repeats its order day after day (accounts in turn, their meters
// in turn) then finds each row's entry among the two that followed the previous row's, in memory
// that was written in that same order and so is read in order: no hash probe, no random access.
// Where the prediction fails, a hash probe finds the entry and the prediction is learned.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "interpreter/batch/hash.hpp"
#include "interpreter/batch/page_array.hpp"
#include "interpreter/batch/tagged_line.hpp"

namespace tariff::rate::detail {

class PrefixTable {
  static_assert(max_line_bytes - 2 <= UINT16_MAX, "a prefix's length is kept in 16 bits");

 public:
  using Ref = std::uint32_t;  // an entry: its first 64-byte line in the arena
  static constexpr Ref none = UINT32_MAX;

  PrefixTable() : slots_(1U << 12) {}

  // The entry of `text` if it is one of the two that followed `previous` before, else none.
  Ref predicted(Ref previous, std::uint64_t hash, std::string_view text) const {
    if (previous == none) return none;
    const Hot& p = hot(previous);
    for (int i = 0; i < 2; ++i)
      if (p.next[i] != none && p.next_hash[i] == hash && is(p.next[i], text)) return p.next[i];
    return none;
  }

  // The same, before the row's text is hashed: a row that follows the order learned costs a
  // comparison of its text, and no hash at all.
  Ref predicted(Ref previous, std::string_view text) const {
    if (previous == none) return none;
    const Hot& p = hot(previous);
    for (int i = 0; i < 2; ++i)
      if (p.next[i] != none && is(p.next[i], text)) return p.next[i];
    return none;
  }

  void prefetch_slot(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  // The first entry on `hash`'s probe chain with that hash (its text still to be compared), or
  // none; starts loading it.
  Ref candidate(std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].used; i = (i + 1) & mask)
      if (slots_[i].hash == hash) {
        __builtin_prefetch(line(slots_[i].at));
        __builtin_prefetch(line(slots_[i].at) + 64);
        return slots_[i].at;
      }
    return none;
  }

  // The entry of `text`, `hint` being its candidate (or none), or none.
  Ref find(std::string_view text, std::uint64_t hash, Ref hint) const {
    if (hint != none && hot(hint).hash == hash && is(hint, text)) return hint;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].used; i = (i + 1) & mask)
      if (slots_[i].hash == hash && is(slots_[i].at, text)) return slots_[i].at;
    return none;
  }

  // Adds a row's quantity. `line` is its tagged line: rows come in line order from each chunk,
  // but a thread that sums other chunks' rows may see a later chunk's first.
  void add(Ref e, std::uint64_t quantity, std::uint64_t line) {
    Hot& h = hot(e);
    h.low += quantity;
    if (h.low < quantity) ++cold(e).high;
    ++h.rows;
    if (line_chunk(line) < h.chunk) {
      cold(e).first_line = line;
      h.chunk = static_cast<std::uint16_t>(line_chunk(line));
    }
  }

  // Remembers that `e`'s row came right after `previous`'s (the older of two is forgotten).
  void follows(Ref previous, Ref e) {
    if (previous == none) return;
    Hot& p = hot(previous);
    int i = p.next[0] == none ? 0 : p.next[1] == none ? 1 : p.replace;
    p.next[i] = e;
    p.next_hash[i] = hot(e).hash;
    p.replace = static_cast<std::uint8_t>(1 - i);
  }

  // Adds a prefix the table does not have, with no rows yet.
  Ref insert(std::string_view text, std::uint64_t hash, std::uint64_t key, std::uint64_t first_line) {
    if (10 * (size_ + 1) > 7 * slots_.size()) grow();
    std::size_t lines = lines_of(text.size());
    if (blocks_.size() * block_lines >= none - block_lines) throw std::length_error("too many usage prefixes");
    if (blocks_.empty() || blocks_.back().used + lines > block_lines)
      blocks_.push_back({PageArray<Line>(block_lines), 0});
    auto e = static_cast<Ref>((blocks_.size() - 1) * block_lines + blocks_.back().used);
    blocks_.back().used += lines;
    Hot& h = *new (line(e)) Hot{hash,
                                0,
                                0,
                                {0, 0},
                                {none, none},
                                static_cast<std::uint16_t>(text.size()),
                                static_cast<std::uint16_t>(line_chunk(first_line)),
                                0};
    std::memcpy(&h + 1, text.data(), text.size());
    cold(e) = {key, first_line, 0};
    std::size_t mask = slots_.size() - 1, i = hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = {hash, e, 1};
    ++size_;
    return e;
  }

  std::size_t size() const { return size_; }

  // Each prefix's key, sum (high and low words), row count and first line, in the order the
  // prefixes were first seen: the arena is walked in order, not probed at random, and a file
  // whose accounts come in order yields its sums nearly sorted.
  template <class F>
  void for_each(F f) const {
    for (std::size_t b = 0; b < blocks_.size(); ++b)
      for (std::size_t at = 0; at < blocks_[b].used;) {
        auto e = static_cast<Ref>(b * block_lines + at);
        const Hot& h = hot(e);
        const Cold& c = cold(e);
        f(c.key, c.high, h.low, h.rows, c.first_line);
        at += lines_of(h.size);
      }
  }

 private:
  struct Slot {
    std::uint64_t hash;
    Ref at;
    std::uint32_t used;
  };
  // An entry: what every row reads (its hash, sum, row count, text and successors), then its text,
  // then what only the first and last rows need.
  struct Hot {
    std::uint64_t hash, low, rows;
    std::uint64_t next_hash[2];
    Ref next[2];
    std::uint16_t size;   // of the text
    std::uint16_t chunk;  // of the first line (see add)
    std::uint8_t replace;
  };
  struct Cold {
    std::uint64_t key, first_line, high;
  };
  struct alignas(64) Line {
    char bytes[64];
  };
  // 2 MiB blocks (one huge page each) that never move: a table of hundreds of thousands of
  // prefixes is never copied to grow, and an entry stays where its Ref points.
  static constexpr std::size_t block_lines = (2U << 20) / 64;
  struct Block {
    mutable PageArray<Line> lines;
    std::size_t used = 0;
  };
  PageArray<Slot> slots_;
  std::vector<Block> blocks_;
  std::size_t size_ = 0;

  // The 64-byte lines of an entry whose text has `size` bytes (fewer than a block's).
  static std::size_t lines_of(std::size_t size) { return (sizeof(Hot) + (size + 7) / 8 * 8 + sizeof(Cold) + 63) / 64; }

  char* line(Ref e) const { return blocks_[e / block_lines].lines[e % block_lines].bytes; }
  Hot& hot(Ref e) const { return *reinterpret_cast<Hot*>(line(e)); }
  const char* text(Ref e) const { return line(e) + sizeof(Hot); }
  Cold& cold(Ref e) const { return *reinterpret_cast<Cold*>(line(e) + sizeof(Hot) + (hot(e).size + 7U) / 8 * 8); }
  bool is(Ref e, std::string_view t) const { return hot(e).size == t.size() && same_text(text(e), t.data(), t.size()); }

  void grow() {
    PageArray<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

}  // namespace tariff::rate::detail
