// Usage CSV and packs files are untrusted: any bytes must rate into rows and rejects, or a
// RateError for a file that cannot be read at all (a wrong header, a bad packs line), never a
// crash, hang or leak. An input holding the line "=== packs" is a usage file, then a packs file
// (account,product,meter,remaining) for the same run. The files are anonymous in-memory files,
// the usage read by one to three threads (chunk boundaries vary with the size).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "interpreter/language/load.hpp"
#include "interpreter/batch/rate.hpp"

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
  explicit MemFile(std::string_view text) {
    if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) __builtin_trap();
  }
  ~MemFile() { ::close(fd); }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view separator = "\n=== packs\n";
  std::size_t split = input.find(separator);
  MemFile usage(input.substr(0, split));
  tariff::rate::Options options;
  options.jobs = 1 + static_cast<unsigned>(size % 3);
  options.detail = size % 2 == 0;
  try {
    tariff::rate::HeldPacks packs;
    if (split != std::string_view::npos) {
      MemFile packs_file(input.substr(split + separator.size()));
      packs = tariff::rate::read_packs(bundled_rules(), packs_file.path());
    }
    auto result = tariff::rate::rate_file(bundled_rules(), usage.path(), packs, options);
    // Nothing is lost: every row is rated or rejected, and the summary adds up what was written.
    const auto& s = result.summary;
    if (s.rows_rated + s.rows_rejected != s.rows_read) __builtin_trap();
    std::map<std::string, tariff::DecimalSum> totals;
    for (const auto& row : result.rows) {
      (void)tariff::month_text(row.month);
      totals[row.product->currency] += row.total;
    }
    for (const auto& [currency, total] : totals)
      if (s.totals.at(currency).to_string() != total.to_string()) __builtin_trap();
    std::uint64_t seen = 0;
    tariff::rate::for_each_reject(result, [&](const tariff::rate::Reject&) { ++seen; });
    if (seen != result.reject_count) __builtin_trap();  // every reject comes back, spilled or not
  } catch (const tariff::rate::RateError&) {
  }
  return 0;
}
