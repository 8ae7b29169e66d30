#include "interpreter/report/format_bill.hpp"

#include <fmt/format.h>

#include "interpreter/base/json.hpp"
#include "interpreter/base/text_width.hpp"
#include "interpreter/report/format_price.hpp"

namespace tariff {

namespace {

std::string grouped(const Decimal& d) { return d.to_string_grouped(','); }

std::string band_text(const Meter& m, const BillLine& line) {
  if (!line.charge.band || !m.postpaid) return "-";
  return m.postpaid->schedule->bands[*line.charge.band].text;
}

// The reached band's price as the table writes it (1.5 per 1000 calls, flat 20 + 0.5).
std::string unit_price_text(const Meter& m, const BillLine& line) {
  if (!line.charge.band || !m.postpaid) return "-";
  return price_text(m.postpaid->prices[*line.charge.band], *m.postpaid->schedule);
}

// A meter counts calls unless its rule says otherwise: the unit column shows only where one does.
bool shows_units(const Bill& bill) {
  for (const auto& line : bill.lines) {
    const Meter& m = bill.product->meters[line.meter];
    if (m.unit != "call" || m.decimal) return true;
  }
  return false;
}

const char* true_up_kind(TrueUp::Kind k) {
  return k == TrueUp::Kind::minimum ? "minimum" : k == TrueUp::Kind::maximum ? "maximum" : "commitment";
}

// A postpaid quantity billed in whole packages says how many: "123.4 in 13 packages".
std::string postpaid_text(const Decimal& quantity, const std::optional<Decimal>& packages, QuantityStyle style) {
  if (!packages) return quantity_text(quantity, style);
  return fmt::format("{} in {} package{}", quantity_text(quantity, style), grouped(*packages),
                     *packages == Decimal(1) ? "" : "s");
}

std::string packs_text(const BillLine& line, QuantityStyle style) {
  std::string out;
  for (const auto& d : line.packs) {
    if (!out.empty()) out += " + ";
    out += fmt::format("{} ({})", quantity_text(d.drawn, style), d.size_text);
  }
  return out.empty() ? "0" : out;
}

// Pads by display width, so 人脸比对 lines up with ASCII names.
void row(std::string& out, const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string pad(widths[i] - display_width(cells[i]), ' ');
    out += i == 0 ? cells[i] + pad : "  " + pad + cells[i];
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
}

// "activity per day per 50 qps"
std::string fee_unit_text(const Fee& fee) {
  std::string out;
  for (const auto& d : fee.dimensions) {
    if (!out.empty()) out += " per ";
    out += d.per == Decimal(1) ? d.name : fmt::format("{} {}", d.per.to_string(), d.name);
  }
  return out;
}

}  // namespace

std::string true_up_text(const Product& p, const TrueUp& t, const std::optional<Decimal>& spent) {
  const ChargeLimits& l = p.limits;
  switch (t.kind) {
    case TrueUp::Kind::minimum:
      return fmt::format("minimum: {} per {}, true-up = {}", grouped(t.limit), l.minimum->period, grouped(t.amount));
    case TrueUp::Kind::maximum:
      return fmt::format("maximum: {} per {}, cap = {}", grouped(t.limit), l.maximum->period, grouped(t.amount));
    case TrueUp::Kind::commitment:
      if (!spent)
        return fmt::format("commitment: {} per {}, the period's true-up = {}", grouped(t.limit),
                           l.commitment->period, grouped(t.amount));
      return fmt::format("commitment: {} per {}, the period closing after {} billed in it, true-up = {}",
                         grouped(t.limit), l.commitment->period, grouped(*spent), grouped(t.amount));
  }
  return {};
}

std::string purchase_text(const Product& p, const PurchaseLine& b) {
  return fmt::format("{} pack {} × {} at {} = {}", p.meters[b.meter].display_name(), b.size_text, b.count.to_string(),
                     grouped(b.unit_price), grouped(b.amount));
}

std::string fee_text(const Product& p, const FeeLine& f) {
  const Fee& fee = p.fees[f.fee];
  if (fee.dimensions.empty()) return fmt::format("{} = {}", fee.display_name(), grouped(f.amount));  // a flat amount
  std::string per;
  for (std::size_t i = 0; i < fee.dimensions.size(); ++i)
    per += fmt::format("{}{} {}", i ? " × " : "", f.quantities[i].to_string(), fee.dimensions[i].name);
  return fmt::format("{} ({}) at {} per {} = {}", fee.display_name(), per, grouped(fee.price), fee_unit_text(fee),
                     grouped(f.amount));
}

std::string recurring_text(const Product& p, const RecurringLine& r) {
  const RecurringFee& fee = p.recurring[r.fee];
  return fmt::format("{} every {}{} = {}", fee.display_name(), fee.period, recurring_days_text(p, r),
                     grouped(r.amount));
}

std::string format_bill_text(const Bill& bill, QuantityStyle style) {
  const Product& p = *bill.product;
  auto quantity = [style](const Decimal& q) { return quantity_text(q, style); };
  const bool units = shows_units(bill);
  std::vector<std::vector<std::string>> rows{
      {"meter", "usage", "free", "packs", "postpaid", "band", "unit price", "amount"}};
  if (units) rows.front().insert(rows.front().begin() + 1, "unit");
  for (const auto& line : bill.lines) {
    const Meter& m = p.meters[line.meter];
    std::string free = quantity(line.free);
    if (!line.grant.is_zero()) free += fmt::format(" + {} grant", quantity(line.grant));
    bool graduated = !line.charge.crossed.empty();
    // A graduated line has no one unit price: its bands follow it, one row each, so that every
    // row's quantity × unit price (+ the band's flat sum) is its amount.
    rows.push_back({m.display_name(), quantity(line.usage), free, packs_text(line, style),
                    postpaid_text(line.postpaid, line.charge.packages, style), graduated ? "" : band_text(m, line),
                    graduated ? "" : unit_price_text(m, line), grouped(line.charge.amount)});
    if (units) rows.back().insert(rows.back().begin() + 1, m.unit);
    for (const auto& c : line.charge.crossed) {
      const BandSchedule& schedule = *m.postpaid->schedule;
      rows.push_back({"", "", "", "", postpaid_text(c.quantity, c.packages, style), schedule.bands[c.band].text,
                      price_text(m.postpaid->prices[c.band], schedule), grouped(c.amount)});
      if (units) rows.back().insert(rows.back().begin() + 1, "");
    }
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
  std::string period = p.cycle == "once" ? "a one-time purchase" : "bill for one " + p.cycle;
  std::string out = fmt::format("{} {} — {} ({})\n\n", p.id, p.display_name(), period, p.currency);
  for (const auto& r : rows) row(out, r, widths);
  for (const auto& b : bill.purchases) out += "\nbought: " + purchase_text(p, b);
  for (const auto& f : bill.fees) out += "\nfee: " + fee_text(p, f);
  for (const auto& r : bill.recurring) out += "\nfee: " + recurring_text(p, r);
  for (const auto& t : bill.true_ups) out += "\n" + true_up_text(p, t, bill.request.period_spent.value_or(Decimal()));
  if (!bill.purchases.empty() || !bill.fees.empty() || !bill.recurring.empty() || !bill.true_ups.empty()) out += '\n';
  out += fmt::format("\ntotal: {} {}\n", grouped(bill.total), p.currency);
  if (bill.payable)
    out += fmt::format("payable: {} {} ({})\n", p.payable->written(bill.payable->total, ','), p.currency,
                       p.payable->text());
  else
    out += "payable: not rounded (no rounding rule)\n";
  if (bill.freeze) {
    out += fmt::format("next month's pre-authorization freeze: {} {}", grouped(*bill.freeze), p.currency);
    if (bill.payable && bill.payable->freeze)
      out += fmt::format(", payable {} {}", p.payable->written(*bill.payable->freeze, ','), p.currency);
    out += '\n';
  }
  for (const auto& a : bill.alerts) out += fmt::format("alert: {}\n", a);
  for (const auto& n : bill.notices) out += fmt::format("notice: {}\n", n);
  for (const auto& n : bill.notes) out += fmt::format("note: {}\n", n);
  return out;
}

std::string format_bill_json(const Bill& bill) {
  const Product& p = *bill.product;
  JsonWriter w;
  w.begin_object();
  w.key("product").string(p.id);
  w.key("currency").string(p.currency);
  w.key("lines").begin_array();
  for (const auto& line : bill.lines) {
    const Meter& m = p.meters[line.meter];
    w.begin_object();
    w.key("meter").string(m.id);
    w.key("name").string(m.display_name());
    w.key("unit").string(m.unit);
    w.key("usage").string(line.usage.to_string());
    w.key("free").string(line.free.to_string());
    w.key("grant").string(line.grant.to_string());
    w.key("packs").begin_array();
    for (const auto& d : line.packs) {
      w.begin_object();
      w.key("pack").string(d.size_text);
      w.key("bought").boolean(d.bought());
      w.key("drawn").string(d.drawn.to_string());
      w.key("remaining").string(d.remaining().to_string());
      w.end_object();
    }
    w.end_array();
    w.key("postpaid").string(line.postpaid.to_string());
    if (line.charge.band)
      w.key("band").string(band_text(m, line));
    else
      w.key("band").null();
    if (line.charge.band && line.charge.crossed.empty())  // graduated: no one unit price, see "bands"
      w.key("unit_price").string(line.charge.unit_price.to_string());
    else
      w.key("unit_price").null();
    w.key("amount").string(line.charge.amount.to_string());
    w.key("bands").begin_array();
    for (const auto& c : band_charges(line.charge, line.postpaid)) {
      w.begin_object();
      w.key("band").string(m.postpaid->schedule->bands[c.band].text);
      w.key("quantity").string(c.quantity.to_string());
      w.key("unit_price").string(c.unit_price.to_string());
      if (!c.flat.is_zero()) w.key("flat").string(c.flat.to_string());
      if (c.packages) w.key("packages").string(c.packages->to_string());
      w.key("amount").string(c.amount.to_string());
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("purchases").begin_array();
  for (const auto& b : bill.purchases) {
    w.begin_object();
    w.key("meter").string(p.meters[b.meter].id);
    w.key("pack").string(b.size_text);
    w.key("count").string(b.count.to_string());
    w.key("unit_price").string(b.unit_price.to_string());
    w.key("amount").string(b.amount.to_string());
    w.end_object();
  }
  w.end_array();
  w.key("fees").begin_array();
  for (const auto& f : bill.fees) {
    const Fee& fee = p.fees[f.fee];
    w.begin_object();
    w.key("fee").string(fee.id);
    w.key("name").string(fee.display_name());
    w.key("quantities").begin_object();
    for (std::size_t i = 0; i < fee.dimensions.size(); ++i)
      w.key(fee.dimensions[i].name).string(f.quantities[i].to_string());
    w.end_object();
    w.key("unit_price").string(fee.price.to_string());
    w.key("amount").string(f.amount.to_string());
    w.end_object();
  }
  w.end_array();
  w.key("recurring").begin_array();
  for (const auto& r : bill.recurring) {
    const RecurringFee& fee = p.recurring[r.fee];
    w.begin_object();
    w.key("fee").string(fee.id);
    w.key("name").string(fee.display_name());
    w.key("period").string(fee.period);
    if (r.of > 0) {
      w.key("days").number(std::to_string(r.days));
      w.key("of_days").number(std::to_string(r.of));
      w.key("full_amount").string(fee.amount.to_string());
    }
    w.key("amount").string(r.amount.to_string());
    w.end_object();
  }
  w.end_array();
  w.key("true_ups").begin_array();
  for (const auto& t : bill.true_ups) {
    w.begin_object();
    w.key("kind").string(true_up_kind(t.kind));
    w.key("limit").string(t.limit.to_string());
    w.key("amount").string(t.amount.to_string());
    w.end_object();
  }
  w.end_array();
  w.key("total").string(bill.total.to_string());
  // The payable amount beside the exact total: null where the rules do not round it.
  if (bill.payable) {
    w.key("payable").string(p.payable->written(bill.payable->total));
    w.key("rounding").string(p.payable->text());
  } else {
    w.key("payable").null();
    w.key("rounding").null();
  }
  if (bill.freeze)
    w.key("freeze").string(bill.freeze->to_string());
  else
    w.key("freeze").null();  // every field is present: null when the product freezes nothing
  if (bill.payable && bill.payable->freeze) w.key("freeze_payable").string(p.payable->written(*bill.payable->freeze));
  w.key("alerts").begin_array();
  for (const auto& a : bill.alerts) w.string(a);
  w.end_array();
  w.key("notices").begin_array();
  for (const auto& n : bill.notices) w.string(n);
  w.end_array();
  w.key("notes").begin_array();
  for (const auto& n : bill.notes) w.string(n);
  w.end_array();
  w.end_object();
  return w.str();
}

}  // namespace tariff
