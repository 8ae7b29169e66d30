// Batch rating, the whole run: split the input, read the chunks in parallel, merge their sums in
// a fixed order, bill them in parallel by whole accounts, and put the pieces back in order. Over
// 300 lines: the run's phases read best in order, in one place (each is a short function).
#include "interpreter/batch/rate.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <exception>
#include <system_error>
#include <tuple>
#include <thread>

#include "interpreter/batch/account_books.hpp"
#include "interpreter/batch/bill_sums.hpp"
#include "interpreter/batch/row_reader.hpp"
#include "interpreter/batch/spill.hpp"
#include "interpreter/batch/usage_file.hpp"
#include "interpreter/model/month.hpp"

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

// A regular file mapped into memory, read-only; unmapped when done.
struct Mapping {
  const char* data = nullptr;
  std::uint64_t size = 0;
  Mapping(int fd, std::uint64_t n) : size(n) {
    void* p = ::mmap(nullptr, static_cast<std::size_t>(n), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return;
    ::madvise(p, static_cast<std::size_t>(n), MADV_SEQUENTIAL);
    data = static_cast<const char*>(p);
  }
  ~Mapping() {
    if (data) ::munmap(const_cast<char*>(data), static_cast<std::size_t>(size));
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
};

// The threads a mapped file is read on: each reads a chunk and sums the rows of a share of the
// prefixes, so a thread's tables hold its share; past 64 the rounds would cost more than they save.
constexpr std::size_t most_mapped_jobs = 64;

// Reads a regular file: mapped, on `jobs` threads that split the prefixes between them; or, where
// it cannot be mapped (an address-space limit), with pread in `jobs` newline-aligned chunks, one
// thread each.
std::vector<Chunk> read_file(const Dictionary& dict, int fd, std::uint64_t size, const Options& options) {
  if (size == 0) throw RateError("the usage file is empty: expected the header 'account,month,product,meter,quantity'");
  std::uint64_t header_end = 0;
  check_header(read_header(fd, size, header_end));
  if (options.progress) options.progress->fetch_add(header_end);
  std::size_t jobs = std::max(1U, options.jobs);
  if (Mapping map(fd, size); map.data)
    return read_mapped(dict, map.data, header_end, size, std::min(jobs, most_mapped_jobs), options.progress);
  std::vector<std::uint64_t> bounds{header_end};
  for (std::size_t i = 1; i < jobs; ++i)
    bounds.push_back(std::max(bounds.back(), next_line(fd, header_end + (size - header_end) * i / jobs - 1, size)));
  bounds.push_back(size);
  std::vector<Chunk> chunks(jobs);
  parallel(jobs,
           [&](std::size_t i) { chunks[i] = read_range(dict, fd, bounds[i], bounds[i + 1], i, options.progress); });
  return chunks;
}

// Account texts of every chunk, sorted and unique; each chunk's ids mapped to their rank.
// `named`: the accounts the purchases, ledger and states files name, ranked with the others.
std::vector<std::vector<std::uint32_t>> rank_accounts(const std::vector<Chunk>& chunks,
                                                      const std::vector<std::string>& named,
                                                      std::vector<std::string>& sorted) {
  std::vector<std::string_view> all(named.begin(), named.end());
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

// Sums sorted by key, those of one key added into one.
void add_up_equal_keys(std::vector<Sum>& sums) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < sums.size(); ++i) {
    if (out > 0 && sums[out - 1].key == sums[i].key)
      sums[out - 1].merge(sums[i]);
    else
      sums[out++] = sums[i];
  }
  sums.resize(out);
}

// Every chunk's sums under global keys and file line numbers, sorted, equal keys added up. Each
// chunk's sums are renamed by a thread of their own, in place; their ascending runs are then
// merged on this thread in log2(runs) linear passes (or sorted, when there are many).
std::vector<Sum> merge_sums(std::vector<Chunk>& chunks, const std::vector<std::vector<std::uint32_t>>& ranks,
                            const std::vector<std::uint64_t>& bases) {
  auto by_key = [](const Sum& a, const Sum& b) { return a.key < b.key; };
  parallel(chunks.size(), [&](std::size_t c) {
    for (Sum& s : chunks[c].sums) {
      s.key = static_cast<std::uint64_t>(ranks[c][key_account(s.key)]) << 32 | (s.key & 0xffffffffULL);
      s.first_line = bases[line_chunk(s.first_line)] + line_in_chunk(s.first_line);
    }
  });
  std::vector<Sum> all;
  std::size_t total = 0;
  for (const Chunk& c : chunks) total += c.sums.size();
  all.reserve(total);
  // The sums come in the order their prefixes were first seen, which for a file whose accounts
  // come in order is a few ascending runs: they are found, then merged (a random order costs what
  // a merge sort costs, a sorted one a single pass).
  std::vector<std::ptrdiff_t> runs{0};
  for (Chunk& c : chunks) {
    for (std::size_t i = 0; i < c.sums.size(); ++i) {
      if (i > 0 && by_key(c.sums[i], c.sums[i - 1])) runs.push_back(static_cast<std::ptrdiff_t>(all.size()));
      all.push_back(c.sums[i]);
    }
    std::vector<Sum>().swap(c.sums);
    if (all.size() > static_cast<std::size_t>(runs.back())) runs.push_back(static_cast<std::ptrdiff_t>(all.size()));
  }
  // A file in no order has as many runs as sums, which one sort handles better than rounds of
  // tiny merges (each asking for its own buffer).
  if (runs.size() > 65) {
    std::sort(all.begin(), all.end(), by_key);
    runs = {0, static_cast<std::ptrdiff_t>(all.size())};
  }
  // Neighbouring runs merged pairwise, round after round: log2(runs) passes over the sums.
  while (runs.size() > 2) {
    std::vector<std::ptrdiff_t> next{0};
    for (std::size_t r = 2; r < runs.size(); r += 2) {
      std::inplace_merge(all.begin() + runs[r - 2], all.begin() + runs[r - 1], all.begin() + runs[r], by_key);
      next.push_back(runs[r]);
    }
    if (runs.size() % 2 == 0) next.push_back(runs.back());
    runs = std::move(next);
  }
  add_up_equal_keys(all);
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
// Over time, the books the batches opened are kept in `opened` for the run's close.
void bill_all(const Dictionary& dict, const std::vector<Sum>& sums, const PackIndex& packs, const Options& options,
              const Accounts& accounts, std::vector<Books>& opened, Result& result) {
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
    batches[i] = bill_sums(dict, sums.data() + cuts[i], sums.data() + cuts[i + 1], packs, options.detail, accounts);
  });
  for (Batch& b : batches) {
    auto offset = static_cast<std::uint32_t>(result.lines.size());
    auto charge_offset = static_cast<std::uint32_t>(result.charges.size());
    for (Row& r : b.rows) r.first_line += offset, r.first_charge += charge_offset;
    result.rows.insert(result.rows.end(), b.rows.begin(), b.rows.end());
    result.lines.insert(result.lines.end(), b.lines.begin(), b.lines.end());
    result.charges.insert(result.charges.end(), b.charges.begin(), b.charges.end());
    for (Reject& r : b.rejects) (r.file.empty() ? result.rejects : result.file_rejects).push_back(std::move(r));
    result.summary.rows_rated += b.rows_rated;
    result.summary.bills_without_usage += b.bills_without_usage;
    result.summary.rows_rejected += b.rows_rejected;
    opened.push_back(std::move(b.books));
  }
}

