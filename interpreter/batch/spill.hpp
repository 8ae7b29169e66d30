#pragma once
// Rejected rows beyond a few thousand per thread wait in a temporary file, so that a file of
// mostly bad rows needs no more memory than a good one (internal to batch/).
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include "interpreter/batch/reject.hpp"

namespace tariff::rate {

// Records: line, rows, reason size, reason.
struct Spill {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{nullptr, &std::fclose};
  std::uint64_t base = 0;  // added to each line read back
  std::uint64_t count = 0;
};

// Appends `rejects` to the spill (creating its file at first); throws RateError when it cannot.
void spill_rejects(Spill& spill, const std::vector<Reject>& rejects);

// Reads a spill's next record; false at its end. Throws RateError when the file cannot be read.
bool read_spilled(Spill& spill, Reject& reject);

}  // namespace tariff::rate
