// Reading usage rows: each line's prefix (its first four fields, as text) looked up among those
// already checked, or else split into its five fields, checked, and added to the sum of its key;
// in batches whose table slots are prefetched together. One file, over 300 lines, because the
// prefix table, the checked path and the page release share the reader's state and its hot loop.
#include "interpreter/batch/row_reader.hpp"

#include <fmt/format.h>
#include <emmintrin.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <barrier>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/key_tables.hpp"
#include "interpreter/batch/lines.hpp"
#include "interpreter/batch/prefix_table.hpp"
#include "interpreter/batch/usage_file.hpp"
#include "interpreter/model/month.hpp"

namespace tariff::rate::detail {

namespace {

// ---- rows ---------------------------------------------------------------------------------

// A row that another thread's chunk holds, handed to the thread that owns its prefix's hash.
struct Handed {
  const char* text;
  std::uint32_t size, comma;  // the line (without '\r'), and where its prefix ends
  std::uint64_t hash, quantity, line;
};

class RowReader {
 public:
  // `index`: the chunk's place in the file, which tags its line numbers in sums. With `parts` > 1
  // the rows whose prefix hashes to another part go to outboxes[part] instead of being summed.
  // `returned[source]` takes the rejects of rows handed over from chunk `source`.
  RowReader(const Dictionary& d, Chunk& chunk, std::size_t index, std::size_t parts = 1,
            std::vector<Handed>* outboxes = nullptr, std::vector<Reject>* returned = nullptr)
      : dict_(d),
        chunk_(chunk),
        accounts_(chunk.accounts),
        index_(index),
        parts_(parts),
        outboxes_(outboxes),
        returned_(returned),
        source_(index) {}
  ~RowReader() {
    flush();
    finish();
  }
  RowReader(const RowReader&) = delete;
  RowReader(RowReader&&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  // A line longer than max_line_bytes, whose text was never held.
  void too_long() {
    flush();
    std::uint64_t number = ++chunk_.lines;
    ++chunk_.rows;
    reject(number, fmt::format("line longer than {} bytes", max_line_bytes));
  }

  // One line, without its '\n'. The common row, `account,month,product,meter,quantity` with a
  // quantity the quantity syntax accepts, waits for its prefix to be looked up in a batch; any
  // other is read at once (after the rows waiting, so that rejects stay in line order).
  void line(std::string_view text) {
    std::uint64_t number = ++chunk_.lines;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    ++chunk_.rows;
    std::size_t comma = text.rfind(',');
    std::uint64_t quantity = 0;
    if (comma != std::string_view::npos && comma > 0) {
      std::string_view q = text.substr(comma + 1);
      // A quantity of digits only holds no quote: the common row is not searched for one.
      if (whole_number(q, quantity) ||
          (q.find('"') == std::string_view::npos && parse_quantity(q, dict_.units(), quantity, reason_))) {
        std::string_view prefix = text.substr(0, comma);
        if (predicting_ && queued_ != settled_) drain();
        if (predicting_) {
          if (PrefixTable::Ref e = prefixes_.predicted(previous_, prefix); e != PrefixTable::none) {
            learn(false);
            prefixes_.add(e, quantity, tag_line(index_, number));
            previous_ = e;
            return;
          }
        }
        std::uint64_t h = hash_text(prefix);
        Handed row{text.data(), static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(comma), h, quantity,
                   number};
        if (parts_ > 1) {
          if (std::size_t owner = owner_of(h, parts_); owner != index_) return outboxes_[owner].push_back(row);
        }
        return queue(row, index_);
      }
    }
    flush();
    slow_line(text, number);
  }

  // A row of chunk `source` handed to this thread; a reject goes to returned[source].
  void take(const Handed& row, std::size_t source) { queue(row, source); }

  static std::size_t owner_of(std::uint64_t hash, std::size_t parts) {
    return static_cast<std::size_t>((hash >> 32) * parts >> 32);
  }

  // Looks up the rows waiting. Must run before the text they point into changes.
  void flush() {
    drain();
    flush_checked();
  }

 private:
  const Dictionary& dict_;
  Chunk& chunk_;
  Accounts accounts_;
  SumTable sums_;
  PrefixTable prefixes_;
  std::size_t index_, parts_;
  std::vector<Handed>* outboxes_;
  std::vector<Reject>* returned_;  // by source chunk: where a handed row's reject goes
  std::string reason_;
  std::vector<std::string> quoted_;

  // A row's entry is looked for first among those that followed the previous row's (see
  // prefix_table.hpp). While that keeps failing (a file in no repeated order), rows go through a
  // short pipeline instead, so that their table lines are fetched from memory ahead of use,
  // several at once, rather than one miss after another: a row's slot is prefetched when it is
  // queued; `ahead` rows later the slot is read and its entry prefetched; `ring` rows later the
  // row is added up. Rows are added up in line order, so rejects stay in line order.
  static constexpr std::size_t ring = 16, ahead = 8;
  struct Waiting {
    Handed row;
    std::size_t source;
    PrefixTable::Ref candidate;
  };
  Waiting waiting_[ring];
  std::uint64_t queued_ = 0, staged_ = 0, settled_ = 0;
  PrefixTable::Ref previous_ = PrefixTable::none;  // the entry of the row added up last
  bool predicting_ = false;                        // the predictions hold: no prefetching
  unsigned window_ = 0, missed_ = 0;               // predictions made and missed, 64 at a time

  // Adds up the rows waiting in the ring, so that a row read next may be added at once.
  void drain() {
    while (staged_ < queued_) stage(staged_++);
    while (settled_ < queued_) settle(settled_++);
  }

  // Counts a prediction made, 64 at a time: while at most 4 of 64 miss, rows are compared with the
  // prediction first and not prefetched; otherwise they go through the ring.
  void learn(bool missed) {
    if (++window_ == 64) {
      predicting_ = missed_ + missed <= 4;
      window_ = missed_ = 0;
    } else {
      missed_ += missed;
    }
  }

  void queue(const Handed& row, std::size_t source) {
    if (queued_ - settled_ == ring) settle(settled_++);
    if (!predicting_) prefixes_.prefetch_slot(row.hash);
    waiting_[queued_++ % ring] = {row, source, PrefixTable::none};
    if (queued_ - staged_ > ahead) stage(staged_++);
  }

  void stage(std::uint64_t n) {
    Waiting& w = waiting_[n % ring];
    if (!predicting_) w.candidate = prefixes_.candidate(w.row.hash);
  }

  void settle(std::uint64_t n) {
    const Waiting& w = waiting_[n % ring];
    std::string_view prefix(w.row.text, w.row.comma);
    PrefixTable::Ref e = prefixes_.predicted(previous_, w.row.hash, prefix);
    bool missed = e == PrefixTable::none;
    if (missed) {
      e = prefixes_.find(prefix, w.row.hash, w.candidate);
      if (e == PrefixTable::none) e = first_seen(w);
      if (e != PrefixTable::none) prefixes_.follows(previous_, e);
    }
    learn(missed);
    if (e == PrefixTable::none) return;  // rejected, or quoted (summed apart)
    prefixes_.add(e, w.row.quantity, tag_line(w.source, w.row.line));
    previous_ = e;
  }

  // Rows checked field by field (quoted ones, those with an unusual quantity) wait in batches for
  // their account and key slots, fetched together likewise.
  static constexpr std::size_t batch_size = 16;
  struct Checked {
    std::string_view account;
    std::uint64_t hash, key, quantity, line;
    unsigned scale;  // decimal places of the quantity (a meter whose usage is decimal)
  };
  Checked checked_[batch_size];
  std::size_t checked_count_ = 0;

  void flush_checked() {
    for (std::size_t i = 0; i < checked_count_; ++i) {
      Checked& p = checked_[i];
      p.key |= static_cast<std::uint64_t>(accounts_.id(p.account, p.hash)) << 32;
      sums_.prefetch(p.key);
    }
    for (std::size_t i = 0; i < checked_count_; ++i) {
      Sum& s = sums_.find_or_add(checked_[i].key, checked_[i].line);
      s.add(checked_[i].quantity, checked_[i].scale);
      ++s.rows;
    }
    checked_count_ = 0;
  }

  // The chunk's sums: the prefixes' (several prefixes may name one key: the merge adds them up)
  // and the sums of rows checked one by one.
  void finish() {
    chunk_.sums = sums_.take(prefixes_.size());
    prefixes_.for_each(
        [&](std::uint64_t key, std::uint64_t high, std::uint64_t low, std::uint64_t rows, std::uint64_t first_line) {
          Sum s;
          s.key = key;
          s.low = low;
          s.high = high;
          s.first_line = first_line;
          s.rows = rows;
          chunk_.sums.push_back(s);
        });
  }

  static std::string column_count(std::size_t n) {
    return fmt::format("wrong column count: {} instead of 5 (account,month,product,meter,quantity)", n);
  }

  void reject(std::uint64_t number, std::string reason) {
    if (source_ != index_) return returned_[source_].push_back({number, std::move(reason), 1});
    chunk_.rejects.push_back({number, std::move(reason), 1, {}});
    if (parts_ == 1 && chunk_.rejects.size() >= spill_after) spill();
  }

 public:
  static constexpr std::size_t spill_after = 4096;

  // Writes the rejects kept so far to the spill (the partitioned reader does it once a round, when
  // the rejects of the rows it handed out are back and the round's rejects are in line order).
  void spill() {
    spill_rejects(chunk_.spill, chunk_.rejects);
    chunk_.rejects.clear();
  }

 private:
  std::size_t source_;  // the chunk of the row being checked

  // The first row of a prefix: checked field by field; its key is then the prefix's, whose new
  // entry is returned. A quoted row is summed apart (its fields are not its text), a rejected one
  // not at all: none.
  PrefixTable::Ref first_seen(const Waiting& w) {
    PrefixTable::Ref added = PrefixTable::none;
    source_ = w.source;
    std::string_view text(w.row.text, w.row.size);
    std::uint64_t tagged = tag_line(w.source, w.row.line);
    if (text.find('"') != std::string_view::npos) {
      quoted_row(text, w.row.line, tagged);
    } else {
      std::string_view f[5];
      std::size_t count = split(text, f);
      if (count != 5) {
        reject(w.row.line, column_count(count));
      } else if (auto key = check(f, w.row.line)) {
        *key |= static_cast<std::uint64_t>(accounts_.id(f[0], hash_text(f[0]))) << 32;
        added = prefixes_.insert(text.substr(0, w.row.comma), w.row.hash, *key, tagged);
      }
    }
    source_ = index_;
    return added;
  }

  // Fields are short: a plain loop beats a memchr call per comma. Returns the field count.
  static std::size_t split(std::string_view text, std::string_view (&f)[5]) {
    std::size_t count = 0, start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != ',') continue;
      if (count < 5) f[count] = text.substr(start, i - start);
      ++count;
      start = i + 1;
    }
    if (count < 5) f[count] = text.substr(start);
    return count + 1;
  }

