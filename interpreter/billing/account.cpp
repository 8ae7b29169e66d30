// An account's month against its ledger (account.hpp). Over 300 lines: the listeners that keep
// the ledger and the month's steps (expire, activate, settle, enter, check) read best together.
#include "interpreter/billing/account.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <tuple>

#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

// Hands each event to two listeners: the bill's assembler and the ledger's keeper (and a third,
// the caller's, when given).
class Both : public SettlementListener {
 public:
  Both(SettlementListener& a, SettlementListener& b, SettlementListener* c) : to_{&a, &b, c} {}
  void fee_bought(const FeeLine& l) override {
    each([&](auto& x) { x.fee_bought(l); });
  }
  void recurring_charged(const RecurringLine& l) override {
    each([&](auto& x) { x.recurring_charged(l); });
  }
  void pack_bought(const PurchaseLine& l) override {
    each([&](auto& x) { x.pack_bought(l); });
  }
  void meter_begins(MeterIndex m, const Decimal& u) override {
    each([&](auto& x) { x.meter_begins(m, u); });
  }
  void pack_drawn(MeterIndex m, const PackDraw& d) override {
    each([&](auto& x) { x.pack_drawn(m, d); });
  }
  void postpaid_charged(MeterIndex m, const Decimal& q, const PostpaidCharge& c) override {
    each([&](auto& x) { x.postpaid_charged(m, q, c); });
  }
  void step_done(MeterIndex m, SettlementStep s, const Decimal& t, const Decimal& l) override {
    each([&](auto& x) { x.step_done(m, s, t, l); });
  }
  void meter_ends(MeterIndex m) override {
    each([&](auto& x) { x.meter_ends(m); });
  }
  void trued_up(const TrueUp& t) override {
    each([&](auto& x) { x.trued_up(t); });
  }
  void total(const Decimal& a) override {
    each([&](auto& x) { x.total(a); });
  }
  void payable(const Payable& p) override {
    each([&](auto& x) { x.payable(p); });
  }
  void freeze(const Decimal& a) override {
    each([&](auto& x) { x.freeze(a); });
  }
  void alert(const std::string& t) override {
    each([&](auto& x) { x.alert(t); });
  }
  void pack_alert(const PackAlert& a) override {
    each([&](auto& x) { x.pack_alert(a); });
  }
  void notice(const std::string& t) override {
    each([&](auto& x) { x.notice(t); });
  }
  void note(const std::string& t) override {
    each([&](auto& x) { x.note(t); });
  }

 private:
  SettlementListener* to_[3];
  template <typename F>
  void each(F f) {
    for (auto* l : to_)
      if (l) f(*l);
  }
};

bool draws_from_ledger(const Meter& m, LedgerEntry::Kind kind) {
  return kind == LedgerEntry::Kind::grant || (m.free && m.free->period != "month");
}

// Takes `amount` from the entries of `kind` of a meter, earliest expiry first (the ledger's order).
void draw_balance(Ledger& ledger, MeterIndex meter, LedgerEntry::Kind kind, Decimal amount,
                  std::vector<LedgerDraw>& draws) {
  for (LedgerEntry& e : ledger.entries) {
    if (amount.is_zero()) return;
    if (e.meter != meter || e.kind != kind || e.remaining.is_zero()) continue;
    Decimal taken = std::min(amount, e.remaining);
    e.remaining -= taken;
    amount -= taken;
    draws.push_back({e, taken});
  }
  if (!amount.is_zero()) throw ConservationError(fmt::format("drew {} more than the ledger held", amount.to_string()));
}

// Keeps the ledger as the settlement draws from it: held packs in place, grants and free
// balances by meter; what each bought or included pack gave is kept for when it enters.
class LedgerKeeper : public SettlementListener {
 public:
  LedgerKeeper(const Product& p, Ledger& ledger, const std::vector<std::size_t>& held_entry, AccountMonth& out)
      : product_(p), ledger_(ledger), held_entry_(held_entry), out_(out) {}

  std::vector<NewPackDraw> new_packs;  // what the packs bought or included in the bill gave

