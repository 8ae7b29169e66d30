#pragma once
// The reading half of batch rating (internal to rate*.cpp): turning rows into per-key sums, one
// thread per chunk, with no locks and no allocation per row.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interpreter/rate.hpp"

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
  explicit Dictionary(const Catalog& catalog);  // throws RateError when the catalog is too big for a key
  // Product index (products are in id order), or -1.
  int product(std::string_view id) const;
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
  std::vector<Name> names_;
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

// Splits a CSV line as RFC 4180 says ("a,b" is one field, "" a quote); false when a quote is left
// open (quoted fields cannot hold line breaks here).
bool split_csv(std::string_view line, std::vector<std::string>& fields);

// Throws RateError unless `line` (without its newline) is the expected header.
void check_header(std::string_view line);

}  // namespace tariff::rate::detail