  void slow_line(std::string_view text, std::uint64_t number) {
    std::uint64_t tagged = tag_line(index_, number);
    if (text.find('"') != std::string_view::npos) return quoted_row(text, number, tagged);
    std::string_view f[5];
    std::size_t count = split(text, f);
    if (count != 5) return reject(number, column_count(count));
    add_checked(f, number, tagged);
  }

  void quoted_row(std::string_view text, std::uint64_t number, std::uint64_t tagged) {
    if (!split_csv(text, quoted_)) return reject(number, "unterminated quote");
    if (quoted_.size() != 5) return reject(number, column_count(quoted_.size()));
    std::string_view f[5];
    for (std::size_t i = 0; i < 5; ++i) f[i] = quoted_[i];
    add_checked(f, number, tagged);
    flush_checked();  // the fields live in quoted_, which the next quoted row overwrites
  }

  void add_checked(const std::string_view (&f)[5], std::uint64_t number, std::uint64_t tagged) {
    auto key = check(f, number);
    if (!key) return;
    // A meter whose usage is decimal (unit GB decimal) takes 2177.42; the others whole numbers.
    std::uint64_t quantity = 0;
    unsigned scale = 0;
    const Meter& meter = dict_.at(key_product(*key)).meters[key_meter(*key)];
    bool parsed = meter.decimal ? parse_decimal_quantity(f[4], dict_.units(), quantity, scale, reason_)
                                : parse_quantity(f[4], dict_.units(), quantity, reason_);
    if (!parsed) return reject(number, std::move(reason_));
    Checked& p = checked_[checked_count_++];
    p = {f[0], hash_text(f[0]), *key, quantity, tagged, scale};
    accounts_.prefetch(p.hash);
    if (checked_count_ == batch_size) flush_checked();
  }

