#pragma once
// The two tables a reading thread fills (internal to batch/): sums by key, and account texts
// interned to the thread's own ids. Open addressing with linear probing, so that a lookup is one
// cache miss; both can be prefetched a batch of rows ahead.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/batch/hash.hpp"
#include "interpreter/batch/keys.hpp"
#include "interpreter/batch/page_array.hpp"
#include "interpreter/batch/reject.hpp"

namespace tariff::rate::detail {

// Open addressing, linear probing, power-of-two size, load at most 1/2. Slots hold the entries
// themselves so that a lookup costs one cache miss.
class SumTable {
 public:
  SumTable() : slots_(1U << 12) {}

  // Starts loading the slot where `key` would be (an entry may straddle two cache lines).
  void prefetch(std::uint64_t key) const {
    const Sum* at = &slots_[mix(key) & (slots_.size() - 1)];
    __builtin_prefetch(at);
    __builtin_prefetch(reinterpret_cast<const char*>(at) + sizeof(Sum) - 1);
  }

  Sum& find_or_add(std::uint64_t key, std::uint64_t line) {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      Sum& s = slots_[i];
      if (s.rows != 0 && s.key == key) return s;
      if (s.rows == 0) {
        if (2 * (size_ + 1) > slots_.size()) {
          grow();
          return find_or_add(key, line);
        }
        ++size_;
        s.key = key;
        s.first_line = line;
        return s;
      }
    }
  }

  // The sums, in room for `more` others.
  std::vector<Sum> take(std::size_t more = 0) {
    std::vector<Sum> out;
    out.reserve(size_ + more);
    for (const Sum& s : slots_)
      if (s.rows != 0) out.push_back(s);
    return out;
  }

 private:
  PageArray<Sum> slots_;  // rows == 0: empty (every stored sum has counted its first row)
  std::size_t size_ = 0;

  void grow() {
    PageArray<Sum> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Sum& s : old) {
      if (s.rows == 0) continue;
      std::size_t i = mix(s.key) & mask;
      while (slots_[i].rows != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

// Account text -> the chunk's account id. Short names (most) are kept in the slot itself, so that
// a lookup touches one cache line.
class Accounts {
 public:
  explicit Accounts(std::vector<std::string>& names) : names_(names), slots_(1U << 12) {}

  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  std::uint32_t id(std::string_view name, std::uint64_t h) {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.id == empty) {
        if (2 * (names_.size() + 1) > slots_.size()) {
          grow();
          return id(name, h);
        }
        if (names_.size() >= empty - 1) throw RateError("more than 4 billion accounts in one chunk: use more --jobs");
        s.hash = h;
        s.id = static_cast<std::uint32_t>(names_.size());
        s.size = static_cast<std::uint32_t>(name.size());
        if (name.size() <= sizeof s.text) std::memcpy(s.text, name.data(), name.size());
        names_.emplace_back(name);
        return s.id;
      }
      if (s.hash == h && s.size == name.size() &&
          (name.size() <= sizeof s.text ? std::memcmp(s.text, name.data(), name.size()) == 0 : names_[s.id] == name))
        return s.id;
    }
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = empty, size = 0;
    char text[16] = {};
  };
  std::vector<std::string>& names_;
  PageArray<Slot> slots_;

  void grow() {
    PageArray<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == empty) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].id != empty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

}  // namespace tariff::rate::detail
