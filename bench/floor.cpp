// The macro benchmark's two floors, in plain C++ on one thread: what `tariff rate` is measured
// against (run_macro.sh). Neither resolves a name, validates a field or prices anything.
//
//   tariff_floor sum USAGE.csv    the least a usage rater must do: the file mapped (mmap), lines
//                                 found with memchr, the quantity's digits parsed, and its sum kept
//                                 in a std::unordered_map<std::string_view, uint64_t> keyed by the
//                                 first four fields as they stand in the mapping (no copies)
//   tariff_floor count USAGE.csv  the memory-bandwidth bound: newlines and commas counted, 32 bytes
//                                 at a time with AVX2 (SSE2 where the CPU has no AVX2)
//
// Each prints what it found (rows, keys, the sum of the quantities; newlines and commas), so that
// no run can be optimized away.
#include <fcntl.h>
#include <immintrin.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace {

struct Mapped {
  const char* data = nullptr;
  std::size_t size = 0;
};

Mapped map_file(const char* path) {
  int fd = ::open(path, O_RDONLY);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    std::perror(path);
    return {};
  }
  Mapped m;
  m.size = static_cast<std::size_t>(st.st_size);
  void* p = m.size ? ::mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0) : nullptr;
  ::close(fd);
  if (p == MAP_FAILED) {
    std::perror("mmap");
    return {};
  }
  if (p) ::madvise(p, m.size, MADV_SEQUENTIAL);
  m.data = static_cast<const char*>(p);
  return m;
}

int sum(const Mapped& m) {
  std::unordered_map<std::string_view, std::uint64_t> sums;
  std::uint64_t rows = 0, quantity = 0;
  const char* p = m.data;
  const char* end = m.data + m.size;
  bool header = true;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) nl = end;
    std::string_view line(p, static_cast<std::size_t>(nl - p));
    p = nl + 1;
    if (header) {
      header = false;
      continue;
    }
    std::size_t comma = line.rfind(',');
    if (comma == std::string_view::npos) continue;
    std::uint64_t q = 0;
    for (char c : line.substr(comma + 1))
      if (c >= '0' && c <= '9') q = q * 10 + static_cast<std::uint64_t>(c - '0');
    sums[line.substr(0, comma)] += q;
    quantity += q;
    ++rows;
  }
  std::printf("rows %llu, keys %zu, quantity %llu\n", static_cast<unsigned long long>(rows), sums.size(),
              static_cast<unsigned long long>(quantity));
  return 0;
}

__attribute__((target("avx2"))) void count_avx2(const char* p, std::size_t n, std::uint64_t& newlines,
                                                std::uint64_t& commas) {
  const __m256i nl = _mm256_set1_epi8('\n'), comma = _mm256_set1_epi8(',');
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32));
    auto nl_bits =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, nl))) |
        static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, nl)))) << 32;
    auto comma_bits =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, comma))) |
        static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, comma)))) << 32;
    newlines += static_cast<std::uint64_t>(__builtin_popcountll(nl_bits));
    commas += static_cast<std::uint64_t>(__builtin_popcountll(comma_bits));
  }
  for (; i < n; ++i) newlines += p[i] == '\n', commas += p[i] == ',';
}

void count_sse2(const char* p, std::size_t n, std::uint64_t& newlines, std::uint64_t& commas) {
  const __m128i nl = _mm_set1_epi8('\n'), comma = _mm_set1_epi8(',');
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    newlines +=
        static_cast<std::uint64_t>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, nl)))));
    commas += static_cast<std::uint64_t>(
        __builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, comma)))));
  }
  for (; i < n; ++i) newlines += p[i] == '\n', commas += p[i] == ',';
}

int count(const Mapped& m) {
  std::uint64_t newlines = 0, commas = 0;
  if (__builtin_cpu_supports("avx2"))
    count_avx2(m.data, m.size, newlines, commas);
  else
    count_sse2(m.data, m.size, newlines, commas);
  std::printf("newlines %llu, commas %llu\n", static_cast<unsigned long long>(newlines),
              static_cast<unsigned long long>(commas));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "sum") != 0 && std::strcmp(argv[1], "count") != 0)) {
    std::fprintf(stderr, "usage: tariff_floor sum|count USAGE.csv\n");
    return 2;
  }
  Mapped m = map_file(argv[2]);
  if (!m.data && m.size) return 2;
  return std::strcmp(argv[1], "sum") == 0 ? sum(m) : count(m);
}
