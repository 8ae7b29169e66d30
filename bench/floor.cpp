// The macro benchmark's floor: the least a usage rater must do, in plain C++ and one thread.
// Reads `account,month,product,meter,quantity` rows in 1 MiB blocks, splits each line, parses the
// quantity and adds it to an unordered_map keyed by the first four fields. No names are
// resolved, nothing is priced, nothing is validated beyond the digits. Prints rows, keys and the
// sum of the quantities, so a run cannot be optimized away.
//   tariff_floor USAGE.csv
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Totals {
  std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>> sums;
  std::uint64_t rows = 0, quantity = 0;

  void line(std::string_view text) {
    std::size_t comma = text.rfind(',');
    if (comma == std::string_view::npos) return;
    std::uint64_t q = 0;
    for (char c : text.substr(comma + 1))
      if (c >= '0' && c <= '9') q = q * 10 + static_cast<std::uint64_t>(c - '0');
    std::string_view key = text.substr(0, comma);
    auto it = sums.find(key);
    if (it == sums.end()) it = sums.emplace(std::string(key), 0).first;
    it->second += q;
    quantity += q;
    ++rows;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tariff_floor USAGE.csv\n");
    return 2;
  }
  int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::perror(argv[1]);
    return 2;
  }
  Totals totals;
  std::vector<char> buffer(1 << 20);
  std::size_t kept = 0;
  bool header = true;
  for (;;) {
    ssize_t got = ::read(fd, buffer.data() + kept, buffer.size() - kept);
    if (got <= 0) break;
    const char* p = buffer.data();
    const char* end = p + kept + static_cast<std::size_t>(got);
    while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) {
      if (!header) totals.line(std::string_view(p, static_cast<std::size_t>(nl - p)));
      header = false;
      p = nl + 1;
    }
    kept = static_cast<std::size_t>(end - p);
    std::memmove(buffer.data(), p, kept);
  }
  if (kept > 0 && !header) totals.line(std::string_view(buffer.data(), kept));
  ::close(fd);
  std::printf("rows %llu, keys %zu, quantity %llu\n", static_cast<unsigned long long>(totals.rows), totals.sums.size(),
              static_cast<unsigned long long>(totals.quantity));
  return 0;
}
