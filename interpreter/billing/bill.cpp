#include "interpreter/billing/bill.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tariff {

namespace {

std::string meter_label(const Product& p, const Meter& m) { return fmt::format("{} {}", p.id, m.display_name()); }

// `unit` names what is counted ("calls"): empty for a plain count.
void require_whole(const Product& p, const Meter& m, const Decimal& q, const char* what, bool counts_units = true) {
  if (q.is_negative())
    throw BillingError("negative-quantity",
                       fmt::format("{}: {} cannot be negative ({})", meter_label(p, m), what, q.to_string()));
  if (!q.is_integer())
    throw BillingError("fractional-quantity",
                       fmt::format("{}: {} must be a whole number{} ({})", meter_label(p, m), what,
                                   counts_units ? " of " + m.unit + "s" : "", q.to_string()));
}

const Price& priced_band(const Product& p, const Meter& m, const PostpaidPrices& prices, std::size_t band,
                         const Decimal& q) {
  const Price& price = prices.prices[band];
  if (price.kind == Price::Kind::contact_sales)
    throw BillingError(
        "contact-sales",
        fmt::format("{}: {} {}s reach the band {}, which has no list price (联系商务): contact sales for a quote",
                    meter_label(p, m), q.to_string(), m.unit, prices.schedule->bands[band].text));
  return price;
}

// The band holding q, or an error saying whether q is under the first band (a minimum) or over the last.
std::size_t band_of(const Product& p, const Meter& m, const BandSchedule& s, const Decimal& q) {
  if (auto band = s.find(q)) return *band;
  const Band& first = s.bands.front();
  if (!first.contains(q) && !first.below(q))
    throw BillingError("below-minimum", fmt::format("{}: {} {}s is below the minimum; the first band is {}",
                                                    meter_label(p, m), q.to_string(), m.unit, first.text));
  throw BillingError("above-maximum", fmt::format("{}: {} {}s is beyond the last band {}", meter_label(p, m),
                                                  q.to_string(), m.unit, s.bands.back().text));
}

}  // namespace

PostpaidCharge charge_postpaid(const Product& product, const Meter& meter, const Decimal& postpaid,
                               const Decimal& usage) {
  PostpaidCharge charge;
  if (postpaid.is_zero()) return charge;
  if (!meter.postpaid)
    throw BillingError(
        "no-postpaid",
        fmt::format("{}: {} {}s are left after free quota and packs, and the meter has no postpaid price",
                    meter_label(product, meter), postpaid.to_string(), meter.unit));
  const PostpaidPrices& prices = *meter.postpaid;
  const BandSchedule& schedule = *prices.schedule;
  const Decimal& basis = schedule.basis == BandBasis::usage ? usage : postpaid;
  std::size_t reached = band_of(product, meter, schedule, basis);
  charge.band = reached;
  charge.unit_price = priced_band(product, meter, prices, reached, basis).amount;
  if (schedule.mode == BandMode::volume) {
    charge.amount = postpaid * charge.unit_price;
    return charge;
  }
  // Graduated: the postpaid units are the last `postpaid` units of the basis quantity.
  Decimal first = basis - postpaid + 1;
  for (std::size_t b = 0; b <= reached; ++b) {
    Decimal units = schedule.bands[b].units_within(first, basis);
    if (units.is_zero()) continue;
    const Decimal& price = priced_band(product, meter, prices, b, basis).amount;
    charge.crossed.push_back({b, units, price, units * price});
    charge.amount += charge.crossed.back().amount;
  }
  return charge;
}

std::vector<BandCharge> band_charges(const PostpaidCharge& charge, const Decimal& postpaid) {
  if (!charge.crossed.empty()) return charge.crossed;
  if (!charge.band) return {};
  return {{*charge.band, postpaid, charge.unit_price, charge.amount}};
}

namespace {

bool has_state(const std::vector<std::string>& states, const std::string& s) {
  return std::find(states.begin(), states.end(), s) != states.end();
}

Decimal take(Decimal& left, const Decimal& available) {
  Decimal taken = std::min(left, available);
  left -= taken;
  return taken;
}

void check_postpaid_state(const Product& p, const Meter& m, const Decimal& postpaid,
                          const std::vector<std::string>& states) {
  if (postpaid.is_zero() || !m.postpaid || !m.postpaid->requires_state ||
      has_state(states, *m.postpaid->requires_state))
    return;
  throw BillingError("postpaid-requires-state",
                     fmt::format("{}: {} {}s are left for postpaid, which only {} accounts may use", meter_label(p, m),
                                 postpaid.to_string(), m.unit, *m.postpaid->requires_state));
}

}  // namespace

