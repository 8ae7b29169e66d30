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

// The listener that turns a settled bill into the rating output's detail lines, one per meter the
// usage named (a meter summed to 0 still has its line), and carries what is left of each held pack
// to the account's next month. Grant and free quota share one column of the output.
class RatedLines : public SettlementListener {
 public:
  std::vector<Line> lines;
  std::vector<HeldPack>* held = nullptr;  // the account's packs, updated as they are drawn
  std::size_t failing = 0;                // the line of the meter being settled, if it fails

  void start(const Sum* b, const Sum* e) {
    lines.clear();
    for (const Sum* s = b; s != e; ++s) lines.push_back(Line{key_meter(s->key), s->quantity(), {}, {}, {}, {}, {}, {}, {}});
    failing = 0;
  }
  void meter_begins(MeterIndex meter, const Decimal&) override {
    for (failing = 0; failing < lines.size() && lines[failing].meter != meter; ++failing) {
    }
  }
  void step_done(MeterIndex, SettlementStep step, const Decimal& taken, const Decimal&) override {
    if (step == SettlementStep::free || step == SettlementStep::grant) line().free += taken;
  }
  void pack_drawn(MeterIndex, const PackDraw& draw) override {
    line().packs += draw.drawn;
    if (draw.source.kind == PackSource::Kind::held && held) (*held)[draw.source.index].remaining = draw.remaining();
  }
  void postpaid_charged(MeterIndex, const Decimal& quantity, const PostpaidCharge& charge) override {
    Line& l = line();
    l.postpaid = quantity;
    l.band = charge.band;
    l.unit_price = charge.unit_price;
    l.amount = charge.amount;
    l.crossed = charge.crossed;
  }
  void total(const Decimal& amount) override { total_ = amount; }
  const Decimal& bill_total() const { return total_; }

  // The usage row of the meter being settled, for a rejection: the first when it has none.
  std::size_t failing_row() const { return failing < lines.size() ? failing : 0; }

 private:
  Decimal total_;
  Line scratch_;  // for a meter settled for its held packs alone: no usage row, no output line
  Line& line() { return failing < lines.size() ? lines[failing] : scratch_; }
};

class Biller {
 public:
  Biller(const Dictionary& d, const PackIndex& packs, bool detail, Batch& out)
      : dict_(d), packs_(packs), detail_(detail), out_(out) {
    for (std::size_t p = 0; p < d.size(); ++p) settlers_.emplace_back(d.at(p));
  }

  // Sums [b, e) of one account, month and product, settled by the engine: a rated account is in
  // the states its product's rules give (rated accounts are ...), and holds the packs the packs
  // file gave it, as its earlier months in this run left them.
  void group(const Sum* b, const Sum* e) {
    std::uint64_t rows = 0;
    for (const Sum* s = b; s != e; ++s) rows += s->rows;
    std::size_t p = key_product(b->key);
    Row row;
    row.account = key_account(b->key);
    row.month = key_month(b->key);
    row.product = &dict_.at(p);
    request_.usage.assign(row.product->meters.size(), Decimal());
    for (const Sum* s = b; s != e; ++s) request_.usage[key_meter(s->key)] = s->quantity();
    request_.states = row.product->rated_states;
    lines_.start(b, e);
    lines_.held = held_packs(static_cast<std::uint64_t>(row.account) << 8 | p);
    request_.held = lines_.held ? *lines_.held : std::vector<HeldPack>{};
    try {
      settlers_[p].settle(request_, lines_);
    } catch (const BillingError& err) {
      return reject(b[lines_.failing_row()].first_line, err.what(), rows);
    }
    row.total = lines_.bill_total();
    out_.rows_rated += rows;
    if (detail_) {
      row.first_line = static_cast<std::uint32_t>(out_.lines.size());
      row.line_count = static_cast<std::uint32_t>(lines_.lines.size());
      out_.lines.insert(out_.lines.end(), lines_.lines.begin(), lines_.lines.end());
    }
    out_.rows.push_back(std::move(row));
  }

 private:
  const Dictionary& dict_;
  const PackIndex& packs_;
  bool detail_;
  Batch& out_;
  std::vector<Settler> settlers_;  // per product, reusing their buffers
  BillRequest request_;
  RatedLines lines_;
  std::unordered_map<std::uint64_t, std::vector<HeldPack>> left_;  // packs left after the months billed

  // The packs an account holds for a product, as its earlier months left them; null for none.
  std::vector<HeldPack>* held_packs(std::uint64_t key) {
    auto given = packs_.find(key);
    if (given == packs_.end()) return nullptr;
    return &left_.try_emplace(key, given->second).first->second;
  }

  void reject(std::uint64_t line, std::string reason, std::uint64_t rows) {
    out_.rejects.push_back({line, std::move(reason), rows});
    out_.rows_rejected += rows;
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