  void pack_drawn(MeterIndex m, const PackDraw& d) override {
    if (d.source.kind != PackSource::Kind::held) {
      new_packs.push_back({d.source, m, d.drawn});
      return;
    }
    LedgerEntry& e = ledger_.entries.at(held_entry_.at(d.source.index));
    e.remaining -= d.drawn;
    if (!d.drawn.is_zero()) out_.draws.push_back({e, d.drawn});
  }
  void step_done(MeterIndex m, SettlementStep step, const Decimal& taken, const Decimal&) override {
    const Meter& meter = product_.meters[m];
    if (step == SettlementStep::packs) out_.flows[m].drawn += taken;
    if (step == SettlementStep::grant && meter.grant) {
      out_.flows[m].drawn += taken;
      draw_balance(ledger_, m, LedgerEntry::Kind::grant, taken, out_.draws);
    }
    if (step == SettlementStep::free && draws_from_ledger(meter, LedgerEntry::Kind::free)) {
      out_.flows[m].drawn += taken;
      draw_balance(ledger_, m, LedgerEntry::Kind::free, taken, out_.draws);
    }
  }
  void pack_alert(const PackAlert& a) override { out_.alerts.push_back(a); }

 private:
  const Product& product_;
  Ledger& ledger_;
  const std::vector<std::size_t>& held_entry_;
  AccountMonth& out_;
};

bool has(const std::vector<std::string>& states, const std::string& s) {
  return std::find(states.begin(), states.end(), s) != states.end();
}

std::optional<int> expiry(int bought, const std::optional<int>& valid_months) {
  if (!valid_months) return std::nullopt;
  return bought + *valid_months;
}

// What the `nth` pool entry of `source` for meter `m` gave (a fee may include several packs).
Decimal drawn_from(const std::vector<NewPackDraw>& draws, PackSource source, MeterIndex m, std::size_t nth) {
  for (const NewPackDraw& d : draws)
    if (d.source.kind == source.kind && d.source.index == source.index && d.meter == m && nth-- == 0) return d.drawn;
  return Decimal();
}

// A ledger's entry of a meter the version billing the month does not have yet: a later version
// adds it (a ledger read with packs bought after the month billed). Refused, never indexed.
void check_meters_priced(const Product& product, const Ledger& ledger, int month) {
  for (const LedgerEntry& e : ledger.entries) {
    if (!e.holds_calls() || e.meter < product.meters.size()) continue;
    const Product* later = product.next_version;
    while (later && later->meters.size() <= e.meter) later = later->next_version;
    if (!later) throw BillingError("internal", fmt::format("a ledger entry names meter {} of {}", e.meter, product.id));
    throw BillingError(
        "meter-added-later",
        fmt::format("the ledger holds {} of {}, but in {} {}", e.size.to_string(), later->meters[e.meter].id,
                    month_text(month), priced_from_text(later->meters[e.meter], *later->from)),
        "a ledger's packs of a meter are billed from the month its version is in force");
  }
}

}  // namespace

void sort_ledger(Ledger& ledger) {
  auto key = [](const LedgerEntry& e) {
    return std::make_tuple(e.meter, static_cast<int>(e.kind), e.expires.value_or(INT_MAX), e.bought.value_or(INT_MIN),
                           e.size, e.remaining, std::cref(e.origin));
  };
  std::stable_sort(ledger.entries.begin(), ledger.entries.end(),
                   [&](const LedgerEntry& a, const LedgerEntry& b) { return key(a) < key(b); });
}

void AccountSettler::expire(Ledger& ledger, int month, std::vector<LedgerEntry>& expired,
                            std::vector<LedgerFlow>& flows) const {
  auto& entries = ledger.entries;
  // A commitment period that ended with a shortfall stays until its last month is billed: it is
  // owed, not expired.
  auto gone = std::stable_partition(entries.begin(), entries.end(), [&](const LedgerEntry& e) {
    return !e.expired_by(month) || (!e.holds_calls() && !e.remaining.is_zero());
  });
  for (auto it = gone; it != entries.end(); ++it) {
    if (it->remaining.is_zero() || !it->holds_calls()) continue;
    flows.at(it->meter).expired += it->remaining;
    expired.push_back(*it);
  }
  entries.erase(gone, entries.end());
}