  // The first four fields checked and resolved: the key without its account, or nullopt (rejected).
  std::optional<std::uint64_t> check(const std::string_view (&f)[5], std::uint64_t number) {
    if (f[0].empty()) return reject(number, "empty account"), std::nullopt;
    // Accounts are copied into the output, so they must be valid UTF-8 without control characters
    // (a NUL or a carriage return would corrupt the CSV); the other fields are looked up or
    // parsed, and anything else is rejected on its own terms.
    if (!is_valid_utf8(f[0]))
      return reject(number, fmt::format("account '{}' is not valid UTF-8", printable(f[0]))), std::nullopt;
    if (std::any_of(f[0].begin(), f[0].end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
      return reject(number, fmt::format("account '{}' holds a control character", printable(f[0]))), std::nullopt;
    int month = parse_month(f[1]).value_or(-1);
    if (month < 0)
      return reject(number, fmt::format("bad month '{}' (expected YYYY-MM)", printable(f[1]))), std::nullopt;
    int product = dict_.product(f[2]);
    if (product < 0) {
      if (const std::string* why = dict_.unratable(f[2])) return reject(number, *why), std::nullopt;
      return reject(number, dict_.unknown_product(f[2])), std::nullopt;
    }
    int meter = dict_.meter(product, f[3]);
    if (meter < 0)
      return reject(number, dict_.unknown_meter(product, f[3])), std::nullopt;
    // A meter a later version adds, or one the version in force retires, takes no usage.
    if (!dict_.priced(static_cast<std::size_t>(product), meter, month))
      return reject(number, dict_.unpriced(static_cast<std::size_t>(product), meter, month)), std::nullopt;
    return make_key(0, static_cast<std::uint64_t>(month), static_cast<std::uint64_t>(product),
                    static_cast<std::uint64_t>(meter));
  }
};

std::size_t checked(ssize_t n) {
  if (n < 0) throw RateError(fmt::format("cannot read the usage file: {}", std::strerror(errno)));
  return static_cast<std::size_t>(n);
}

// The first '\n' in [p, end), or null: 16 bytes at a time, inline. A usage line is some 50 bytes,
// where a call to memchr costs about as much as the search itself.
inline const char* find_newline(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  for (; end - p >= 16; p += 16) {
    auto bits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), newline)));
    if (bits) return p + __builtin_ctz(bits);
  }
