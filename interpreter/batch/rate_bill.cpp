// Billing the merged sums of batch rating, and reading the held-packs file.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <utility>

#include "interpreter/language/literal.hpp"
#include "interpreter/base/utf8.hpp"

#include "interpreter/batch/rate_read.hpp"

namespace tariff::rate::detail {

namespace {

// One meter of an account that holds no packs: the engine's settlement without building a Bill
// (the hot path). Grant and free quota are reported together, as the rating output has one column.
Line settle(const Product& product, MeterIndex index, const Decimal& usage, const std::vector<std::string>& states) {
  Line line;
  line.meter = index;
  line.usage = usage;
  if (usage.is_zero()) return line;
  MeterSettlement s = settle_meter(product, product.meters[index], usage, states, nullptr, true);
  line.free = s.free + s.grant;
  line.postpaid = s.postpaid;
  line.band = s.charge.band;
  line.unit_price = s.charge.unit_price;
  line.amount = s.charge.amount;
  line.crossed = std::move(s.charge.crossed);
  return line;
}

class Biller {
 public:
  Biller(const Dictionary& d, const PackIndex& packs, bool detail, Batch& out)
      : dict_(d), packs_(packs), detail_(detail), out_(out) {
    // A rated account is in the states its product's rules give (rated accounts are ...).
    for (std::size_t p = 0; p < d.size(); ++p) states_.push_back(d.at(p).rated_states);
  }

  // Sums [b, e) of one account, month and product.
  void group(const Sum* b, const Sum* e) {
    std::uint64_t rows = 0;
    for (const Sum* s = b; s != e; ++s) rows += s->rows;
    const Sum* failed = b;
    lines_.clear();
    Row row;
    row.account = key_account(b->key);
    row.month = key_month(b->key);
    row.product = &dict_.at(key_product(b->key));
    try {
      auto held = packs_.find(static_cast<std::uint64_t>(row.account) << 8 | key_product(b->key));
      if (held == packs_.end()) {
        for (const Sum* s = b; s != e; ++s) {
          failed = s;
          lines_.push_back(settle(*row.product, key_meter(s->key), s->quantity(), states_[key_product(b->key)]));
          row.total += lines_.back().amount;
        }
      } else {
        row.total = with_packs(*row.product, b, e, held->first, held->second);
      }
    } catch (const BillingError& err) {
      return reject(failed->first_line, err.what(), rows);
    } catch (const DecimalError& err) {
      return reject(failed->first_line, fmt::format("{}: {}", row.product->id, err.what()), rows);
    }
    out_.rows_rated += rows;
    if (detail_) {
      row.first_line = static_cast<std::uint32_t>(out_.lines.size());
      row.line_count = static_cast<std::uint32_t>(lines_.size());
      out_.lines.insert(out_.lines.end(), lines_.begin(), lines_.end());
    }
    out_.rows.push_back(std::move(row));
  }

 private:
  const Dictionary& dict_;
  const PackIndex& packs_;
  bool detail_;
  Batch& out_;
  std::vector<Line> lines_;
  std::vector<std::vector<std::string>> states_;                   // per product
  std::unordered_map<std::uint64_t, std::vector<HeldPack>> left_;  // packs left after the months billed

  void reject(std::uint64_t line, std::string reason, std::uint64_t rows) {
    out_.rejects.push_back({line, std::move(reason), rows});
    out_.rows_rejected += rows;
  }