void AccountSettler::add(Ledger& ledger, LedgerEntry entry, AccountMonth& out) const {
  LedgerFlow& flow = out.flows.at(entry.meter);
  (entry.kind == LedgerEntry::Kind::pack       ? flow.bought
   : entry.kind == LedgerEntry::Kind::included ? flow.included
                                               : flow.granted) += entry.size;
  out.added.push_back(entry);
  ledger.entries.push_back(std::move(entry));
}

// What the month brings by itself: a grant in the first months of the state that activates it
// (once: the entry stays, used up, until it expires), and a free quota that does not renew each
// month — per year from January, per activity once.
void AccountSettler::activate(Ledger& ledger, int month, const BillRequest& request,
                              const std::vector<StatePeriod>& periods, AccountMonth& out) const {
  std::vector<std::string> states = request.states;  // and those a fee bought this month grants (a licence)
  for (const FeePurchase& f : request.fees)
    if (const Fee& fee = product_.fees.at(f.fee);
        fee.grants_state && !fee_units(product_.id, fee, f.quantities).is_zero())
      states.push_back(*fee.grants_state);
  auto holds = [&](MeterIndex m, LedgerEntry::Kind kind, std::optional<int> bought) {
    return std::any_of(ledger.entries.begin(), ledger.entries.end(), [&](const LedgerEntry& e) {
      return e.meter == m && e.kind == kind && (!bought || e.bought == bought);
    });
  };
  open_period(ledger, month, out);
  for (MeterIndex m = 0; m < product_.meters.size(); ++m) {
    const Meter& meter = product_.meters[m];
    if (const Grant* g = meter.grant ? &*meter.grant : nullptr; g && has(states, g->when_state)) {
      const StatePeriod* p = period_of(periods, g->when_state, month);
      if (p && month < p->from + g->valid_months && !holds(m, LedgerEntry::Kind::grant, p->from))
        add(ledger,
            {LedgerEntry::Kind::grant, m, g->quantity, g->quantity.to_string(), p->from, p->from + g->valid_months,
             g->quantity, g->when_state},
            out);
    }
    const auto& free = meter.free;
    if (!free || free->period == "month" || (free->lost_when && has(states, *free->lost_when))) continue;
    if (free->period == "year" && !holds(m, LedgerEntry::Kind::free, month - month % 12))
      add(ledger,
          {LedgerEntry::Kind::free, m, free->quantity, free->quantity.to_string(), month - month % 12,
           month - month % 12 + 12, free->quantity, free->period},
          out);
    else if (free->period != "year" && !holds(m, LedgerEntry::Kind::free, std::nullopt))
      add(ledger,
          {LedgerEntry::Kind::free, m, free->quantity, free->quantity.to_string(), month, std::nullopt, free->quantity,
           free->period},
          out);
  }
}

