// Usage CSV is untrusted: any bytes must rate into rows and rejects, or a RateError for a file
// that cannot be read at all (a wrong header), never a crash, hang or leak. The input is held in
// an anonymous in-memory file, read by one to three threads (chunk boundaries vary with the size).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "interpreter/load.hpp"
#include "interpreter/rate.hpp"

namespace {

const tariff::RuleSet& bundled_rules() {
  static const tariff::RuleSet rules = [] {
    tariff::Diagnostics d;
    return tariff::load_rules({TARIFF_SOURCE_RULES_DIR}, d);
  }();
  return rules;
}

struct MemFile {
  int fd = ::memfd_create("fuzz_rate", MFD_CLOEXEC);
  ~MemFile() { ::close(fd); }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  MemFile file;
  if (file.fd < 0 || ::write(file.fd, data, size) != static_cast<ssize_t>(size)) __builtin_trap();
  tariff::rate::Options options;
  options.jobs = 1 + static_cast<unsigned>(size % 3);
  options.detail = size % 2 == 0;
  try {
    auto result = tariff::rate::rate_file(bundled_rules(), file.path(), {}, options);
    for (const auto& row : result.rows) (void)tariff::rate::month_text(row.month);
    std::uint64_t seen = 0;
    tariff::rate::for_each_reject(result, [&](const tariff::rate::Reject&) { ++seen; });
    if (seen != result.reject_count) __builtin_trap();  // every reject comes back, spilled or not
  } catch (const tariff::rate::RateError&) {
  }
  return 0;
}
