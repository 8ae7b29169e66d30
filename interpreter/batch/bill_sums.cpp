// Billing the merged sums of batch rating: one Settler per product, reused bill after bill, and a
// settlement listener that keeps each meter's detail line and what is left of held packs.
#include "interpreter/batch/bill_sums.hpp"

#include <fmt/format.h>

#include "interpreter/billing/settle.hpp"

namespace tariff::rate::detail {

namespace {

// The listener that turns a settled bill into the rating output's detail lines, one per meter the
// usage named (a meter summed to 0 still has its line), and carries what is left of each held pack
// to the account's next month. Grant and free quota share one column of the output.
class RatedLines : public SettlementListener {
 public:
  std::vector<Line> lines;
  std::vector<ChargeLine> charges;  // the bill's lines besides its meters', in the order heard
  std::vector<HeldPack>* held = nullptr;  // the account's packs, updated as they are drawn
  std::size_t failing = 0;                // the line of the meter being settled, if it fails

  void start(const Sum* b, const Sum* e) {
    lines.clear();
    charges.clear();
    first_lines_.clear();
    for (const Sum* s = b; s != e; ++s) {
      if (s->rows == 0) continue;  // a month billed for its purchases alone has no usage line
      lines.push_back(Line{key_meter(s->key), s->quantity(), {}, {}, {}, {}, {}, {}, {}, {}, {}});
      first_lines_.push_back(s->first_line);
    }
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
    l.flat = charge.flat;
    l.packages = charge.packages;
  }
  void pack_bought(const PurchaseLine& l) override { charges.push_back({l}); }
  void fee_bought(const FeeLine& l) override { charges.push_back({l}); }
  void recurring_charged(const RecurringLine& l) override { charges.push_back({l}); }
  void trued_up(const TrueUp& t) override { charges.push_back({t}); }
  void total(const Decimal& amount) override { total_ = amount; }
  void payable(const Payable& p) override { payable_ = p.total; }
  const Decimal& bill_total() const { return total_; }
  std::optional<Decimal> bill_payable() { return std::exchange(payable_, std::nullopt); }

  // The first usage line of the meter being settled, for a rejection: the group's first when it
  // has none.
  std::uint64_t failing_line() const { return first_lines_.at(failing < lines.size() ? failing : 0); }

 private:
  Decimal total_;
  std::vector<std::uint64_t> first_lines_;  // of each line's usage
  std::optional<Decimal> payable_;
  Line scratch_;  // for a meter settled for its held packs alone: no usage row, no output line
  Line& line() { return failing < lines.size() ? lines[failing] : scratch_; }
};

class Biller {
 public:
  Biller(const Dictionary& d, const PackIndex& packs, bool detail, const Accounts& accounts, Batch& out)
      : dict_(d), packs_(packs), detail_(detail), accounts_(accounts), out_(out) {
    for (std::size_t v = 0; v < d.version_count(); ++v) settlers_.emplace_back(d.version(v));
    if (accounts.books)
      for (std::size_t v = 0; v < d.version_count(); ++v) account_settlers_.emplace_back(d.version(v));
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
    std::size_t v = 0;
    try {
      v = dict_.in_force(p, row.month);  // once per bill: the version in force at its month
    } catch (const BillingError& err) {
      return reject(b->first_line, err.what(), rows);
    }
    row.product = &dict_.version(v);
    request_.usage.assign(row.product->meters.size(), Decimal());
    try {
      for (const Sum* s = b; s != e; ++s) request_.usage[key_meter(s->key)] = s->quantity();
      lines_.start(b, e);
    } catch (const DecimalError& err) {  // a decimal meter's sum beyond what a number holds
      return reject(b->first_line, fmt::format("{}: the quantities sum beyond what a number holds", row.product->id),
                    rows);
    }
    request_.states = row.product->rated_states;
    request_.buys.clear();
    lines_.start(b, e);
    if (accounts_.books) {
      if (!settle_over_time(row, b, rows, v)) return;
    } else {
      lines_.held = held_packs(static_cast<std::uint64_t>(row.account) << 8 | p);
      request_.held = lines_.held ? *lines_.held : std::vector<HeldPack>{};
      try {
        settlers_[v].settle(request_, lines_);
      } catch (const BillingError& err) {
        return reject(lines_.failing_line(), err.what(), rows);
      }
    }
    row.total = lines_.bill_total();
    row.payable = lines_.bill_payable();
    out_.rows_rated += rows;
    if (rows == 0) ++out_.bills_without_usage;
    if (detail_) {
      row.first_line = static_cast<std::uint32_t>(out_.lines.size());
      row.line_count = static_cast<std::uint32_t>(lines_.lines.size());
      out_.lines.insert(out_.lines.end(), lines_.lines.begin(), lines_.lines.end());
      row.first_charge = static_cast<std::uint32_t>(out_.charges.size());
      row.charge_count = static_cast<std::uint32_t>(lines_.charges.size());
      out_.charges.insert(out_.charges.end(), lines_.charges.begin(), lines_.charges.end());
    }
    out_.rows.push_back(std::move(row));
  }

