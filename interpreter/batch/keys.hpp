#pragma once
// What batch rating sums rows under: a key of account, month, product and meter packed in 64 bits,
// and the 128-bit sum of the quantities of one key (internal to batch/).
#include <cstdint>

#include "interpreter/money/decimal.hpp"

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
// overflow (2^64 rows of 2^63 each still fit) and no row ever needs a Decimal. A meter whose usage
// is decimal (2177.42 GB) sums coefficients at the finest scale its rows have had; there a sum can
// overflow, which marks it (its bill is then refused) rather than wrapping.
struct Sum {
  __extension__ typedef unsigned __int128 Wide;
  std::uint64_t key = 0;
  std::uint64_t low = 0, high = 0;
  std::uint64_t first_line = 0;  // in the chunk until merged, then in the file
  std::uint64_t rows : 58 = 0;
  std::uint64_t scale : 5 = 0;     // decimal places of the sum (0..30)
  std::uint64_t overflow : 1 = 0;  // the sum exceeded 128 bits

  // A row's quantity: `quantity` × 10^-scale.
  void add(std::uint64_t quantity, unsigned quantity_scale = 0) {
    if ((quantity_scale | scale) != 0) return add_scaled(quantity, quantity_scale);
    low += quantity;
    high += low < quantity;
  }
  void merge(const Sum& other);
  // Throws DecimalError for a sum that overflowed, or beyond a Decimal's coefficient.
  Decimal quantity() const;

 private:
  void add_scaled(Wide quantity, unsigned quantity_scale);
};

}  // namespace tariff::rate::detail