AccountMonth AccountSettler::settle(Ledger& ledger, int month, BillRequest request,
                                    const std::vector<StatePeriod>& periods, SettlementListener* listener) {
  AccountMonth out;
  out.month = month;
  out.flows.assign(product_.meters.size(), {});
  check_meters_priced(product_, ledger, month);
  if (!request.held.empty())
    throw BillingError("held-pack", "with a ledger, the packs an account holds are the ledger's",
                       "leave out the held packs, or bill without a ledger");
  // Dated periods say the days of the month each state covers, for the fees prorated by day.
  if (!request.days && !periods.empty()) request.days = month_days(periods, month);
  Ledger next = ledger;
  for (const LedgerEntry& e : next.entries)
    if (e.holds_calls()) out.flows.at(e.meter).opening += e.remaining;
  check_period_closed(next, month);
  expire(next, month, out.expired, out.flows);
  activate(next, month, request, periods, out);
  close_period(next, month, request);

  // The ledger's packs are the bill's held packs; its grants and free balances, the balances.
  std::vector<std::size_t> held_entry;
  request.grants_left.emplace();
  request.free_left.emplace();
  request.grant_age_months.reset();
  for (std::size_t i = 0; i < next.entries.size(); ++i) {
    const LedgerEntry& e = next.entries[i];
    if (!e.holds_calls()) continue;
    if (e.kind == LedgerEntry::Kind::pack || e.kind == LedgerEntry::Kind::included) {
      if (e.remaining.is_zero()) continue;
      request.held.push_back({e.meter, e.remaining, e.size, e.bought, e.expires});
      held_entry.push_back(i);
      continue;
    }
    auto& balances = e.kind == LedgerEntry::Kind::grant ? *request.grants_left : *request.free_left;
    auto b = std::find_if(balances.begin(), balances.end(), [&](const Balance& x) { return x.meter == e.meter; });
    if (b == balances.end()) b = balances.insert(balances.end(), Balance{e.meter, Decimal()});
    b->remaining += e.remaining;
  }

  BillAssembler assembler(product_, request);
  LedgerKeeper keeper(product_, next, held_entry, out);
  Both both(assembler, keeper, listener);
  settler_.settle(request, both);
  out.bill = assembler.take();
  count_towards_period(next, month, out.bill);
  enter_new_packs(next, month, request, keeper.new_packs, out);
  std::erase_if(next.entries, [](const LedgerEntry& e) {
    return e.remaining.is_zero() && (e.kind == LedgerEntry::Kind::pack || e.kind == LedgerEntry::Kind::included);
  });
  sort_ledger(next);
  check(next, out);
  ledger = std::move(next);
  return out;
}

// ---- the period of a minimum commitment (minimum 1200 USD per year, in a monthly product) -------
// The first bill with no period open opens one, a year of months from its own; every bill counts
// towards it; the bill of its last month closes it, trued up to the commitment less what the
// period's bills came to. The entry stays, at 0, until the period ends, so that the next bill
// opens the next period.

namespace {

LedgerEntry* commitment_period(Ledger& ledger) {
  for (LedgerEntry& e : ledger.entries)
    if (e.kind == LedgerEntry::Kind::commitment) return &e;
  return nullptr;
}

}  // namespace

// A period that ended with something left to bill was not closed: its last month was not billed.
void AccountSettler::check_period_closed(Ledger& ledger, int month) const {
  const LedgerEntry* c = commitment_period(ledger);
  if (!c || !c->expired_by(month) || c->remaining.is_zero()) return;
  throw BillingError("commitment-unclosed",
                     fmt::format("the commitment period {} … {} ended with {} {} left to bill, and its last month "
                                 "was not billed",
                                 month_text(*c->bought), month_text(*c->expires - 1), c->remaining.to_string(),
                                 product_.currency),
                     fmt::format("bill {} first: its bill trues the period up", month_text(*c->expires - 1)));
}

void AccountSettler::open_period(Ledger& ledger, int month, AccountMonth& out) const {
  const auto& c = product_.limits.commitment;
  if (!c || commitment_period(ledger)) return;
  LedgerEntry e{LedgerEntry::Kind::commitment, 0, c->amount, c->amount.to_string(), month, month + 12, c->amount,
                c->period};
  out.added.push_back(e);
  ledger.entries.push_back(std::move(e));
}

// The bill of the period's last month closes it: what the period's bills came to before it.
void AccountSettler::close_period(Ledger& ledger, int month, BillRequest& request) const {
  const LedgerEntry* c = commitment_period(ledger);
  if (!c) return;
  if (request.period_spent)
    throw BillingError("period-spent", "with a ledger, what the commitment period's bills came to is the ledger's",
                       "leave out the period's spending, or bill without a ledger");
  if (month + 1 == *c->expires) request.period_spent = c->size - c->remaining;
}

