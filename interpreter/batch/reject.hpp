#pragma once
// What a batch run cannot take (internal types of batch/, public through rate.hpp): an input it
// cannot read at all, a row it leaves out and why, and the longest line it reads. Apart from
// rate.hpp so that the readers rate.cpp includes need not include rate.hpp (no include cycle).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace tariff::rate {

// The input cannot be read at all (missing file, wrong header): the caller exits 2.
struct RateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A row (or an account/month/product bill) left out of the output, and why. `line` is the 1-based
// line of the input (the header is line 1); for a bill that failed, the first line of the meter
// that failed, with `rows` the number of input rows the failed bill covered.
struct Reject {
  std::uint64_t line = 0;
  std::string reason;
  std::uint64_t rows = 1;
  std::string file;  // the purchases, ledger or states file the row is in; empty: the usage file
};

// The longest line a usage or packs file may hold. A longer one is rejected (a usage row) or
// refused (a packs line) without being held in memory, so a hostile file cannot take it.
constexpr std::size_t max_line_bytes = 64 * 1024;

}  // namespace tariff::rate
