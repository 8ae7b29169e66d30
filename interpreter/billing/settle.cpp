// The settlement: a bill's meters settled in the product's order, each step reported to a
// listener. Over 300 lines: the steps, the packs' pools and the bill's end are one loop's parts.
#include "interpreter/billing/settle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

namespace tariff {

namespace {

const Decimal no_usage;

Decimal take(Decimal& left, const Decimal& available) {
  Decimal taken = std::min(left, available);
  left -= taken;
  return taken;
}

// "pack 5000万", "held pack 5000万", or "held pack" when its size is not known.
std::string pack_name(const PackDraw& d) {
  if (d.bought()) return "pack " + d.size_text;
  return d.capacity ? "held pack " + d.size_text : "held pack";
}

}  // namespace

Settler::Settler(const Product& product) : product_(product), pools_(product.meters.size()) {}

bool Settler::has_state(const std::string& state) const {
  const auto& given = request_->states;
  return std::find(given.begin(), given.end(), state) != given.end() ||
         std::find(granted_.begin(), granted_.end(), state) != granted_.end();
}

void Settler::settle(const BillRequest& request, SettlementListener& listener) {
  request_ = &request;
  for (auto& pool : pools_) pool.clear();
  granted_.clear();
  total_ = Decimal();
  payable_ = Decimal();
  grant_expiry_noted_ = false;
  try {
    buy_fees(listener);
    charge_recurring(listener);
    stock_packs(listener);
    for (MeterIndex m = 0; m < product_.meters.size(); ++m) settle_meter(m, listener);
    finish(listener);
  } catch (const DecimalError& e) {
    throw BillingError("overflow", fmt::format("{}: {}", product_.id, e.what()));
  }
}

void Settler::charge(const Decimal& amount) {
  total_ += amount;
  if (product_.payable && product_.payable->per_line) payable_ += product_.payable->round(amount);
}

// The days of the month a state covers: those the request's dated periods give it, else all of
// the month or none as the state holds or not.
std::uint32_t Settler::state_days(const std::string& state, std::uint32_t month) const {
  if (request_->days)
    for (const StateDays& d : request_->days->states)
      if (d.state == state) return d.days;
  return has_state(state) ? month : 0;
}

// Every bill includes the product's recurring fees, for the accounts in the states they name; a
// fee prorated by day, for the days of the month in (or out of) its state, when they are known.
void Settler::charge_recurring(SettlementListener& listener) {
  for (std::size_t i = 0; i < product_.recurring.size(); ++i) {
    const RecurringFee& fee = product_.recurring[i];
    if (fee.prorated && request_->days) {
      int length = request_->days->length;
      std::uint32_t month = length >= 32 ? ~0U : (1U << length) - 1;
      std::uint32_t days = fee.when_state ? state_days(*fee.when_state, month) : month;
      if (fee.unless_state) days &= ~state_days(*fee.unless_state, month);
      int count = std::popcount(days & month);
      if (count == 0) continue;
      RecurringLine line{i, prorate(fee.amount, count, length, *fee.prorated), count, length};
      if (count == length) line.days = line.of = 0;  // the whole month: nothing was prorated
      charge(line.amount);
      listener.recurring_charged(line);
      continue;
    }
    if ((fee.when_state && !has_state(*fee.when_state)) || (fee.unless_state && has_state(*fee.unless_state))) continue;
    charge(fee.amount);
    listener.recurring_charged({i, fee.amount});
  }
}

// Fees come first: a licence bought this month grants the state that packs and postpaid require,
// and brings its included packs into the pools. A licence bought in the same bill lets the
// upgrades it enables be bought too, whatever the order the purchases are listed in.
void Settler::buy_fees(SettlementListener& listener) {
  for (const auto& purchase : request_->fees) {
    const Fee& fee = product_.fees.at(purchase.fee);
    bool bought = !fee_units(product_.id, fee, purchase.quantities).is_zero();  // a licence for 0 activities licenses nothing
    if (bought && fee.grants_state && !has_state(*fee.grants_state)) granted_.push_back(*fee.grants_state);
  }
  for (std::size_t i = 0; i < request_->fees.size(); ++i) {
    const FeePurchase& purchase = request_->fees[i];
    const Fee& fee = product_.fees.at(purchase.fee);
    if (fee.requires_state && !has_state(*fee.requires_state))
      throw BillingError("fee-requires-state", fmt::format("{} {}: only {} accounts may buy it", product_.id,
                                                           fee.display_name(), *fee.requires_state));
    FeeLine line{purchase.fee, purchase.quantities, fee_amount(product_.id, fee, purchase.quantities)};
    charge(line.amount);
    listener.fee_bought(line);
    include_packs(i, fee, fee_units(product_.id, fee, purchase.quantities));
  }
}

void Settler::include_packs(std::size_t purchase, const Fee& fee, const Decimal& units) {
  for (const auto& inc : fee.includes) {
    Decimal capacity = inc.size * units;
    pools_[inc.meter].push_back({{PackSource::Kind::included, purchase},
                                 fmt::format("{} ({})", inc.size_text, fee.display_name()),
                                 capacity,
                                 capacity,
                                 {}});
  }
}

void Settler::check_pack_state(const Meter& m, const Pack& pack) const {
  if (pack.terms && pack.terms->requires_state && !has_state(*pack.terms->requires_state))
    throw BillingError("pack-requires-state", fmt::format("{}: packs are sold to and used by {} accounts only",
                                                          meter_label(product_, m), *pack.terms->requires_state));
}

// A held pack must be one the account could have: drawn by the settlement order, of a size that
// is sold (or included with a fee) for its meter, with no more left than it held. Anything else
// would be drawn silently, or silently ignored. A pack of a ledger (bought known) was checked
// against the version it was bought under: the version in force may sell other sizes, and it is
// drawn all the same.
void Settler::check_held(const Meter& m, const HeldPack& h) const {
  require_whole(product_, m, h.remaining, "a held pack's remaining calls");
  // Bought before the meter retired, under a version that sold it: held until it expires, never
  // drawn (a retired meter takes no usage), whatever the version in force sells.
  if (m.retired()) return;
  const auto& order = product_.settlement;
  if (std::find(order.begin(), order.end(), SettlementStep::packs) == order.end())
    throw BillingError("held-pack", fmt::format("{}: the product settles no packs, so a held pack cannot be drawn",
                                                meter_label(product_, m)));
  std::vector<Decimal> sizes;
  for (const Pack& p : m.packs) sizes.push_back(p.size);
  for (const Fee& fee : product_.fees)
    for (const IncludedPack& inc : fee.includes)
      if (&product_.meters[inc.meter] == &m) sizes.push_back(inc.size);
  if (sizes.empty() && !h.bought)
    throw BillingError("held-pack", fmt::format("{}: no packs are sold for this meter", meter_label(product_, m)));
  if (!h.size) return;
  require_whole(product_, m, *h.size, "a held pack's size");
  if (!h.bought && std::find(sizes.begin(), sizes.end(), *h.size) == sizes.end())
    throw BillingError("held-pack", fmt::format("{}: no {} pack is sold for this meter", meter_label(product_, m),
                                                h.size->to_string()));
  if (h.remaining > *h.size)
    throw BillingError("held-pack", fmt::format("{}: a held pack of {} cannot have {} calls left",
                                                meter_label(product_, m), h.size->to_string(),
                                                h.remaining.to_string()));
}

// The name a pack of `size` has in the product's tables (5000万), or its plain size.
std::string Settler::size_name(const Meter& m, const std::optional<Decimal>& size) const {
  if (!size) return "held";
  for (const Pack& p : m.packs)
    if (p.size == *size) return p.size_text;
  for (const Fee& fee : product_.fees)
    for (const IncludedPack& inc : fee.includes)
      if (&product_.meters[inc.meter] == &m && inc.size == *size) return inc.size_text;
  return size->to_string();
}

// Held packs go first into each meter's pool (they are older), in the product's pack order
// (earliest expiry, then earliest bought, as the prelude says), then the packs bought now.
void Settler::stock_held(SettlementListener&) {
  held_order_.resize(request_->held.size());
  for (std::size_t i = 0; i < held_order_.size(); ++i) held_order_[i] = i;
  auto month_key = [](const std::optional<int>& m) { return m ? *m : INT32_MAX; };  // unknown: last
  std::stable_sort(held_order_.begin(), held_order_.end(), [&](std::size_t a, std::size_t b) {
    const HeldPack &x = request_->held[a], &y = request_->held[b];
    for (PackOrderKey key : product_.pack_order) {
      int kx = month_key(key == PackOrderKey::expiry ? x.expires : x.bought);
      int ky = month_key(key == PackOrderKey::expiry ? y.expires : y.bought);
      if (kx != ky) return kx < ky;
    }
    return false;
  });
  for (std::size_t i : held_order_) {
    const HeldPack& h = request_->held[i];
    const Meter& m = product_.meters.at(h.meter);
    check_held(m, h);
    if (!m.packs.empty()) check_pack_state(m, m.packs.front());
    auto& pool = pools_[h.meter];
    // Before the included packs of fees bought now, which are newer.
    auto at = std::find_if(pool.begin(), pool.end(), [](const PackDraw& d) { return d.bought(); });
    pool.insert(at, {{PackSource::Kind::held, i}, size_name(m, h.size), h.size, h.remaining, {}});
  }
}

// A product whose packs do not stack sells a meter one pack at a time: none may be bought while
// one with calls left is held or bought in the same bill.
void Settler::check_stacking(const Meter& m, const Pack& pack, const PackPurchase& b) const {
  if (!pack.terms || pack.terms->stackable) return;
  bool holding = std::any_of(pools_[b.meter].begin(), pools_[b.meter].end(),
                             [](const PackDraw& d) { return !d.available.is_zero(); });
  if (holding || b.count > 1)
    throw BillingError("pack-not-stackable",
                       fmt::format("{}: packs do not stack: a pack can be bought only when none is left",
                                   meter_label(product_, m)),
                       "the rules say the packs are not stackable; a rule that sells stacking says `stackable`");
}

void Settler::stock_packs(SettlementListener& listener) {
  stock_held(listener);
  for (std::size_t i = 0; i < request_->buys.size(); ++i) {
    const PackPurchase& b = request_->buys[i];
    const Meter& m = product_.meters.at(b.meter);
    const Pack& pack = m.packs.at(b.pack);
    require_whole(product_, m, b.count, "a pack count", false);
    if (b.count.is_zero())
      throw BillingError("pack-count", fmt::format("{}: buying 0 packs of {} buys nothing: the count is at least 1",
                                                   meter_label(product_, m), pack.size_text));
    check_pack_state(m, pack);
    check_stacking(m, pack, b);
    if (!pack.price.sold())
      throw BillingError("pack-not-sold",
                         fmt::format("{}: the {} pack is not sold", meter_label(product_, m), pack.size_text), "",
                         rule_note(pack.price.span, "the pack table marks it '-'"));
    Decimal capacity = pack.size * b.count;
    pools_[b.meter].push_back({{PackSource::Kind::bought, i}, pack.size_text, capacity, capacity, {}});
    PurchaseLine line{b.meter, pack.size_text, pack.size, b.count, pack.price.amount, pack.price.amount * b.count};
    charge(line.amount);
    listener.pack_bought(line);
  }
}

// What a ledger says is left of a grant or a free quota (none: nothing left), or the whole
// `quantity` for a bill that stands alone.
Decimal Settler::balance(const std::optional<std::vector<Balance>>& left, MeterIndex meter, const Decimal& quantity) {
  if (!left) return quantity;
  for (const Balance& b : *left)
    if (b.meter == meter) return b.remaining;
  return Decimal();
}

bool Settler::grant_valid(const Grant& g, SettlementListener& listener) {
  const auto& age = request_->grant_age_months;
  if (!age || *age < g.valid_months) return true;
  if (!std::exchange(grant_expiry_noted_, true))
    listener.note(fmt::format("the {} grant expired: valid {} months, activated {} months ago", g.when_state,
                              g.valid_months, *age));
  return false;
}

// One meter's cycle, step by step in the product's order: free quota, grant, packs (drawn in
// place from the pool), postpaid.
void Settler::settle_meter(MeterIndex index, SettlementListener& listener) {
  const Meter& m = product_.meters[index];
  const Decimal& usage = index < request_->usage.size() ? request_->usage[index] : no_usage;
  require_whole(product_, m, usage, "usage");
  auto& pool = pools_[index];
  // A retired meter takes no usage: its held packs wait, undrawn, for their expiry, and its bill
  // has no line.
  if (usage.is_zero() && (pool.empty() || m.retired())) return;
  listener.meter_begins(index, usage);
  Decimal left = usage;
  for (SettlementStep step : product_.settlement) {
    Decimal taken;
    switch (step) {
      case SettlementStep::free:
        if (m.free && !(m.free->lost_when && has_state(*m.free->lost_when)))
          taken = take(left, m.free->period == "month" ? m.free->quantity : balance(request_->free_left, index, m.free->quantity));
        break;
      case SettlementStep::grant:
        if (m.grant && has_state(m.grant->when_state) && grant_valid(*m.grant, listener))
          taken = take(left, balance(request_->grants_left, index, m.grant->quantity));
        break;
      case SettlementStep::packs:
        for (PackDraw& draw : pool) {
          draw.drawn = take(left, draw.available);
          taken += draw.drawn;
          listener.pack_drawn(index, draw);
        }
        break;
      case SettlementStep::postpaid: {
        taken = std::exchange(left, Decimal());
        if (!taken.is_zero() && m.postpaid && m.postpaid->requires_state && !has_state(*m.postpaid->requires_state))
          throw BillingError("postpaid-requires-state",
                             fmt::format("{}: {} {}s are left for postpaid, which only {} accounts may use",
                                         meter_label(product_, m), taken.to_string(), m.unit,
                                         *m.postpaid->requires_state));
        PostpaidCharge postpaid = charge_postpaid(product_, m, taken, usage);
        charge(postpaid.amount);
        listener.postpaid_charged(index, taken, postpaid);
        break;
      }
    }
    listener.step_done(index, step, taken, left);
  }
  if (!left.is_zero())
    throw BillingError("unsettled", fmt::format("{}: {} {}s are not covered and the product has no postpaid step",
                                                meter_label(product_, m), left.to_string(), m.unit));
  listener.meter_ends(index);
}

// After every meter: the true-ups to the product's limits, the total, then what depends on it and
// on the pools (the freeze, the payable amounts, alerts, notices).
void Settler::finish(SettlementListener& listener) {
  for (const TrueUp& t : true_ups(product_.limits, total_, request_->period_spent)) {
    total_ += t.amount;
    // A bill brought to a limit is paid as the limit rounded, however its lines rounded: rounding
    // the true-up line alone would pay 100.01 for a minimum of 100.
    if (product_.payable && product_.payable->per_line) payable_ = product_.payable->round(total_);
    listener.trued_up(t);
  }
  if (const auto& c = product_.limits.commitment; c && !request_->period_spent)
    listener.note(fmt::format("the minimum commitment of {} per {} is trued up in the bill that closes the period",
                              c->amount.to_string(), c->period));
  listener.total(total_);
  std::optional<Decimal> freeze;
  // 本月调用量 × 刊例价 × 120%: each meter's whole usage at its list price (in graduated mode,
  // each band's part at that band's price). Usage beyond the list prices has nothing to freeze on.
  if (product_.freeze) {
    Decimal estimate;
    for (MeterIndex i = 0; i < product_.meters.size() && i < request_->usage.size(); ++i) {
      const Meter& m = product_.meters[i];
      if (!m.postpaid || request_->usage[i].is_zero()) continue;
      try {
        estimate += charge_postpaid(product_, m, request_->usage[i], request_->usage[i]).amount;
      } catch (const BillingError&) {
      }
    }
    freeze = estimate * *product_.freeze;
    listener.freeze(*freeze);
  }
  if (const auto& rounding = product_.payable)
    listener.payable({rounding->per_line ? payable_ : rounding->round(total_),
                      freeze ? std::optional(rounding->round(*freeze)) : std::nullopt});
  // 资源包剩余次数不足15%或耗尽时提醒: once, in the bill where it happens — a pack used up by this
  // bill, or one this bill takes under the threshold.
  if (product_.alert_below)
    for (MeterIndex i = 0; i < pools_.size(); ++i)
      for (const PackDraw& draw : pools_[i]) {
        const Meter& m = product_.meters[i];
        if (draw.available.is_zero()) continue;
        if (draw.remaining().is_zero()) {
          listener.pack_alert({PackAlert::Kind::used_up, i, draw});
          listener.alert(fmt::format("{} {} is used up", m.display_name(), pack_name(draw)));
          continue;
        }
        if (!draw.capacity) continue;
        Decimal threshold = *draw.capacity * *product_.alert_below;
        if (draw.remaining() < threshold && draw.available >= threshold) {
          listener.pack_alert({PackAlert::Kind::low, i, draw});
          listener.alert(fmt::format("{} {} has {} left, under {}%", m.display_name(), pack_name(draw),
                                     draw.remaining().to_string(),
                                     (*product_.alert_below * 100).normalized().to_string()));
        }
      }
  for (const auto& n : product_.notices)
    if (total_ > n.threshold) listener.notice(n.text);
}

}  // namespace tariff
