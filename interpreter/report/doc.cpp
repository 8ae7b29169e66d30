// The price page's content, from the rules (doc.hpp).
#include "interpreter/report/doc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "interpreter/billing/bill.hpp"
#include "interpreter/billing/simulate.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/report/format_bill.hpp"

namespace tariff {

namespace {

std::string written(const Span& span, const std::string& otherwise) {
  if (!span.valid()) return otherwise;
  return span.source->text.substr(span.begin, span.end - span.begin);
}

std::string g(const Decimal& d) { return d.to_string_grouped(','); }

// A price cell as the rule file writes it: 0.0032, 10%, -, 联系商务.
std::string cell(const Price& p) {
  switch (p.kind) {
    case Price::Kind::not_sold:
      return "-";
    case Price::Kind::contact_sales:
      return written(p.span, "联系商务");
    case Price::Kind::amount:
      break;
  }
  std::string text = written(p.span, p.amount.to_string());
  return text.ends_with('%') ? fmt::format("{} ({})", text, p.amount.to_string()) : text;
}

std::string quantity_word(const Meter& m) { return m.unit == "call" ? "调用量" : "数量"; }

std::string meter_names(const Meter& m) {
  std::string out;
  for (const auto& n : m.names) out += (out.empty() ? "" : " / ") + n;
  return out.empty() ? m.id : out;
}

doc::Block paragraph(std::string text) { return {doc::Block::Kind::paragraph, std::move(text), {}, {}}; }
doc::Block list(std::vector<std::string> items) { return {doc::Block::Kind::list, {}, std::move(items), {}}; }
doc::Block table(doc::Table t) { return {doc::Block::Kind::table, {}, {}, std::move(t)}; }

// A version that retires a meter still lists it, marked, so that a reader of the price list in
// force sees why its old usage is refused; a meter the version adds is listed as any other.
doc::Section meters_section(const Product& p) {
  bool retiring = std::any_of(p.meters.begin(), p.meters.end(), [](const Meter& m) { return m.retired(); });
  doc::Table t{{"id", "name", "also", "API actions", "unit"}, {}};
  if (retiring) t.header.push_back("status");
  for (const auto& m : p.meters) {
    std::string aka, actions;
    for (const auto& a : m.aka) aka += (aka.empty() ? "" : ", ") + a;
    for (const auto& a : m.actions) actions += (actions.empty() ? "" : " + ") + a;
    t.rows.push_back({m.id, meter_names(m), aka, actions, m.unit});
    if (retiring) t.rows.back().push_back(m.retired() ? retired_from_text(m) : "");
  }
  return {"计费项 Meters", 2, {table(std::move(t))}};
}

std::size_t meters_in_use(const Product& p) {
  return static_cast<std::size_t>(
      std::count_if(p.meters.begin(), p.meters.end(), [](const Meter& m) { return !m.retired(); }));
}

doc::Section quotas_section(const Product& p) {
  std::map<std::string, std::vector<std::string>> free, grants;
  for (const auto& m : p.meters) {
    if (m.free)
      free[fmt::format("{} per {}{}", g(m.free->quantity), m.free->period,
                       m.free->lost_when ? ", not when " + *m.free->lost_when : "")]
          .push_back(m.display_name());
    if (m.grant)
      grants[fmt::format("{} once, valid {} months, when {}", g(m.grant->quantity), m.grant->valid_months,
                         m.grant->when_state)]
          .push_back(m.display_name());
  }
  std::vector<std::string> items;
  auto add = [&](const auto& groups, const char* what) {
    for (const auto& [terms, names] : groups) {
      std::string who;
      for (const auto& n : names) who += (who.empty() ? "" : ", ") + n;
      items.push_back(fmt::format("{}: {} — {}", what, terms, names.size() == meters_in_use(p) ? "each meter" : who));
    }
  };
  add(free, "免费额度 free");
  add(grants, "赠送 grant");
  return {"免费额度 Free quotas and grants", 2, {items.empty() ? paragraph("none") : list(items)}};
}

// One table per packs block: sizes across, meters down, as the page prints it.
void pack_sections(const Product& p, std::vector<doc::Section>& out) {
  for (const auto& terms : p.pack_terms) {
    std::vector<std::pair<Decimal, std::string>> sizes;
    for (const auto& m : p.meters)
      for (const auto& k : m.packs)
        if (k.terms == terms.get() &&
            std::none_of(sizes.begin(), sizes.end(), [&](const auto& s) { return s.first == k.size; }))
          sizes.emplace_back(k.size, k.size_text);
    std::sort(sizes.begin(), sizes.end());
    doc::Table t{{"资源包规格"}, {}};
    for (const auto& s : sizes) t.header.push_back(s.second);
    for (const auto& m : p.meters) {
      std::vector<std::string> row{m.display_name()};
      bool any = false;
      for (const auto& s : sizes) {
        auto k = std::find_if(m.packs.begin(), m.packs.end(),
                              [&](const Pack& x) { return x.terms == terms.get() && x.size == s.first; });
        row.push_back(k == m.packs.end() ? "-" : cell(k->price));
        any = any || k != m.packs.end();
      }
      if (any) t.rows.push_back(std::move(row));
    }
    std::string valid = terms->valid_months ? fmt::format("valid {} months", *terms->valid_months) : "never expire";
    std::string how = fmt::format("{}, {}{}", valid, terms->stackable ? "stackable" : "not stackable",
                                  terms->requires_state ? ", for " + *terms->requires_state + " accounts only" : "");
    out.push_back({"预付费资源包 Packs", 2, {paragraph(how + ". '-': not sold."), table(std::move(t))}});
  }
}

// One table per band schedule: bands across in the document's notation, meters down.
void postpaid_sections(const Product& p, std::vector<doc::Section>& out) {
  std::vector<const BandSchedule*> done;
  for (const auto& m : p.meters) {
    if (!m.postpaid) continue;
    const BandSchedule* s = m.postpaid->schedule.get();
    if (std::find(done.begin(), done.end(), s) != done.end()) continue;
    done.push_back(s);
    doc::Table t{{"月接口调用总量"}, {}};
    for (const auto& b : s->bands) t.header.push_back(band_notation(b, quantity_word(m)));
    for (const auto& row : p.meters) {
      if (!row.postpaid || row.postpaid->schedule.get() != s) continue;
      std::vector<std::string> cells{row.display_name()};
      for (const auto& price : row.postpaid->prices) cells.push_back(cell(price));
      t.rows.push_back(std::move(cells));
    }
    std::string how = s->mode == BandMode::volume ? "阶梯到达 volume: every unit at the price of the band reached"
                                                  : "graduated: each unit at the price of its own band";
    how += s->basis == BandBasis::postpaid_quantity ? "; the band is chosen by the quantity left for postpaid"
                                                    : "; the band is chosen by the month's whole usage";
    if (m.postpaid->requires_state) how += "; for " + *m.postpaid->requires_state + " accounts only";
    out.push_back({"后付费 Postpaid", 2, {paragraph(how + "."), table(std::move(t))}});
  }
}

std::string fee_text(const Product& p, const Fee& f) {
  std::string per;
  for (const auto& d : f.dimensions)
    per += fmt::format(" per {}{}", d.per == Decimal(1) ? "" : d.per.to_string() + " ", d.name);
  std::string out = fmt::format("{} ({}): {} {}{}", f.display_name(), f.id, f.price.to_string(), p.currency, per);
  for (const auto& inc : f.includes)
    out += fmt::format("; includes a {} pack of {}", inc.size_text, p.meters[inc.meter].display_name());
  if (f.grants_state) out += "; makes the account " + *f.grants_state;
  if (f.requires_state) out += "; for " + *f.requires_state + " accounts only";
  for (const auto& d : f.dimensions) {
    if (d.from && d.to) out += fmt::format("; {} from {} to {}", d.name, d.from->to_string(), d.to->to_string());
    if (d.step) out += fmt::format("; {} in steps of {}", d.name, d.step->to_string());
    if (d.up_to)
      out += fmt::format("; {} up to {}{}", d.name, d.up_to->to_string(),
                         d.beyond_is_contact_sales ? ", more: 联系商务" : "");
  }
  for (const auto& n : f.notes) out += "; " + n;
  return out;
}

doc::Section settlement_section(const Product& p) {
  std::string order;
  for (auto s : p.settlement) order += (order.empty() ? "" : " > ") + std::string(to_string(s));
  std::vector<std::string> items{"结算顺序 settlement order: " + order};
  if (p.freeze)
    items.push_back(fmt::format("次月预授权冻结 freeze: {}% of the month's usage at list price",
                                (*p.freeze * 100).normalized().to_string()));
  if (p.alert_below)
    items.push_back(fmt::format("资源包提醒 alert: when a pack has less than {}% left, or is used up",
                                (*p.alert_below * 100).normalized().to_string()));
  for (const auto& n : p.notices)
    items.push_back(fmt::format("notice over {} {}: {}", g(n.threshold), p.currency, n.text));
  for (const auto& s : p.rated_states) items.push_back("batch rating bills accounts as " + s);
  return {"结算 Settlement", 2, {list(items)}};
}

std::string request_text(const Product& p, const BillRequest& r) {
  std::vector<std::string> parts;
  for (std::size_t m = 0; m < r.usage.size(); ++m)
    if (!r.usage[m].is_zero()) parts.push_back(fmt::format("usage {} = {}", p.meters[m].display_name(), g(r.usage[m])));
  for (const auto& b : r.buys)
    parts.push_back(fmt::format("buy {} {} × {}", p.meters[b.meter].display_name(),
                                p.meters[b.meter].packs[b.pack].size_text, b.count.to_string()));
  for (const auto& h : r.held)
    parts.push_back(fmt::format("held {} {} left{}", p.meters[h.meter].display_name(), g(h.remaining),
                                h.size ? " of " + g(*h.size) : ""));
  for (const auto& f : r.fees) {
    std::string q;
    const Fee& fee = p.fees[f.fee];
    for (std::size_t i = 0; i < fee.dimensions.size(); ++i)
      q += fmt::format(" {} = {}", fee.dimensions[i].name, f.quantities[i].to_string());
    parts.push_back(fmt::format("fee {}{}", fee.display_name(), q));
  }
  for (const auto& s : r.states) parts.push_back("state " + s);
  std::string out;
  for (const auto& x : parts) out += (out.empty() ? "" : "; ") + x;
  return out;
}

std::vector<std::string> expectations(const Product& p, const std::vector<ExampleExpect>& expects) {
  std::vector<std::string> out;
  for (const auto& x : expects) {
    std::string subject = x.meter ? x.subject + " " + p.meters[*x.meter].display_name() : x.subject;
    bool calls = x.subject == "expired" || x.subject == "remaining";
    out.push_back(x.value ? fmt::format("the document: {} = {}{}", subject, g(*x.value), calls ? "" : " " + p.currency)
                          : fmt::format("the document: {} \"{}\"", subject, x.text));
  }
  return out;
}

// An example over months: each month's request, expectations and the bill the rules give it
// against the ledger the months before left (billing/simulate.hpp).
void month_blocks(const Product& p, const Example& e, doc::Section& s) {
  Simulation sim = simulate(p, e);
  for (std::size_t i = 0; i < e.months.size(); ++i) {
    const ExampleMonth& m = e.months[i];
    s.blocks.push_back(paragraph(fmt::format("{}: {}", month_text(m.month), request_text(p, m.request))));
    if (!m.expects.empty()) s.blocks.push_back(list(expectations(p, m.expects)));
    const SimulatedMonth& played = sim.months.at(i);
    if (played.settled)
      s.blocks.push_back({doc::Block::Kind::code, format_bill_text(played.settled->bill), {}, {}});
    else
      s.blocks.push_back(paragraph(fmt::format("the rules: cannot bill: {}", played.error->what())));
  }
  std::vector<std::string> period = expectations(p, e.expects);
  period.push_back(fmt::format("the rules: {} {} over the months", g(sim.total), p.currency));
  s.blocks.push_back(list(period));
}

doc::Section example_section(const Product& p, const Example& e) {
  doc::Section s{e.title, 3, {}};
  if (!e.source.empty()) s.blocks.push_back(paragraph("source: " + e.source));
  if (e.spans_months()) {
    month_blocks(p, e, s);
    return s;
  }
  s.blocks.push_back(paragraph(request_text(p, e.request)));
  std::vector<std::string> expected = expectations(p, e.expects);
  if (e.discrepancy) expected.push_back("recorded discrepancy: " + *e.discrepancy);
  s.blocks.push_back(list(expected));
  try {
    s.blocks.push_back({doc::Block::Kind::code, format_bill_text(bill(p, e.request)), {}, {}});
  } catch (const BillingError& error) {
    s.blocks.push_back(paragraph(fmt::format("the rules: cannot bill: {}", error.what())));
  }
  return s;
}

}  // namespace

std::string band_notation(const Band& b, const std::string& q) {
  std::string inner = b.text.size() >= 2 ? b.text.substr(1, b.text.size() - 2) : b.text;
  std::size_t comma = inner.find(',');
  auto trim = [](std::string s) {
    std::size_t f = s.find_first_not_of(' '), l = s.find_last_not_of(' ');
    return f == std::string::npos ? std::string() : s.substr(f, l - f + 1);
  };
  std::string lower = trim(inner.substr(0, comma)),
              upper = comma == std::string::npos ? "" : trim(inner.substr(comma + 1));
  if (!b.upper) return fmt::format("{} {} {}", q, b.lower_closed ? "≥" : ">", lower);
  return fmt::format("{} {} {} {} {}", lower, b.lower_closed ? "≤" : "<", q, b.upper_closed ? "≤" : "<", upper);
}

namespace doc {

Page page_of(const Product& p, bool worked) {
  Page page{fmt::format("{} ({})", p.names.empty() ? p.id : [&] {
                          std::string n;
                          for (const auto& x : p.names) n += (n.empty() ? "" : " ") + x;
                          return n;
                        }(), p.id), {}};
  std::vector<std::string> about{fmt::format("currency {}, billed per {}", p.currency, p.cycle)};
  if (!p.source.empty()) about.push_back("source: " + p.source);
  page.sections.push_back({"", 2, {list(about)}});
  page.sections.push_back(meters_section(p));
  page.sections.push_back(quotas_section(p));
  pack_sections(p, page.sections);
  postpaid_sections(p, page.sections);
  if (!p.fees.empty()) {
    std::vector<std::string> fees;
    for (const auto& f : p.fees) fees.push_back(fee_text(p, f));
    page.sections.push_back({"费用 Fees", 2, {list(fees)}});
  }
  page.sections.push_back(settlement_section(p));
  if (!p.notes.empty()) page.sections.push_back({"说明 Notes", 2, {list(p.notes)}});
  if (!worked) return page;
  Section charts{"图表 Charts: the monthly bill against usage", 2, {}};
  for (MeterIndex m = 0; m < p.meters.size(); ++m)
    if (std::string svg = meter_chart(p, m); !svg.empty()) charts.blocks.push_back({Block::Kind::chart, svg, {}, {}});
  if (!charts.blocks.empty()) page.sections.push_back(std::move(charts));
  if (!p.examples.empty()) page.sections.push_back({"费用计算示例 Worked examples", 2, {}});
  for (const auto& e : p.examples) page.sections.push_back(example_section(p, e));
  return page;
}

}  // namespace doc

}  // namespace tariff
