#include "cli/repl_show.hpp"

#include <fmt/format.h>

#include "interpreter/base/text_width.hpp"

namespace tariff::cli {

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Columns padded by display width, so CJK names line up; numbers (all but the first) right-aligned.
std::string table(const Rows& rows, std::size_t text_columns = 1) {
  std::vector<std::size_t> widths;
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], display_width(r[i]));
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line = "  ";
    for (std::size_t i = 0; i < r.size(); ++i) {
      std::string pad(widths[i] - display_width(r[i]), ' ');
      line += i < text_columns ? (i == 0 ? "" : "  ") + r[i] + pad : "  " + pad + r[i];
    }
    while (line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string price_text(const Price& p) {
  switch (p.kind) {
    case Price::Kind::amount:
      return p.amount.to_string_grouped(',');
    case Price::Kind::contact_sales:
      return "联系商务";
    case Price::Kind::not_sold:
      return "-";
  }
  return {};
}

std::string join(const std::vector<std::string>& words, const char* sep) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

}  // namespace

std::string list_products(const RuleSet& rules) {
  Rows rows;
  for (const auto& p : rules.catalog.products)
    rows.push_back({p->id, join(p->names, " "), p->currency, fmt::format("{} meters", p->meters.size())});
  return rows.empty() ? "  (no products)\n" : table(rows, 4);
}

std::string show_product(const Product& p) {
  std::string cycle = p.cycle == "once" ? "billed once" : "per " + p.cycle;
  std::string out = fmt::format("{} {} ({}, {})\n", p.id, join(p.names, " "), p.currency, cycle);
  Rows meters{{"meter", "name", "actions", "unit", "free"}};
  for (const auto& m : p.meters)
    meters.push_back({m.id, m.display_name(), join(m.actions, " + "), m.unit,
                      m.retired() ? retired_from_text(m)
                      : m.free    ? fmt::format("{} per {}", m.free->quantity.to_string_grouped(','), m.free->period)
                                  : "-"});
  out += "\nmeters\n" + table(meters, 4);
  // Postpaid: one table per band schedule (rows sharing a schedule print together).
  const BandSchedule* schedule = nullptr;
  Rows postpaid;
  for (const auto& m : p.meters) {
    if (!m.postpaid) continue;
    if (m.postpaid->schedule.get() != schedule) {
      if (!postpaid.empty()) out += table(postpaid);
      schedule = m.postpaid->schedule.get();
      postpaid = {{"postpaid"}};
      for (const auto& b : schedule->bands) postpaid.front().push_back(b.text);
      out += fmt::format("\npostpaid ({})\n", schedule->mode == BandMode::volume ? "volume" : "graduated");
    }
    std::vector<std::string> row{m.display_name()};
    for (const auto& price : m.postpaid->prices) row.push_back(price_text(price));
    postpaid.push_back(row);
  }
  if (!postpaid.empty()) out += table(postpaid);
  // Packs: sizes as columns, in the order the first meter with packs lists them.
  Rows packs;
  for (const auto& m : p.meters) {
    if (m.packs.empty()) continue;
    if (packs.empty()) {
      packs.push_back({"packs"});
      for (const auto& k : m.packs) packs.front().push_back(k.size_text);
    }
    std::vector<std::string> row{m.display_name()};
    for (const auto& k : m.packs) row.push_back(price_text(k.price));
    packs.push_back(row);
  }
  if (!packs.empty()) out += "\n" + table(packs);
  if (p.freeze) out += fmt::format("\nfreeze {}% of the month's usage at list price\n", (*p.freeze * 100).to_string());
  return out;
}

}  // namespace tariff::cli