// The months purchases fall in, and those of the run an account's states cover (for a product
// that charges a bill without usage), added to the sums as sums of no rows.
void add_sums(std::vector<Sum>& sums, const std::vector<Sum>& more) {
  if (more.empty()) return;
  sums.insert(sums.end(), more.begin(), more.end());
  std::sort(sums.begin(), sums.end(), [](const Sum& a, const Sum& b) { return a.key < b.key; });
  add_up_equal_keys(sums);
}

// The months billed without usage: those of purchases and states, then the last months of the
// commitment periods they and the usage leave unbilled inside the run [first, last].
void add_months_without_usage(const Dictionary& dict, std::vector<Sum>& sums, const Books& books, int first,
                              int last) {
  std::vector<int> run;
  for (const Sum& s : sums) run.push_back(key_month(s.key));
  std::sort(run.begin(), run.end());
  run.erase(std::unique(run.begin(), run.end()), run.end());
  std::vector<Sum> months = purchase_months(books);
  std::vector<Sum> stated = state_months(dict, books, run);
  months.insert(months.end(), stated.begin(), stated.end());
  add_sums(sums, months);
  add_sums(sums, commitment_months(dict, books, sums, first, last));
}

// Purchases outside the months a run rates are rejected: rating month by month, each run is
// given its own months' purchases, and the runs chained give what one run over them all gives.
void reject_purchases_outside(Books& books, int first, int last, const AccountData& data, Result& result) {
  for (auto& [key, book] : books)
    for (auto it = book.buys.begin(); it != book.buys.end();) {
      if (it->first >= first && it->first <= last) {
        ++it;
        continue;
      }
      for (const Purchase* p : it->second)
        result.file_rejects.push_back({p->line,
                                       fmt::format("{} is outside the months this run rates ({} … {}): rate it with "
                                                   "the usage of its month",
                                                   month_text(p->month), month_text(first), month_text(last)),
                                       1, data.purchases_file});
      it = book.buys.erase(it);
    }
}