MeterSettlement settle_meter(const Product& product, const Meter& m, const Decimal& usage,
                             const std::vector<std::string>& states, std::vector<PackDraw>* packs, bool grant_valid) {
  MeterSettlement s;
  Decimal left = usage;
  for (SettlementStep step : product.settlement) {
    switch (step) {
      case SettlementStep::free:
        if (m.free && !(m.free->lost_when && has_state(states, *m.free->lost_when)))
          s.free = take(left, m.free->quantity);
        break;
      case SettlementStep::grant:
        if (m.grant && grant_valid && has_state(states, m.grant->when_state)) s.grant = take(left, m.grant->quantity);
        break;
      case SettlementStep::packs:
        if (packs)
          for (PackDraw& draw : *packs) draw.drawn = take(left, draw.available);
        break;
      case SettlementStep::postpaid:
        s.postpaid = std::exchange(left, Decimal());
        check_postpaid_state(product, m, s.postpaid, states);
        s.charge = charge_postpaid(product, m, s.postpaid, usage);
        break;
    }
  }
  if (!left.is_zero())
    throw BillingError("unsettled", fmt::format("{}: {} {}s are not covered and the product has no postpaid step",
                                                meter_label(product, m), left.to_string(), m.unit));
  return s;
}

namespace {

class Biller {
 public:
  Biller(const Product& p, const BillRequest& r) : product_(p), request_(r), pools_(p.meters.size()) {}

  Bill run() {
    bill_.product = &product_;
    states_ = request_.states;
    buy_fees();
    stock_packs();
    for (MeterIndex m = 0; m < product_.meters.size(); ++m) settle_meter(m);
    for (const auto& line : bill_.lines) bill_.total += line.charge.amount;
    for (const auto& purchase : bill_.purchases) bill_.total += purchase.amount;
    for (const auto& fee : bill_.fees) bill_.total += fee.amount;
    freeze();
    alerts();
    for (const auto& n : product_.notices)
      if (bill_.total > n.threshold) bill_.notices.push_back(n.text);
    return std::move(bill_);
  }

 private:
  const Product& product_;
  const BillRequest& request_;
  std::vector<std::vector<PackDraw>> pools_;  // per meter: held packs first (older), then bought
  std::vector<std::string> states_;           // the request's, and those that fees bought in it grant
  Bill bill_;

  bool has_state(const std::string& s) const { return tariff::has_state(states_, s); }

  // Fees come first: a licence bought this month grants the state that packs and postpaid require,
  // and brings its included packs into the pools.
  void buy_fees() {
    // A licence bought in the same bill lets the upgrades it enables be bought too, whatever the
    // order the purchases are listed in.
    for (const auto& purchase : request_.fees) {
      const Fee& fee = product_.fees.at(purchase.fee);
      bool bought = !fee_units(product_.id, fee, purchase.quantities).is_zero();  // a licence for 0 activities licenses nothing
      if (bought && fee.grants_state && !has_state(*fee.grants_state)) states_.push_back(*fee.grants_state);
    }
    for (const auto& purchase : request_.fees) {
      const Fee& fee = product_.fees.at(purchase.fee);
      if (fee.requires_state && !has_state(*fee.requires_state))
        throw BillingError("fee-requires-state", fmt::format("{} {}: only {} accounts may buy it", product_.id,
                                                             fee.display_name(), *fee.requires_state));
      bill_.fees.push_back({purchase.fee, purchase.quantities, fee_amount(product_.id, fee, purchase.quantities)});
      Decimal units = fee_units(product_.id, fee, purchase.quantities);
      for (const auto& inc : fee.includes) {
        Decimal capacity = inc.size * units;
        pools_[inc.meter].push_back(
            {true, fmt::format("{} ({})", inc.size_text, fee.display_name()), capacity, capacity, {}});
      }
    }
  }

  bool grant_applies(const Grant& g) {
    if (!has_state(g.when_state)) return false;
    if (request_.grant_age_months && *request_.grant_age_months >= g.valid_months) {
      std::string note = fmt::format("the {} grant expired: valid {} months, activated {} months ago", g.when_state,
                                     g.valid_months, *request_.grant_age_months);
      if (std::find(bill_.notes.begin(), bill_.notes.end(), note) == bill_.notes.end()) bill_.notes.push_back(note);
      return false;
    }
    return true;
  }

  void check_pack_state(const Meter& m, const Pack& pack) {
    if (pack.terms && pack.terms->requires_state && !has_state(*pack.terms->requires_state))
      throw BillingError("pack-requires-state", fmt::format("{}: packs are sold to and used by {} accounts only",
                                                            meter_label(product_, m), *pack.terms->requires_state));
  }