#endif
  return static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
}

// Calls rows.line() (or too_long()) for each line of data that starts in [at, until), the last one
// running on to its end (at most `end`); returns where the next line starts.
std::uint64_t read_lines(RowReader& rows, const char* data, std::uint64_t at, std::uint64_t until, std::uint64_t end) {
  while (at < until) {
    const char* nl = find_newline(data + at, data + end);
    std::uint64_t stop = nl ? static_cast<std::uint64_t>(nl - data) : end;
    if (stop - at > max_line_bytes)
      rows.too_long();
    else
      rows.line(std::string_view(data + at, static_cast<std::size_t>(stop - at)));
    at = nl ? stop + 1 : end;
  }
  return at;
}

// Gives back the pages of the mapping between `released` and `upto` (rows read, summed and no
// longer pointed at), so that the resident memory is the tables', not the file's.
void release(const char* data, std::uint64_t& released, std::uint64_t upto) {
  constexpr std::uint64_t page = 4096;
  auto base = reinterpret_cast<std::uintptr_t>(data);
  std::uint64_t from = (base + released + page - 1) / page * page, to = (base + upto) / page * page;
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
  released = std::max(released, upto);
}

// A mapped file read by `parts` threads in rounds. In a round each thread reads the next block of
// its chunk, summing the rows whose prefix hash is its own and handing the others out; then each
// sums the rows handed to it; then each takes back the rejects of the rows it handed out, so that
// its chunk's rejects stay in line order. A prefix is thus checked, and its sum kept, by one
// thread only: the tables are split between the threads rather than each holding them all, and
// no sum is merged twice. The handed rows point into the mapping; a round holds a block's worth.
class PartitionedRead {
 public:
  PartitionedRead(const Dictionary& dict, const char* data, std::vector<std::uint64_t> bounds,
                  std::atomic<std::uint64_t>* progress)
      : dict_(dict),
        data_(data),
        bounds_(std::move(bounds)),
        parts_(bounds_.size() - 1),
        progress_(progress),
        chunks_(parts_),
        outbox_(parts_, std::vector<std::vector<Handed>>(parts_)),
        returned_(parts_, std::vector<std::vector<Reject>>(parts_)),
        errors_(parts_),
        barrier_(static_cast<std::ptrdiff_t>(parts_)) {
    for (std::size_t t = 0; t < parts_; ++t)
      rounds_ = std::max<std::uint64_t>(rounds_, (bounds_[t + 1] - bounds_[t] + block - 1) / block);
  }

