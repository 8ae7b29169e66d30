#include "interpreter/report/explain.hpp"

#include <fmt/format.h>

namespace tariff {

namespace {

std::string g(const Decimal& d) { return d.to_string_grouped(','); }

// One numbered step of one meter's settlement; `left` is what is still to be settled.
std::string step(const BillLine& line, const Meter& m, SettlementStep s, Decimal& left, int n) {
  switch (s) {
    case SettlementStep::free:
      left -= line.free;
      return fmt::format("  {}. free quota: {} → {} left\n", n, g(line.free), g(left));
    case SettlementStep::grant:
      left -= line.grant;
      return fmt::format("  {}. grant: {} → {} left\n", n, g(line.grant), g(left));
    case SettlementStep::packs: {
      if (line.packs.empty()) return fmt::format("  {}. packs: none → {} left\n", n, g(left));
      std::string out = fmt::format("  {}. packs:\n", n);
      for (const auto& d : line.packs) {
        left -= d.drawn;
        out += fmt::format("       {} pack {}: {} available, {} drawn, {} remain → {} left\n",
                           d.bought ? "bought" : "held", d.size_text, g(d.available), g(d.drawn), g(d.remaining()),
                           g(left));
      }
      return out;
    }
    case SettlementStep::postpaid: {
      if (!line.charge.band) return fmt::format("  {}. postpaid: {} → 0\n", n, g(line.postpaid));
      const auto& bands = m.postpaid->schedule->bands;
      if (line.charge.crossed.empty())
        return fmt::format("  {}. postpaid: {} in band {} at {} = {}\n", n, g(line.postpaid),
                           bands[*line.charge.band].text, line.charge.unit_price.to_string(), g(line.charge.amount));
      std::string out = fmt::format("  {}. postpaid: {}, each band at its own price:\n", n, g(line.postpaid));
      for (const auto& c : line.charge.crossed)
        out += fmt::format("       {} in band {} at {} = {}\n", g(c.quantity), bands[c.band].text,
                           c.unit_price.to_string(), g(c.amount));
      return out + fmt::format("       = {}\n", g(line.charge.amount));
    }
  }
  return {};
}

}  // namespace

std::string explain_bill(const Bill& bill) {
  const Product& p = *bill.product;
  std::string order;
  for (auto s : p.settlement) order += (order.empty() ? "" : " > ") + std::string(to_string(s));
  std::string out = fmt::format("{} {}: settled {}\n", p.id, p.display_name(), order);
  for (const auto& line : bill.lines) {
    const Meter& m = p.meters[line.meter];
    out += fmt::format("{} ({}): usage {}\n", m.display_name(), m.id, g(line.usage));
    Decimal left = line.usage;
    int n = 1;
    for (auto s : p.settlement) out += step(line, m, s, left, n++);
  }
  Decimal postpaid, bought;
  for (const auto& line : bill.lines) postpaid += line.charge.amount;
  for (const auto& b : bill.purchases) {
    bought += b.amount;
    out += fmt::format("bought: {} pack {} × {} at {} = {}\n", p.meters[b.meter].display_name(), b.size_text,
                       b.count.to_string(), g(b.unit_price), g(b.amount));
  }
  // Other charges (fees) may add to the total: the sum is shown only when it is the whole story.
  if (postpaid + bought == bill.total)
    out += fmt::format("total: {} postpaid + {} packs bought = {} {}\n", g(postpaid), g(bought), g(bill.total),
                       p.currency);
  else
    out += fmt::format("total: {} {}\n", g(bill.total), p.currency);
  if (bill.freeze) out += fmt::format("freeze for next month: {} {}\n", g(*bill.freeze), p.currency);
  for (const auto& a : bill.alerts) out += fmt::format("alert: {}\n", a);
  for (const auto& n : bill.notices) out += fmt::format("notice: {}\n", n);
  return out;
}

}  // namespace tariff