  // A held pack must be one the account could have: drawn by the settlement order, of a size that
  // is sold (or included with a fee) for its meter, with no more left than it held. Anything else
  // would be drawn silently, or silently ignored.
  void check_held(const Meter& m, const HeldPack& h) {
    require_whole(product_, m, h.remaining, "a held pack's remaining calls");
    auto settles_packs = std::find(product_.settlement.begin(), product_.settlement.end(), SettlementStep::packs);
    if (settles_packs == product_.settlement.end())
      throw BillingError("held-pack", fmt::format("{}: the product settles no packs, so a held pack cannot be drawn",
                                                  meter_label(product_, m)));
    std::vector<Decimal> sizes;
    for (const Pack& p : m.packs) sizes.push_back(p.size);
    for (const Fee& fee : product_.fees)
      for (const IncludedPack& inc : fee.includes)
        if (&product_.meters[inc.meter] == &m) sizes.push_back(inc.size);
    if (sizes.empty())
      throw BillingError("held-pack", fmt::format("{}: no packs are sold for this meter", meter_label(product_, m)));
    if (!h.size) return;
    require_whole(product_, m, *h.size, "a held pack's size");
    if (std::find(sizes.begin(), sizes.end(), *h.size) == sizes.end())
      throw BillingError("held-pack", fmt::format("{}: no {} pack is sold for this meter", meter_label(product_, m),
                                                  h.size->to_string()));
    if (h.remaining > *h.size)
      throw BillingError("held-pack", fmt::format("{}: a held pack of {} cannot have {} calls left",
                                                  meter_label(product_, m), h.size->to_string(),
                                                  h.remaining.to_string()));
  }

  void stock_packs() {
    for (const auto& h : request_.held) {
      const Meter& m = product_.meters.at(h.meter);
      check_held(m, h);
      if (!m.packs.empty()) check_pack_state(m, m.packs.front());
      pools_[h.meter].push_back({false, h.size ? h.size->to_string() : "held", h.size, h.remaining, {}});
    }
    for (const auto& b : request_.buys) {
      const Meter& m = product_.meters.at(b.meter);
      const Pack& pack = m.packs.at(b.pack);
      require_whole(product_, m, b.count, "a pack count", false);
      if (b.count.is_zero())
        throw BillingError("pack-count", fmt::format("{}: buying 0 packs of {} buys nothing: the count is at least 1",
                                                     meter_label(product_, m), pack.size_text));
      check_pack_state(m, pack);
      if (!pack.price.sold())
        throw BillingError("pack-not-sold",
                           fmt::format("{}: the {} pack is not sold", meter_label(product_, m), pack.size_text));
      Decimal capacity = pack.size * b.count;
      pools_[b.meter].push_back({true, pack.size_text, capacity, capacity, {}});
      bill_.purchases.push_back(
          {b.meter, pack.size_text, pack.size, b.count, pack.price.amount, pack.price.amount * b.count});
    }
  }

  void settle_meter(MeterIndex index) {
    const Meter& m = product_.meters[index];
    Decimal usage = index < request_.usage.size() ? request_.usage[index] : Decimal();
    require_whole(product_, m, usage, "usage");
    if (usage.is_zero() && pools_[index].empty()) return;
    bool grant_valid = !m.grant || !has_state(m.grant->when_state) || grant_applies(*m.grant);
    MeterSettlement s = tariff::settle_meter(product_, m, usage, states_, &pools_[index], grant_valid);
    bill_.lines.push_back({index, usage, s.free, s.grant, pools_[index], s.postpaid, s.charge});
  }

  // 本月调用量 × 刊例价 × 120%: each meter's whole usage at the list price of the band that usage
  // reaches. A meter whose usage reaches a contact-sales band has no list price to freeze on.
  // In graduated mode, each band's units at that band's list price.
  void freeze() {
    if (!product_.freeze) return;
    Decimal estimate;
    for (const auto& line : bill_.lines) {
      const Meter& m = product_.meters[line.meter];
      if (!m.postpaid || line.usage.is_zero()) continue;
      try {
        estimate += charge_postpaid(product_, m, line.usage, line.usage).amount;
      } catch (const BillingError&) {  // beyond the list prices: nothing to freeze on
      }
    }
    bill_.freeze = estimate * *product_.freeze;
  }

  // 资源包剩余次数不足15%或耗尽时提醒.
  void alerts() {
    if (!product_.alert_below) return;
    for (const auto& line : bill_.lines)
      for (const auto& draw : line.packs) {
        const Meter& m = product_.meters[line.meter];
        if (draw.remaining().is_zero())
          bill_.alerts.push_back(fmt::format("{} pack {} is used up", m.display_name(), draw.size_text));
        else if (draw.capacity && draw.remaining() < *draw.capacity * *product_.alert_below)
          bill_.alerts.push_back(fmt::format("{} pack {} has {} left, under {}%", m.display_name(), draw.size_text,
                                             draw.remaining().to_string(),
                                             (*product_.alert_below * 100).normalized().to_string()));
      }
  }
};

}  // namespace

Bill bill(const Product& product, const BillRequest& request) {
  try {
    return Biller(product, request).run();
  } catch (const DecimalError& e) {
    throw BillingError("overflow", fmt::format("{}: {}", product.id, e.what()));
  }
}

}  // namespace tariff