  // The full engine, for an account that holds packs; what is left of them carries to its next month.
  Decimal with_packs(const Product& product, const Sum* b, const Sum* e, std::uint64_t key,
                     const std::vector<HeldPack>& initial) {
    auto [at, fresh] = left_.try_emplace(key, initial);
    std::vector<HeldPack>& held = at->second;
    BillRequest request;
    request.usage.resize(product.meters.size());
    for (const Sum* s = b; s != e; ++s) request.usage[key_meter(s->key)] = s->quantity();
    request.held = held;
    request.states = states_[key_product(b->key)];
    Bill result = bill(product, request);
    for (const Sum* s = b; s != e; ++s) {
      Line line;
      line.meter = key_meter(s->key);
      line.usage = s->quantity();
      for (const BillLine& l : result.lines) {
        if (l.meter != line.meter) continue;
        line.free = l.free;
        for (const PackDraw& draw : l.packs) line.packs += draw.drawn;
        line.postpaid = l.postpaid;
        line.band = l.charge.band;
        line.unit_price = l.charge.unit_price;
        line.amount = l.charge.amount;
        line.crossed = l.charge.crossed;
      }
      lines_.push_back(std::move(line));
    }
    // A meter's pool lists its held packs first, in the order they were given.
    for (const BillLine& l : result.lines) {
      std::size_t j = 0;
      for (HeldPack& h : held)
        if (h.meter == l.meter && j < l.packs.size()) h.remaining = l.packs[j++].remaining();
    }
    return result.total;
  }
};

}  // namespace

Batch bill_sums(const Dictionary& dictionary, const Sum* begin, const Sum* end, const PackIndex& packs, bool detail) {
  Batch out;
  Biller biller(dictionary, packs, detail, out);
  while (begin != end) {
    const Sum* group_end = begin;
    while (group_end != end && (group_end->key >> meter_bits) == (begin->key >> meter_bits)) ++group_end;
    biller.group(begin, group_end);
    begin = group_end;
  }
  return out;
}

}  // namespace tariff::rate::detail

namespace tariff::rate {

namespace {

// One line of a packs file after its header.
void read_pack_line(const RuleSet& rules, std::string_view text, std::vector<std::string>& f, HeldPacks& packs,
                    const std::function<RateError(const std::string&)>& fail) {
  if (!detail::split_csv(text, f) || f.size() != 4) throw fail("expected 4 columns: account,product,meter,remaining");
  if (f[0].empty() || !is_valid_utf8(f[0])) throw fail(fmt::format("bad account '{}'", printable(f[0])));
  const Product* product = rules.catalog.find(f[1]);
  if (!product) throw fail(fmt::format("unknown product '{}'", printable(f[1])));
  auto meter = product->find_meter(f[2]);
  if (!meter) throw fail(fmt::format("unknown meter '{}' of product {}", printable(f[2]), f[1]));
  const auto& order = product->settlement;
  if (std::find(order.begin(), order.end(), SettlementStep::packs) == order.end())
    throw fail(fmt::format("product {} settles no packs: a held pack could never be drawn", f[1]));
  bool sold = !product->meters[*meter].packs.empty();
  for (const Fee& fee : product->fees)
    for (const IncludedPack& inc : fee.includes) sold = sold || inc.meter == *meter;
  if (!sold) throw fail(fmt::format("no packs are sold for {} {}", f[1], product->meters[*meter].id));
  LiteralValue remaining = parse_quantity_text(f[3], rules.prelude.units);
  if (!remaining.value || !remaining.value->is_integer())
    throw fail(fmt::format("bad remaining calls '{}': a whole number of calls, like 300万", printable(f[3])));
  packs.entries.push_back({f[0], product, HeldPack{*meter, *remaining.value, std::nullopt}});
}

}  // namespace

HeldPacks read_packs(const RuleSet& rules, const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw RateError(fmt::format("cannot open the packs file {}: {}", path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  HeldPacks packs;
  std::vector<std::string> f;
  std::uint64_t number = 0;
  auto fail = [&](const std::string& why) { return RateError(fmt::format("{}:{}: {}", path, number, why)); };
  auto on_line = [&](std::string_view text) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (number == 1) {
      if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      if (text != "account,product,meter,remaining")
        throw fail(fmt::format("the header must be 'account,product,meter,remaining', not '{}'", printable(text)));
    } else if (!text.empty()) {
      read_pack_line(rules, text, f, packs, fail);
    }
  };
  auto fill = [&](char* to, std::size_t room) -> std::size_t {
    for (;;) {
      ssize_t n = ::read(fd, to, room);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw RateError(fmt::format("cannot read the packs file {}: {}", path, std::strerror(errno)));
      return static_cast<std::size_t>(n);
    }
  };
  auto on_long_line = [&] {
    ++number;
    throw fail(fmt::format("line longer than {} bytes", max_line_bytes));
  };
  detail::for_each_line(fill, on_line, on_long_line, [] {}, nullptr);
  if (number == 0) throw RateError(fmt::format("{}: the packs file is empty: expected the header 'account,product,meter,remaining'", path));
  return packs;
}

}  // namespace tariff::rate
