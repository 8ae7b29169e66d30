#pragma once
// The line of a sum's first row, tagged with the chunk it was read in (internal to batch/): the row
// reader tags, the prefix table compares, the merge turns it into a file line. Apart from
// row_reader.hpp so that prefix_table.hpp, which row_reader.cpp includes, need not include it.
#include <cstddef>
#include <cstdint>

namespace tariff::rate::detail {

// Sums carry the line of their first row tagged with the chunk it is in (row counts restart in each
// chunk, and a thread may sum rows of another's chunk); the merge turns it into a file line.
constexpr int line_tag_shift = 40;
constexpr std::uint64_t tag_line(std::size_t chunk, std::uint64_t line) {
  return static_cast<std::uint64_t>(chunk) << line_tag_shift | line;
}
constexpr std::size_t line_chunk(std::uint64_t tagged) { return static_cast<std::size_t>(tagged >> line_tag_shift); }
constexpr std::uint64_t line_in_chunk(std::uint64_t tagged) { return tagged & ((1ULL << line_tag_shift) - 1); }

}  // namespace tariff::rate::detail
