// Reading usage rows: each line split into its five fields, checked, and added to the sum of its
// key, in batches whose table slots are prefetched together.
#include "interpreter/batch/row_reader.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/key_tables.hpp"
#include "interpreter/batch/lines.hpp"
#include "interpreter/batch/usage_file.hpp"
#include "interpreter/model/month.hpp"

namespace tariff::rate::detail {

namespace {

// ---- rows ---------------------------------------------------------------------------------

class RowReader {
 public:
  RowReader(const Dictionary& d, Chunk& chunk) : dict_(d), chunk_(chunk), accounts_(chunk.accounts) {}
  ~RowReader() {
    flush();
    chunk_.sums = sums_.take();
  }
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  // A line longer than max_line_bytes, whose text was never held.
  void too_long() {
    std::uint64_t number = ++chunk_.lines;
    ++chunk_.rows;
    reject(number, fmt::format("line longer than {} bytes", max_line_bytes));
  }

  // One line, without its '\n'.
  void line(std::string_view text) {
    std::uint64_t number = ++chunk_.lines;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    ++chunk_.rows;
    if (text.find('"') != std::string_view::npos) return quoted_row(text, number);
    // Fields are short: a plain loop beats a memchr call per comma.
    std::string_view f[5];
    std::size_t count = 0, start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != ',') continue;
      if (count < 5) f[count] = text.substr(start, i - start);
      ++count;
      start = i + 1;
    }
    if (count < 5) f[count] = text.substr(start);
    ++count;
    if (count != 5) return reject(number, column_count(count));
    row(f, number);
  }

 private:
  const Dictionary& dict_;
  Chunk& chunk_;
  Accounts accounts_;
  SumTable sums_;
  std::string reason_;
  std::vector<std::string> quoted_;

  // Rows wait in small batches so that their hash-table slots are fetched from memory together
  // rather than one miss after another: with hundreds of thousands of keys, those misses are
  // most of the time a row takes.
  struct Pending {
    std::string_view account;
    std::uint64_t hash, key, quantity, line;
    unsigned scale;  // decimal places of the quantity (a meter whose usage is decimal)
  };
  static constexpr std::size_t batch_size = 16;
  Pending batch_[batch_size];
  std::size_t pending_ = 0;

 public:
  // Adds up the rows waiting. Must run before the text they point into changes.
  void flush() {
    for (std::size_t i = 0; i < pending_; ++i) {
      Pending& p = batch_[i];
      p.key |= static_cast<std::uint64_t>(accounts_.id(p.account, p.hash)) << 32;
      sums_.prefetch(p.key);
    }
    for (std::size_t i = 0; i < pending_; ++i) {
      Sum& s = sums_.find_or_add(batch_[i].key, batch_[i].line);
      s.add(batch_[i].quantity, batch_[i].scale);
      ++s.rows;
    }
    pending_ = 0;
  }

 private:
  static std::string column_count(std::size_t n) {
    return fmt::format("wrong column count: {} instead of 5 (account,month,product,meter,quantity)", n);
  }

  void reject(std::uint64_t number, std::string reason) {
    chunk_.rejects.push_back({number, std::move(reason), 1});
    if (chunk_.rejects.size() >= spill_after) spill();
  }

  static constexpr std::size_t spill_after = 4096;

  void spill() {
    spill_rejects(chunk_.spill, chunk_.rejects);
    chunk_.rejects.clear();
  }

  void quoted_row(std::string_view text, std::uint64_t number) {
    if (!split_csv(text, quoted_)) return reject(number, "unterminated quote");
    if (quoted_.size() != 5) return reject(number, column_count(quoted_.size()));
    std::string_view f[5];
    for (std::size_t i = 0; i < 5; ++i) f[i] = quoted_[i];
    row(f, number);
    flush();  // the fields live in quoted_, which the next quoted row overwrites
  }

  void row(const std::string_view (&f)[5], std::uint64_t number) {
    if (f[0].empty()) return reject(number, "empty account");
    // Accounts are copied into the output, so they must be valid UTF-8 without control characters
    // (a NUL or a carriage return would corrupt the CSV); the other fields are looked up or
    // parsed, and anything else is rejected on its own terms.
    if (!is_valid_utf8(f[0])) return reject(number, fmt::format("account '{}' is not valid UTF-8", printable(f[0])));
    if (std::any_of(f[0].begin(), f[0].end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
      return reject(number, fmt::format("account '{}' holds a control character", printable(f[0])));
    int month = parse_month(f[1]).value_or(-1);
    if (month < 0) return reject(number, fmt::format("bad month '{}' (expected YYYY-MM)", printable(f[1])));
    int product = dict_.product(f[2]);
    if (product < 0) {
      if (const std::string* why = dict_.unratable(f[2])) return reject(number, *why);
      return reject(number, fmt::format("unknown product '{}'", printable(f[2])));
    }
    int meter = dict_.meter(product, f[3]);
    if (meter < 0) return reject(number, fmt::format("unknown meter '{}' of product {}", printable(f[3]), f[2]));
    std::uint64_t quantity = 0;
    unsigned scale = 0;
    bool parsed = dict_.at(static_cast<std::size_t>(product)).meters[static_cast<std::size_t>(meter)].decimal
                      ? parse_decimal_quantity(f[4], dict_.units(), quantity, scale, reason_)
                      : parse_quantity(f[4], dict_.units(), quantity, reason_);
    if (!parsed) return reject(number, std::move(reason_));
    Pending& p = batch_[pending_++];
    p = {f[0],
         hash_text(f[0]),
         make_key(0, static_cast<std::uint64_t>(month), static_cast<std::uint64_t>(product),
                  static_cast<std::uint64_t>(meter)),
         quantity,
         number,
         scale};
    accounts_.prefetch(p.hash);
    if (pending_ == batch_size) flush();
  }
};

std::size_t checked(ssize_t n) {
  if (n < 0) throw RateError(fmt::format("cannot read the usage file: {}", std::strerror(errno)));
  return static_cast<std::size_t>(n);
}

}  // namespace

Chunk read_range(const Dictionary& dictionary, int fd, std::uint64_t begin, std::uint64_t end,
                 std::atomic<std::uint64_t>* progress) {
  Chunk chunk;
  {
    RowReader rows(dictionary, chunk);
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
    RowReader rows(dictionary, chunk);
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
