#pragma once
// The reading half of batch rating (internal to batch/): rows of a usage file turned into sums by
// key, one thread per chunk of the file, with no locks and no allocation per row.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/batch/dictionary.hpp"
#include "interpreter/batch/keys.hpp"
#include "interpreter/batch/spill.hpp"
#include "interpreter/batch/tagged_line.hpp"

namespace tariff::rate::detail {

// What one thread read from its chunk.
struct Chunk {
  std::vector<std::string> accounts;  // by the chunk's own account id
  std::vector<Sum> sums;              // by key (some twice), in no particular order
  std::vector<Reject> rejects;        // lines counted within the chunk
  Spill spill;                        // earlier rejects, when there were many
  std::uint64_t lines = 0;            // lines consumed, blank ones and a header included
  std::uint64_t rows = 0;             // data rows (blank lines are not rows)
};

// Reads bytes [begin, size) of a file mapped at `data` (begin newline-aligned) on `jobs` threads,
// each reading a newline-aligned chunk and summing the rows whose prefix hashes to it (fewer
// threads where the system cannot start as many). One Chunk per thread.
std::vector<Chunk> read_mapped(const Dictionary& dictionary, const char* data, std::uint64_t begin,
                               std::uint64_t size, std::size_t jobs, std::atomic<std::uint64_t>* progress);

// Reads bytes [begin, end) of a file (both newline-aligned) with pread, as the chunk `index`.
Chunk read_range(const Dictionary& dictionary, int fd, std::uint64_t begin, std::uint64_t end, std::size_t index,
                 std::atomic<std::uint64_t>* progress);
// Reads a stream to its end with read(); its first line must be the header.
Chunk read_stream(const Dictionary& dictionary, int fd, std::atomic<std::uint64_t>* progress);

}  // namespace tariff::rate::detail
