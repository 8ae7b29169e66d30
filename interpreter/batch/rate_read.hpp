#pragma once
// The reading half of batch rating (internal to rate*.cpp): turning rows into per-key sums, one
// thread per chunk, with no locks and no allocation per row.
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interpreter/batch/rate.hpp"

namespace tariff::rate::detail {

// A key packs the account (32 bits: a chunk's own id, later the global rank), the month (17 bits,
// year * 12 + month - 1, years up to 9999), the product (7 bits) and the meter (8 bits).
constexpr int meter_bits = 8, product_bits = 7, month_bits = 17;
constexpr std::uint64_t make_key(std::uint64_t account, std::uint64_t month, std::uint64_t product,
                                 std::uint64_t meter) {
  return account << 32 | month << (product_bits + meter_bits) | product << meter_bits | meter;
}
constexpr std::uint32_t key_account(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
constexpr int key_month(std::uint64_t key) {
  return static_cast<int>(key >> (product_bits + meter_bits) & ((1U << month_bits) - 1));
}
constexpr std::size_t key_product(std::uint64_t key) { return key >> meter_bits & ((1U << product_bits) - 1); }
constexpr std::size_t key_meter(std::uint64_t key) { return key & ((1U << meter_bits) - 1); }

// A quantity sum: unsigned 128 bits in two words, so that summing 64-bit quantities can never
// overflow (2^64 rows of 2^63 each still fit) and no row ever needs a Decimal.
struct Sum {
  std::uint64_t key = 0;
  std::uint64_t low = 0, high = 0;
  std::uint64_t first_line = 0;  // in the chunk until merged, then in the file
  std::uint64_t rows = 0;

  void add(std::uint64_t quantity) {
    low += quantity;
    high += low < quantity;
  }
  void merge(const Sum& other);
  Decimal quantity() const;
};

// Product and meter names resolved once, shared read-only by every reading thread.
class Dictionary {
 public:
  explicit Dictionary(const RuleSet& rules);
  const Units& units() const { return *units_; }
  // Product index (products are in id order), or -1.
  int product(std::string_view id) const;
  // Why a product of the rules cannot be batch rated (it does not fit a key), or null.
  const std::string* unratable(std::string_view id) const;
  // Meter index by id, name, alias or API action, or -1.
  int meter(int product, std::string_view name) const;
  const Product& at(std::size_t index) const { return *products_[index]; }
  std::size_t size() const { return products_.size(); }

 private:
  // Every (product, meter name) in one small open-addressing table: a lookup is a hash of a
  // short text and, nearly always, one comparison.
  struct Name {
    std::uint64_t hash = 0;
    int product = -1, meter = -1;
    std::string text;
  };
  std::vector<const Product*> products_;
  std::vector<std::pair<std::string, std::string>> unratable_;  // product id, why
  std::vector<Name> names_;
  const Units* units_;
  void add_name(int product, const std::string& text, int meter);
};

// What one thread read from its chunk.
struct Chunk {
  std::vector<std::string> accounts;  // by the chunk's own account id
  std::vector<Sum> sums;              // one per distinct key, in no particular order
  std::vector<Reject> rejects;        // lines counted within the chunk
  Spill spill;                        // earlier rejects, when there were many
  std::uint64_t lines = 0;            // lines consumed, blank ones and a header included
  std::uint64_t rows = 0;             // data rows (blank lines are not rows)
};

// Reads bytes [begin, end) of a file (both newline-aligned) with pread.
Chunk read_range(const Dictionary& dictionary, int fd, std::uint64_t begin, std::uint64_t end,
                 std::atomic<std::uint64_t>* progress);
// Reads a stream to its end with read(); its first line must be the header.
Chunk read_stream(const Dictionary& dictionary, int fd, std::atomic<std::uint64_t>* progress);

// Held packs by account (global rank) and product index: (rank << 8 | product).
using PackIndex = std::unordered_map<std::uint64_t, std::vector<HeldPack>>;

// What billing a run of sums produced.
struct Batch {
  std::vector<Row> rows;
  std::vector<Line> lines;  // Row::first_line counts within the batch until concatenated
  std::vector<Reject> rejects;
  std::uint64_t rows_rated = 0, rows_rejected = 0;
};

// Bills merged sums, sorted by key, whose keys hold global account ranks; [begin, end) must hold
// whole accounts, so that held packs carry from month to month within one batch.
Batch bill_sums(const Dictionary& dictionary, const Sum* begin, const Sum* end, const PackIndex& packs, bool detail);

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

// Splits a CSV line as RFC 4180 says ("a,b" is one field, "" a quote); false when a quote is left
// open (quoted fields cannot hold line breaks here).
bool split_csv(std::string_view line, std::vector<std::string>& fields);

// Throws RateError unless `line` (without its newline, after an optional UTF-8 byte order mark,
// as Excel and WPS write one) is the expected header.
void check_header(std::string_view line);

}  // namespace tariff::rate::detail
