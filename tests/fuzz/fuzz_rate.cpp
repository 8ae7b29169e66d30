// Usage CSV, packs, purchases, ledger and states files are untrusted: any bytes must rate into
// rows and rejects, or a RateError for a file that cannot be read at all (a wrong header, a bad
// packs line), never a crash, hang or leak — and over months the engine's conservation check
// must hold (a ConservationError escapes as a crash). An input is a usage file, then optionally
// sections each after a line "=== packs", "=== purchases", "=== ledger" or "=== states". The
// files are anonymous in-memory files, the usage read by one to three threads (chunk boundaries
// vary with the size).
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
  std::map<std::string, std::string_view> sections;  // name -> text; "" is the usage file
  std::string_view name, rest = input;
  while (true) {
    std::size_t at = rest.find("\n=== ");
    std::size_t end = at == std::string_view::npos ? rest.size() : at;
    sections[std::string(name)] = rest.substr(0, end);
    if (at == std::string_view::npos) break;
    rest = rest.substr(at + 5);
    std::size_t eol = rest.find('\n');
    name = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
  }
  MemFile usage(sections[""]);
  tariff::rate::Options options;
  options.jobs = 1 + static_cast<unsigned>(size % 3);
  options.detail = size % 2 == 0;
  try {
    const auto& rules = bundled_rules();
    tariff::rate::HeldPacks packs;
    tariff::rate::AccountData accounts;
    auto section = [&](const char* which, auto read) {
      auto it = sections.find(which);
      if (it == sections.end()) return;
      MemFile file(it->second);
      read(file.path());
    };
    section("packs", [&](const std::string& path) { packs = tariff::rate::read_packs(rules, path); });
    section("purchases", [&](const std::string& path) { tariff::rate::read_purchases(rules, path, accounts); });
    section("ledger", [&](const std::string& path) { tariff::rate::read_ledger(rules, path, accounts); });
    section("states", [&](const std::string& path) { tariff::rate::read_account_states(rules, path, accounts); });
    if (accounts.over_time && !packs.entries.empty()) return 0;  // the command line refuses both
    if (accounts.over_time) options.accounts = &accounts;
    auto result = tariff::rate::rate_file(rules, usage.path(), packs, options);
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
    for (const auto& [currency, flow] : s.ledger)
      if (!flow.conserved()) __builtin_trap();
    for (const auto& row : result.closing)  // the closing ledger is one the next run can read
      (void)tariff::rate::ledger_row_csv(row.account, *row.product, row.entry);
  } catch (const tariff::rate::RateError&) {
  }
  return 0;
}