void AccountSettler::count_towards_period(Ledger& ledger, int month, const Bill& bill) const {
  LedgerEntry* c = commitment_period(ledger);
  if (!c) return;
  Decimal billed = bill.total;  // before the commitment's own true-up
  for (const TrueUp& t : bill.true_ups)
    if (t.kind == TrueUp::Kind::commitment) billed -= t.amount;
  c->remaining = month + 1 == *c->expires || billed >= c->remaining ? Decimal() : c->remaining - billed;
}

// The packs the bill bought, and those that came with the fees it bought, enter the ledger one
// by one (a ledger row is one pack), less what the bill drew from them, first packs first.
void AccountSettler::enter_new_packs(Ledger& ledger, int month, const BillRequest& request,
                                     const std::vector<NewPackDraw>& draws, AccountMonth& out) const {
  auto enter = [&](LedgerEntry::Kind kind, MeterIndex m, const Pack& like, const Decimal& count,
                   std::optional<int> valid, const std::string& origin, Decimal drawn) {
    if (!count.is_integer() || count > Decimal(max_ledger_packs))
      throw BillingError(
          "pack-count",
          fmt::format("{}: {} packs of {} cannot be kept in a ledger, which holds at most {} from one "
                      "purchase, pack by pack",
                      meter_label(product_, product_.meters[m]), count.to_string(), like.size_text, max_ledger_packs));
    // A ledger's months are written YYYY-MM: a pack expiring after 9999-12 could not be.
    if (auto e = expiry(month, valid); e && *e > 9999 * 12 + 11)
      throw BillingError("bad-month", fmt::format("{}: a {} pack bought in {} would expire after 9999-12",
                                                  meter_label(product_, product_.meters[m]), like.size_text,
                                                  month_text(month)));
    for (auto k = *count.to_int64(); k > 0; --k) {
      add(ledger, {kind, m, like.size, like.size_text, month, expiry(month, valid), like.size, origin}, out);
      LedgerEntry& e = ledger.entries.back();
      Decimal taken = std::min(drawn, e.remaining);
      drawn -= taken;
      e.remaining -= taken;
      if (!taken.is_zero()) out.draws.push_back({e, taken});
    }
  };
  for (std::size_t i = 0; i < request.buys.size(); ++i) {
    const PackPurchase& b = request.buys[i];
    const Pack& pack = product_.meters.at(b.meter).packs.at(b.pack);
    enter(LedgerEntry::Kind::pack, b.meter, pack, b.count, pack.terms ? pack.terms->valid_months : std::nullopt, "",
          drawn_from(draws, {PackSource::Kind::bought, i}, b.meter, 0));
  }
  for (std::size_t i = 0; i < request.fees.size(); ++i) {
    const Fee& fee = product_.fees.at(request.fees[i].fee);
    Decimal units = fee_units(product_.id, fee, request.fees[i].quantities);
    std::vector<std::size_t> nth(product_.meters.size(), 0);
    for (const IncludedPack& inc : fee.includes)
      enter(LedgerEntry::Kind::included, inc.meter, Pack{inc.size, {}, inc.size_text, nullptr}, units, inc.valid_months,
            fee.id, drawn_from(draws, {PackSource::Kind::included, i}, inc.meter, nth[inc.meter]++));
  }
}

// opening + bought + included + granted = drawn + expired + closing, for every meter.
void AccountSettler::check(const Ledger& ledger, AccountMonth& out) const {
  for (const LedgerEntry& e : ledger.entries)
    if (e.holds_calls()) out.flows.at(e.meter).closing += e.remaining;
  for (MeterIndex m = 0; m < out.flows.size(); ++m) {
    const LedgerFlow& f = out.flows[m];
    if (!f.conserved())
      throw ConservationError(fmt::format(
          "{} {}, {}: the ledger does not balance: opening {} + bought {} + included {} + granted {} != drawn {} + "
          "expired {} + closing {}",
          product_.id, product_.meters[m].id, month_text(out.month), f.opening.to_string(), f.bought.to_string(),
          f.included.to_string(), f.granted.to_string(), f.drawn.to_string(), f.expired.to_string(),
          f.closing.to_string()));
  }
}

}  // namespace tariff
