#include "interpreter/batch/rate_read.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include "interpreter/language/literal.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff::rate::detail {

namespace {

// ---- hashing ------------------------------------------------------------------------------

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

// A seed chosen at start-up: accounts are untrusted text, and with a fixed hash a file of names
// built to collide puts every account on one probe chain (found by red-teaming: 80,000 such names
// took 16 s instead of 0.2 s). The output is sorted, so it does not depend on the seed.
const std::uint64_t hash_seed = [] {
  std::random_device entropy;
  return (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy();
}();

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = mix(hash_seed ^ 0x9e3779b97f4a7c15ULL ^ s.size());
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return mix((h ^ tail) * 0x94d049bb133111ebULL);
}

}  // namespace

// ---- names --------------------------------------------------------------------------------

Dictionary::Dictionary(const RuleSet& rules) : units_(&rules.prelude.units) {
  // Sorted by id, so that a product's index is its place in the output order. A product that does
  // not fit a key is left out, and its rows are rejected (not the whole run): more than 255
  // meters, or past the 127th product.
  std::vector<const Product*> all;
  for (const auto& p : rules.catalog.products) all.push_back(p.get());
  std::sort(all.begin(), all.end(), [](const Product* a, const Product* b) { return a->id < b->id; });
  for (const Product* p : all) {
    if (p->meters.size() >= (1U << meter_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} has {} meters, more than batch rating can key ({})", p->id,
                                                 p->meters.size(), (1U << meter_bits) - 1));
    else if (products_.size() + 1 >= (1U << product_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} is past the {} products batch rating can key", p->id,
                                                 (1U << product_bits) - 1));
    else
      products_.push_back(p);
  }
  std::size_t count = 0;
  for (const Product* p : products_) count += p->meter_names.size() + p->meters.size();
  std::size_t size = 64;
  while (size < 4 * count) size *= 2;
  names_.resize(size);
  for (std::size_t i = 0; i < products_.size(); ++i) {
    const Product& p = *products_[i];
    for (const auto& [name, index] : p.meter_names) add_name(static_cast<int>(i), name, static_cast<int>(index));
    for (std::size_t m = 0; m < p.meters.size(); ++m)
      add_name(static_cast<int>(i), p.meters[m].id, static_cast<int>(m));
  }
}

void Dictionary::add_name(int product, const std::string& text, int meter) {
  std::uint64_t h = hash_text(text) + static_cast<std::uint64_t>(product);
  std::size_t mask = names_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Name& n = names_[i];
    if (n.product == product && n.text == text) return;  // an id that is also a name
    if (n.product < 0) {
      n = {h, product, meter, text};
      return;
    }
  }
}

int Dictionary::product(std::string_view id) const {
  for (std::size_t i = 0; i < products_.size(); ++i)
    if (products_[i]->id == id) return static_cast<int>(i);
  return -1;
}

const std::string* Dictionary::unratable(std::string_view id) const {
  for (const auto& [product, why] : unratable_)
    if (product == id) return &why;
  return nullptr;
}

int Dictionary::meter(int product, std::string_view name) const {
  std::uint64_t h = hash_text(name) + static_cast<std::uint64_t>(product);
  std::size_t mask = names_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Name& n = names_[i];
    if (n.product < 0) return -1;
    if (n.hash == h && n.product == product && n.text == name) return n.meter;
  }
}

void Sum::merge(const Sum& other) {
  add(other.low);
  high += other.high;
  first_line = std::min(first_line, other.first_line);
  rows += other.rows;
}

Decimal Sum::quantity() const {
  if (high == 0 && low <= static_cast<std::uint64_t>(INT64_MAX)) return Decimal(static_cast<long long>(low));
  // The coefficient is signed: 2^63 carries (a sum of 2^127) would not fit. No file gets there.
  if (high > static_cast<std::uint64_t>(INT64_MAX)) throw DecimalError("decimal overflow in addition");
  return Decimal::from_parts(static_cast<Decimal::Coefficient>(high) << 64 | low, 0);
}

void check_header(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  if (line != "account,month,product,meter,quantity")
    throw RateError(fmt::format("line 1: the header must be 'account,month,product,meter,quantity', not '{}'",
                                printable(line)));
}

namespace {

// Open addressing, linear probing, power-of-two size, load at most 1/2. Slots hold the entries
// themselves so that a lookup costs one cache miss.
class SumTable {
 public:
  SumTable() : slots_(1U << 12) {}

  // Starts loading the slot where `key` would be (an entry may straddle two cache lines).
  void prefetch(std::uint64_t key) const {
    const Sum* at = &slots_[mix(key) & (slots_.size() - 1)];
    __builtin_prefetch(at);
    __builtin_prefetch(reinterpret_cast<const char*>(at) + sizeof(Sum) - 1);
  }