  void run(std::size_t t) {
    RowReader rows(dict_, chunks_[t], t, parts_, outbox_[t].data(), returned_[t].data());
    std::uint64_t at = bounds_[t], released = at;
    for (std::uint64_t r = 0; r < rounds_; ++r) {
      std::size_t first_reject = chunks_[t].rejects.size();
      step(t, [&] {
        release(data_, released, at);  // the rows handed out last round have been summed
        std::uint64_t from = at;
        at = read_lines(rows, data_, at, std::min(bounds_[t] + (r + 1) * block, bounds_[t + 1]), bounds_[t + 1]);
        rows.flush();
        if (progress_) progress_->fetch_add(at - from, std::memory_order_relaxed);
      });
      step(t, [&] {
        for (std::size_t s = 0; s < parts_; ++s)
          for (const Handed& row : outbox_[s][t]) rows.take(row, s);
        rows.flush();
      });
      step(t, [&] { take_back(t, first_reject, rows); });
    }
    if (errors_[t]) return;
    try {
      rows.flush();
    } catch (...) {
      errors_[t] = std::current_exception();
    }
  }

  std::vector<Chunk> take() {
    for (auto& e : errors_)
      if (e) std::rethrow_exception(e);
    return std::move(chunks_);
  }

 private:
  static constexpr std::uint64_t block = 1U << 20;
  const Dictionary& dict_;
  const char* data_;
  std::vector<std::uint64_t> bounds_;
  std::size_t parts_;
  std::atomic<std::uint64_t>* progress_;
  std::vector<Chunk> chunks_;
  std::vector<std::vector<std::vector<Handed>>> outbox_;    // [from][to]
  std::vector<std::vector<std::vector<Reject>>> returned_;  // [owner][source]
  std::vector<std::exception_ptr> errors_;
  std::atomic<bool> failed_{false};
  std::barrier<> barrier_;
  std::uint64_t rounds_ = 0;

  // One step of a round, then the barrier. After a failure anywhere, the steps are skipped but the
  // barriers still met, so that no thread waits for one that stopped.
  template <class F>
  void step(std::size_t t, F f) {
    if (!failed_.load(std::memory_order_relaxed)) {
      try {
        f();
      } catch (...) {
        errors_[t] = std::current_exception();
        failed_ = true;
      }
    }
    barrier_.arrive_and_wait();
  }

  void take_back(std::size_t t, std::size_t first_reject, RowReader& rows) {
    auto& rejects = chunks_[t].rejects;
    bool more = false;
    for (std::size_t d = 0; d < parts_; ++d) {
      more = more || !returned_[d][t].empty();
      for (Reject& j : returned_[d][t]) rejects.push_back(std::move(j));
      returned_[d][t].clear();
      outbox_[t][d].clear();
    }
    if (more)
      std::stable_sort(rejects.begin() + static_cast<std::ptrdiff_t>(first_reject), rejects.end(),
                       [](const Reject& a, const Reject& b) { return a.line < b.line; });
    if (rejects.size() >= RowReader::spill_after) rows.spill();
  }
};

}  // namespace