 private:
  const Dictionary& dict_;
  const PackIndex& packs_;
  bool detail_;
  const Accounts& accounts_;
  Batch& out_;
  std::vector<Settler> settlers_;                 // per product version, reusing their buffers
  std::vector<AccountSettler> account_settlers_;  // over time, per product version
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
    out_.rejects.push_back({line, std::move(reason), rows, {}});
    out_.rows_rejected += rows;
  }

  AccountBook& book(std::uint64_t key) {
    auto given = accounts_.books->find(key);
    return given != accounts_.books->end() ? given->second : out_.books[key];
  }

  // The month settled against the account's book: its purchases bought, its states those the
  // states file gives it (else the product's rated states). False when it could not be billed:
  // its usage rows and purchases are rejected, and the book stays as it was.
  bool settle_over_time(Row& row, const Sum* b, std::uint64_t rows, std::size_t version) {
    std::size_t p = key_product(b->key);
    AccountBook& bk = book(book_key(row.account, p));
    auto buys = bk.buys.find(row.month);
    if (buys != bk.buys.end())
      for (const Purchase* purchase : buys->second) request_.buys.push_back(purchase->pack);
    if (bk.has_periods) request_.states = states_in(bk.periods, row.month);
    request_.held.clear();
    try {
      AccountMonth month = account_settlers_[version].settle(bk.ledger, row.month, request_, bk.periods, &lines_);
      record_month(bk, accounts_.names->at(row.account), *row.product, month);
      // An account the files did not name, whose month left nothing in its ledger, keeps no book.
      if (bk.ledger.entries.empty() && bk.flows.empty() && bk.alerts.empty())
        out_.books.erase(book_key(row.account, p));
      return true;
    } catch (const BillingError& err) {
      if (rows > 0) reject(lines_.failing_line(), err.what(), rows);
      if (buys != bk.buys.end())
        for (const Purchase* purchase : buys->second)
          out_.rejects.push_back({purchase->line, fmt::format("{} (the month's bill failed)", err.what()), 1,
                                  accounts_.data->purchases_file});
      return false;
    }
  }
};

}  // namespace

Batch bill_sums(const Dictionary& dictionary, const Sum* begin, const Sum* end, const PackIndex& packs, bool detail,
                const Accounts& accounts) {
  Batch out;
  Biller biller(dictionary, packs, detail, accounts, out);
  while (begin != end) {
    const Sum* group_end = begin;
    while (group_end != end && (group_end->key >> meter_bits) == (begin->key >> meter_bits)) ++group_end;
    biller.group(begin, group_end);
    begin = group_end;
  }
  return out;
}

}  // namespace tariff::rate::detail
