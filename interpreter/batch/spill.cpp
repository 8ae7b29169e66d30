#include "interpreter/batch/spill.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace tariff::rate {

void spill_rejects(Spill& s, const std::vector<Reject>& rejects) {
  if (!s.file) s.file.reset(std::tmpfile());
  if (!s.file)
    throw RateError(fmt::format("cannot create a temporary file for rejected rows: {}", std::strerror(errno)));
  for (const Reject& r : rejects) {
    std::uint64_t head[3] = {r.line, r.rows, r.reason.size()};
    if (std::fwrite(head, sizeof head, 1, s.file.get()) != 1 ||
        std::fwrite(r.reason.data(), 1, r.reason.size(), s.file.get()) != r.reason.size())
      throw RateError("cannot write rejected rows to a temporary file");
  }
  s.count += rejects.size();
}

bool read_spilled(Spill& s, Reject& r) {
  std::uint64_t head[3];
  if (std::fread(head, sizeof head, 1, s.file.get()) != 1) return false;
  r.line = head[0] + s.base;
  r.rows = head[1];
  r.reason.resize(head[2]);
  if (std::fread(r.reason.data(), 1, r.reason.size(), s.file.get()) != r.reason.size())
    throw RateError("cannot read back rejected rows from a temporary file");
  return true;
}

}  // namespace tariff::rate