  Sum& find_or_add(std::uint64_t key, std::uint64_t line) {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      Sum& s = slots_[i];
      if (s.rows != 0 && s.key == key) return s;
      if (s.rows == 0) {
        if (2 * (size_ + 1) > slots_.size()) {
          grow();
          return find_or_add(key, line);
        }
        ++size_;
        s.key = key;
        s.first_line = line;
        return s;
      }
    }
  }

  std::vector<Sum> take() {
    std::vector<Sum> out;
    out.reserve(size_);
    for (const Sum& s : slots_)
      if (s.rows != 0) out.push_back(s);
    return out;
  }

 private:
  std::vector<Sum> slots_;  // rows == 0: empty (every stored sum has counted its first row)
  std::size_t size_ = 0;

  void grow() {
    std::vector<Sum> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Sum& s : old) {
      if (s.rows == 0) continue;
      std::size_t i = mix(s.key) & mask;
      while (slots_[i].rows != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

// Account text -> the chunk's account id. Short names (most) are kept in the slot itself, so that
// a lookup touches one cache line.
class Accounts {
 public:
  explicit Accounts(std::vector<std::string>& names) : names_(names), slots_(1U << 12) {}

  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  std::uint32_t id(std::string_view name, std::uint64_t h) {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.id == empty) {
        if (2 * (names_.size() + 1) > slots_.size()) {
          grow();
          return id(name, h);
        }
        if (names_.size() >= empty - 1) throw RateError("more than 4 billion accounts in one chunk: use more --jobs");
        s.hash = h;
        s.id = static_cast<std::uint32_t>(names_.size());
        s.size = static_cast<std::uint32_t>(name.size());
        if (name.size() <= sizeof s.text) std::memcpy(s.text, name.data(), name.size());
        names_.emplace_back(name);
        return s.id;
      }
      if (s.hash == h && s.size == name.size() &&
          (name.size() <= sizeof s.text ? std::memcmp(s.text, name.data(), name.size()) == 0 : names_[s.id] == name))
        return s.id;
    }
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = empty, size = 0;
    char text[16] = {};
  };
  std::vector<std::string>& names_;
  std::vector<Slot> slots_;

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == empty) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].id != empty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

// ---- fields -------------------------------------------------------------------------------

// Plain digits (the common case) without a Decimal; anything else through the one quantity
// syntax (interpreter/literal.hpp), so that 35万 and 1_000 mean what they mean on the command
// line, and "+5", "-0" and "1,000" are refused as they are there. On failure `reason` says why.
bool parse_quantity(std::string_view s, const Units& units, std::uint64_t& out, std::string& reason) {
  if (!s.empty() && s.size() <= 18) {
    std::uint64_t v = 0;
    std::size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (i == s.size()) {
      out = v;
      return true;
    }
  }
  LiteralValue v = parse_quantity_text(s, units);
  if (!v.value)
    reason = v.message;
  else if (!v.value->is_integer())
    reason = fmt::format("quantity '{}' is not a whole number", printable(s));
  else if (auto whole = v.value->to_int64(); !whole)
    reason = fmt::format("quantity '{}' is too large", printable(s));
  else {
    out = static_cast<std::uint64_t>(*whole);
    return true;
  }
  return false;
}

}  // namespace

bool split_csv(std::string_view line, std::vector<std::string>& fields) {
  fields.assign(1, std::string());
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"')
        fields.back() += c;
      else if (i + 1 < line.size() && line[i + 1] == '"')
        fields.back() += line[++i];
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return !quoted;
}

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
      s.add(batch_[i].quantity);
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
    Spill& s = chunk_.spill;
    if (!s.file) s.file.reset(std::tmpfile());
    if (!s.file)
      throw RateError(fmt::format("cannot create a temporary file for rejected rows: {}", std::strerror(errno)));
    for (const Reject& r : chunk_.rejects) {
      std::uint64_t head[3] = {r.line, r.rows, r.reason.size()};
      if (std::fwrite(head, sizeof head, 1, s.file.get()) != 1 ||
          std::fwrite(r.reason.data(), 1, r.reason.size(), s.file.get()) != r.reason.size())
        throw RateError("cannot write rejected rows to a temporary file");
    }
    s.count += chunk_.rejects.size();
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
    if (!parse_quantity(f[4], dict_.units(), quantity, reason_)) return reject(number, std::move(reason_));
    Pending& p = batch_[pending_++];
    p = {f[0], hash_text(f[0]),
         make_key(0, static_cast<std::uint64_t>(month), static_cast<std::uint64_t>(product),
                  static_cast<std::uint64_t>(meter)),
         quantity, number};
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