// Over time: the books of every account, billed month by month, then closed at the run's last
// month. The run rates the months from its usage's first to its last (its purchases' when it has
// no usage); an account in a state is billed in every month of the run's usage and purchases.
void rate_over_time(const Dictionary& dict, std::vector<Sum>& sums, const Options& options, Result& result) {
  const AccountData& data = *options.accounts;
  Books books = open_books(dict, data, result.accounts);
  int first = INT_MAX, last = INT_MIN;
  for (const Sum& s : sums) first = std::min(first, key_month(s.key)), last = std::max(last, key_month(s.key));
  if (sums.empty())
    for (const Purchase& p : data.purchases) first = std::min(first, p.month), last = std::max(last, p.month);
  reject_purchases_outside(books, first, last, data, result);
  add_months_without_usage(dict, sums, books, first, last);
  int last_month = last == INT_MIN ? 0 : last;
  for (const LedgerRow& r : data.opening)
    if (r.entry.bought) last_month = std::max(last_month, *r.entry.bought);
  std::vector<Books> opened;
  bill_all(dict, sums, {}, options, {&books, &data, &result.accounts}, opened, result);
  std::vector<Books*> all{&books};
  for (Books& b : opened) all.push_back(&b);
  close_books(dict, all, last_month, result);
  result.file_rejects.insert(result.file_rejects.end(), data.rejects.begin(), data.rejects.end());
  std::stable_sort(result.file_rejects.begin(), result.file_rejects.end(), [](const Reject& a, const Reject& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
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
  bool over_time = options.accounts && options.accounts->over_time;
  auto ranks = rank_accounts(chunks, over_time ? accounts_named(*options.accounts) : std::vector<std::string>{},
                             result.accounts);
  std::vector<Sum> sums = merge_sums(chunks, ranks, bases);
  chunks.clear();
  if (over_time) {
    rate_over_time(dict, sums, options, result);
  } else {
    std::vector<Books> none;
    bill_all(dict, sums, index_packs(dict, packs, result.accounts), options, {}, none, result);
  }
  std::stable_sort(result.rejects.begin(), result.rejects.end(),
                   [](const Reject& a, const Reject& b) { return a.line < b.line; });
  result.reject_count = result.rejects.size() + result.file_rejects.size();
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
  // Without states, rate bills only the months with rows: it cannot know who else owes a fee.
  bool states = over_time && !options.accounts->states.empty();
  for (const Row& r : result.rows) {
    if (!states && (!r.product->recurring.empty() || r.product->limits.minimum))
      note(result.summary.idle_unknown, r.product->id);
    if (!r.product->payable) note(result.summary.not_rounded, r.product->id);
    if (!over_time && r.product->limits.commitment) note(result.summary.committed, r.product->id);
  }
  std::sort(result.summary.not_rounded.begin(), result.summary.not_rounded.end());
  std::sort(result.summary.committed.begin(), result.summary.committed.end());
  std::sort(result.summary.idle_unknown.begin(), result.summary.idle_unknown.end());
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
  for (const Reject& r : result.file_rejects) f(r);
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