std::vector<Chunk> read_mapped(const Dictionary& dictionary, const char* data, std::uint64_t begin, std::uint64_t size,
                               std::size_t jobs, std::atomic<std::uint64_t>* progress) {
  if (jobs <= 1) {
    std::vector<Chunk> one(1);
    {
      RowReader rows(dictionary, one[0], 0);
      for (std::uint64_t at = begin, released = begin; at < size;) {
        std::uint64_t from = at;
        at = read_lines(rows, data, at, std::min(size, at + (1U << 24)), size);
        rows.flush();
        release(data, released, at);
        if (progress) progress->fetch_add(at - from, std::memory_order_relaxed);
      }
    }
    return one;
  }
  // The threads start first: where the system cannot start as many as asked, the file is split
  // between those that did.
  std::mutex mutex;
  std::condition_variable ready;
  std::optional<PartitionedRead> read;
  bool go = false;
  std::vector<std::thread> threads;
  try {
    for (std::size_t i = 1; i < jobs; ++i)
      threads.emplace_back([&, i] {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return go; });
        lock.unlock();
        if (read) read->run(i);
      });
  } catch (const std::system_error&) {
  }
  auto start = [&](std::size_t parts) {
    std::vector<std::uint64_t> bounds{begin};
    for (std::size_t i = 1; i < parts; ++i) {
      std::uint64_t at = std::max(bounds.back(), begin + (size - begin) * i / parts);
      const void* nl = at < size ? std::memchr(data + at, '\n', static_cast<std::size_t>(size - at)) : nullptr;
      bounds.push_back(nl ? static_cast<std::uint64_t>(static_cast<const char*>(nl) - data) + 1 : size);
    }
    bounds.push_back(size);
    read.emplace(dictionary, data, bounds, progress);
  };
  std::exception_ptr failed;
  {
    std::lock_guard lock(mutex);
    try {
      start(threads.size() + 1);
    } catch (...) {
      failed = std::current_exception();  // the threads are told to go, find nothing to read, and end
    }
    go = true;
  }
  ready.notify_all();
  if (read) read->run(0);
  for (auto& t : threads) t.join();
  if (failed) std::rethrow_exception(failed);
  return read->take();
}

Chunk read_range(const Dictionary& dictionary, int fd, std::uint64_t begin, std::uint64_t end, std::size_t index,
                 std::atomic<std::uint64_t>* progress) {
  Chunk chunk;
  {
    RowReader rows(dictionary, chunk, index);
    std::uint64_t at = begin;
    auto fill = [&](char* to, std::size_t room) -> std::size_t {
      std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(room, end - at));
      if (want == 0) return 0;
      std::size_t got = checked(::pread(fd, to, want, static_cast<off_t>(at)));
      at += got;
      return got;
    };
    for_each_line(
        fill, [&](std::string_view line) { rows.line(line); }, [&] { rows.too_long(); }, [&] { rows.flush(); },
        progress);
  }
  return chunk;
}

Chunk read_stream(const Dictionary& dictionary, int fd, std::atomic<std::uint64_t>* progress) {
  Chunk chunk;
  {
    RowReader rows(dictionary, chunk, 0);
    bool header = true;
    auto fill = [&](char* to, std::size_t room) -> std::size_t {
      for (;;) {
        ssize_t n = ::read(fd, to, room);
        if (n < 0 && errno == EINTR) continue;
        return checked(n);
      }
    };
    auto on_line = [&](std::string_view line) {
      if (!header) return rows.line(line);
      header = false;
      check_header(line);
      ++chunk.lines;
    };
    auto on_long_line = [&] {
      if (header) throw RateError("line 1: the header must be 'account,month,product,meter,quantity'");
      rows.too_long();
    };
    for_each_line(
        fill, on_line, on_long_line, [&] { rows.flush(); }, progress);
    if (header) throw RateError("the usage input is empty: expected the header 'account,month,product,meter,quantity'");
  }
  return chunk;
}

}  // namespace tariff::rate::detail
