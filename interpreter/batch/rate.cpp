// Batch rating, the whole run: split the input, read the chunks in parallel, merge their sums in
// a fixed order, bill them in parallel by whole accounts, and put the pieces back in order.
#include "interpreter/batch/rate.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <system_error>
#include <thread>

#include "interpreter/batch/bill_sums.hpp"
#include "interpreter/batch/row_reader.hpp"
#include "interpreter/batch/spill.hpp"
#include "interpreter/batch/usage_file.hpp"

namespace tariff::rate {

using namespace detail;

namespace {

struct File {
  int fd = -1;
  explicit File(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd < 0) throw RateError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  ~File() { ::close(fd); }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
};

// Runs f(0) .. f(n-1) on n threads; rethrows the first exception (by index) after all finish.
// Where the system cannot start another thread, the tasks left run on this one: slower, the same.
template <class F>
void parallel(std::size_t n, F f) {
  std::vector<std::exception_ptr> errors(n);
  auto run = [&](std::size_t i) {
    try {
      f(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  std::size_t started = 1;
  try {
    for (; started < n; ++started) threads.emplace_back(run, started);
  } catch (const std::system_error&) {
  }
  if (n > 0) run(0);
  for (std::size_t i = started; i < n; ++i) run(i);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Reads a regular file in `jobs` newline-aligned chunks, one thread each.
std::vector<Chunk> read_file(const Dictionary& dict, int fd, std::uint64_t size, const Options& options) {
  if (size == 0) throw RateError("the usage file is empty: expected the header 'account,month,product,meter,quantity'");
  std::uint64_t header_end = 0;
  check_header(read_header(fd, size, header_end));
  if (options.progress) options.progress->fetch_add(header_end);
  std::size_t jobs = std::max(1U, options.jobs);
  std::vector<std::uint64_t> bounds{header_end};
  for (std::size_t i = 1; i < jobs; ++i)
    bounds.push_back(std::max(bounds.back(), next_line(fd, header_end + (size - header_end) * i / jobs - 1, size)));
  bounds.push_back(size);
  std::vector<Chunk> chunks(jobs);
  parallel(jobs, [&](std::size_t i) { chunks[i] = read_range(dict, fd, bounds[i], bounds[i + 1], options.progress); });
  return chunks;
}

// Account texts of every chunk, sorted and unique; each chunk's ids mapped to their rank.
std::vector<std::vector<std::uint32_t>> rank_accounts(const std::vector<Chunk>& chunks,
                                                      std::vector<std::string>& sorted) {
  std::vector<std::string_view> all;
  for (const Chunk& c : chunks) all.insert(all.end(), c.accounts.begin(), c.accounts.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  sorted.assign(all.begin(), all.end());
  std::vector<std::vector<std::uint32_t>> ranks;
  for (const Chunk& c : chunks) {
    auto& r = ranks.emplace_back();
    for (const auto& name : c.accounts)
      r.push_back(static_cast<std::uint32_t>(std::lower_bound(all.begin(), all.end(), name) - all.begin()));
  }
  return ranks;
}

// Every chunk's sums under global keys and file line numbers, sorted, equal keys added up.
std::vector<Sum> merge_sums(std::vector<Chunk>& chunks, const std::vector<std::vector<std::uint32_t>>& ranks,
                            const std::vector<std::uint64_t>& bases) {
  std::vector<Sum> all;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    for (Sum s : chunks[c].sums) {
      s.key = static_cast<std::uint64_t>(ranks[c][key_account(s.key)]) << 32 | (s.key & 0xffffffffULL);
      s.first_line += bases[c];
      all.push_back(s);
    }
    std::vector<Sum>().swap(chunks[c].sums);
  }
  std::sort(all.begin(), all.end(), [](const Sum& a, const Sum& b) { return a.key < b.key; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (out > 0 && all[out - 1].key == all[i].key)
      all[out - 1].merge(all[i]);
    else
      all[out++] = all[i];
  }
  all.resize(out);
  return all;
}

PackIndex index_packs(const Dictionary& dict, const HeldPacks& packs, const std::vector<std::string>& accounts) {
  PackIndex index;
  for (const auto& e : packs.entries) {
    auto at = std::lower_bound(accounts.begin(), accounts.end(), e.account);
    if (at == accounts.end() || *at != e.account) continue;  // no usage, nothing to draw
    auto rank = static_cast<std::uint64_t>(at - accounts.begin());
    index[rank << 8 | static_cast<std::uint64_t>(dict.product(e.product->id))].push_back(e.pack);
  }
  return index;
}

// Bills the sums on `jobs` threads, cut at account boundaries, and joins the batches in order.
void bill_all(const Dictionary& dict, const std::vector<Sum>& sums, const PackIndex& packs, const Options& options,
              Result& result) {
  std::size_t jobs = std::max(1U, options.jobs);
  std::vector<std::size_t> cuts{0};
  for (std::size_t i = 1; i < jobs; ++i) {
    std::size_t at = std::max(cuts.back(), sums.size() * i / jobs);
    while (at > cuts.back() && at < sums.size() && key_account(sums[at].key) == key_account(sums[at - 1].key)) ++at;
    cuts.push_back(at);
  }
  cuts.push_back(sums.size());
  std::vector<Batch> batches(jobs);
  parallel(jobs, [&](std::size_t i) {
    batches[i] = bill_sums(dict, sums.data() + cuts[i], sums.data() + cuts[i + 1], packs, options.detail);
  });
  for (Batch& b : batches) {
    auto offset = static_cast<std::uint32_t>(result.lines.size());
    for (Row& r : b.rows) r.first_line += offset;
    result.rows.insert(result.rows.end(), b.rows.begin(), b.rows.end());
    result.lines.insert(result.lines.end(), b.lines.begin(), b.lines.end());
    result.rejects.insert(result.rejects.end(), b.rejects.begin(), b.rejects.end());
    result.summary.rows_rated += b.rows_rated;
    result.summary.rows_rejected += b.rows_rejected;
  }
}

Result rate_chunks(const Dictionary& dict, std::vector<Chunk> chunks, std::uint64_t first_base, const HeldPacks& packs,
                   const Options& options) {
  Result result;
  std::vector<std::uint64_t> bases{first_base};
  for (const Chunk& c : chunks) bases.push_back(bases.back() + c.lines);
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    result.summary.rows_read += chunks[c].rows;
    result.summary.rows_rejected += chunks[c].rejects.size() + chunks[c].spill.count;
    if (chunks[c].spill.count > 0) {
      chunks[c].spill.base = bases[c];
      result.spills.push_back(std::make_unique<Spill>(std::move(chunks[c].spill)));
    }
    for (Reject r : chunks[c].rejects) {
      r.line += bases[c];
      result.rejects.push_back(std::move(r));
    }
  }
  auto ranks = rank_accounts(chunks, result.accounts);
  std::vector<Sum> sums = merge_sums(chunks, ranks, bases);
  chunks.clear();
  bill_all(dict, sums, index_packs(dict, packs, result.accounts), options, result);
  std::stable_sort(result.rejects.begin(), result.rejects.end(),
                   [](const Reject& a, const Reject& b) { return a.line < b.line; });
  result.reject_count = result.rejects.size();
  for (const auto& s : result.spills) result.reject_count += s->count;
  std::uint32_t last = UINT32_MAX;
  for (const Row& r : result.rows) {
    if (r.account != last) ++result.summary.accounts;
    last = r.account;
    result.summary.totals[r.product->currency] += r.total;
    if (r.payable) result.summary.payable[r.product->currency] += *r.payable;
  }
  // Products whose bills a reader must know more about: the payable amount not rounded, or a
  // commitment over a period that a month's row cannot close.
  auto note = [](std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const Row& r : result.rows) {
    if (!r.product->payable) note(result.summary.not_rounded, r.product->id);
    if (r.product->limits.commitment) note(result.summary.committed, r.product->id);
  }
  std::sort(result.summary.not_rounded.begin(), result.summary.not_rounded.end());
  std::sort(result.summary.committed.begin(), result.summary.committed.end());
  return result;
}

}  // namespace

namespace {

Result rate_stream(const Dictionary& dict, int fd, const HeldPacks& packs, const Options& options) {
  std::vector<Chunk> one;
  one.push_back(read_stream(dict, fd, options.progress));
  return rate_chunks(dict, std::move(one), 0, packs, options);
}

}  // namespace

Result rate_file(const RuleSet& rules, const std::string& path, const HeldPacks& packs, const Options& options) {
  Dictionary dict(rules);
  if (path == "-") return rate_stream(dict, STDIN_FILENO, packs, options);
  File file(path);
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw RateError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw RateError(fmt::format("{} is a directory, not a usage file", path));
  if (!S_ISREG(st.st_mode)) return rate_stream(dict, file.fd, packs, options);
  return rate_chunks(dict, read_file(dict, file.fd, static_cast<std::uint64_t>(st.st_size), options), 1, packs,
                     options);
}

namespace {}  // namespace

Result::Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;
Result::~Result() = default;

void for_each_reject(Result& result, const std::function<void(const Reject&)>& f) {
  for (auto& s : result.spills) std::rewind(s->file.get());
  std::size_t spill = 0, kept = 0;
  Reject next;
  bool have = false;
  auto advance = [&] {
    for (have = false; spill < result.spills.size(); ++spill)
      if ((have = read_spilled(*result.spills[spill], next))) return;
  };
  advance();
  while (have || kept < result.rejects.size()) {
    if (have && (kept == result.rejects.size() || next.line <= result.rejects[kept].line)) {
      f(next);
      advance();
    } else {
      f(result.rejects[kept++]);
    }
  }
}

std::optional<std::uint64_t> input_size(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<std::uint64_t>(st.st_size);
}

}  // namespace tariff::rate
