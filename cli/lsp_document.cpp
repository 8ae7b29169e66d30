// What the language server knows of one open rule file (lsp_document.hpp).
#include "cli/lsp_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "interpreter/base/text_width.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/language/format.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/report/doc.hpp"

namespace tariff::cli::lsp {

namespace {

// The words that start a rule file's items and clauses, for completion.
constexpr const char* keywords[] = {"product",
                                    "currency",
                                    "cycle",
                                    "source",
                                    "meter",
                                    "aka",
                                    "actions",
                                    "unit",
                                    "added",
                                    "retired",
                                    "free",
                                    "per",
                                    "for",
                                    "each",
                                    "unless",
                                    "grant",
                                    "valid",
                                    "when",
                                    "packs",
                                    "stackable",
                                    "not",
                                    "refundable",
                                    "requires",
                                    "postpaid",
                                    "band",
                                    "by",
                                    "settle",
                                    "freeze",
                                    "alert",
                                    "below",
                                    "notice",
                                    "total",
                                    "example",
                                    "usage",
                                    "buy",
                                    "held",
                                    "state",
                                    "expect",
                                    "discrepancy",
                                    "fee",
                                    "includes",
                                    "pack",
                                    "grants",
                                    "note",
                                    "from",
                                    "to",
                                    "step",
                                    "up",
                                    "else",
                                    "rated",
                                    "accounts",
                                    "are",
                                    "volume",
                                    "graduated",
                                    "postpaid_quantity",
                                    "month",
                                    "year",
                                    "联系商务",
                                    "contact sales"};

std::size_t utf16_units(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) n += next_code_point(text, i) > 0xFFFF ? 2 : 1;
  return n;
}

std::string text_of(const Span& s) { return s.source->text.substr(s.begin, s.end - s.begin); }

bool inside(const Span& s, std::size_t offset) { return s.valid() && s.begin <= offset && offset < s.end; }

const ast::Meter* meter_named(const ast::Product& p, const std::string& name) {
  for (const auto& m : p.meters) {
    if (m.id.text == name) return &m;
    for (const auto* list : {&m.names, &m.aka, &m.actions})
      for (const auto& n : *list)
        if (n.text == name) return &m;
  }
  return nullptr;
}

}  // namespace

void Document::update(std::string new_text) {
  text = std::move(new_text);
  source = make_source(path, text);
  diagnostics = Diagnostics{};
  rules = load_rules({}, diagnostics);
  load_source(rules, source, diagnostics);
  Diagnostics syntax;
  if (auto parsed = parse_file(source, syntax)) ast = std::move(parsed);
}

std::size_t Document::offset(const json& position) const {
  std::size_t line = position.at("line").get<std::size_t>(), character = position.at("character").get<std::size_t>();
  std::size_t at = 0;
  for (std::size_t l = 0; l < line && at < text.size(); ++l) at = std::min(text.find('\n', at), text.size()) + 1;
  at = std::min(at, text.size());
  for (std::size_t units = 0; at < text.size() && text[at] != '\n' && units < character;) {
    std::size_t next = at;
    units += next_code_point(text, next) > 0xFFFF ? 2 : 1;
    at = next;
  }
  return at;
}

json Document::position(std::size_t offset) const {
  offset = std::min(offset, text.size());
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  std::size_t line =
      static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  return {{"line", line}, {"character", utf16_units(std::string_view(text).substr(line_start, offset - line_start))}};
}

json Document::range(const Span& span) const {
  if (!span.valid() || span.source.get() != source.get()) return {{"start", position(0)}, {"end", position(0)}};
  return {{"start", position(span.begin)}, {"end", position(std::max(span.end, span.begin))}};
}

json Document::published_diagnostics() const {
  json list = json::array();
  for (const auto& d : diagnostics.list()) {
    // A diagnostic about the prelude or no place is shown at the top of the file.
    json item = {{"range", range(d.span)},
                 {"severity", 1},
                 {"source", "tariff"},
                 {"code", d.code},
                 {"message", d.hint.empty() ? d.message : d.message + "\nhint: " + d.hint}};
    json related = json::array();
    for (const auto& n : d.notes)
      if (n.span.valid() && n.span.source.get() == source.get())
        related.push_back({{"location", {{"uri", uri}, {"range", range(n.span)}}}, {"message", n.message}});
    if (!related.empty()) item["relatedInformation"] = related;
    list.push_back(item);
  }
  return {{"uri", uri}, {"diagnostics", list}};
}

json Document::completion() const {
  json items = json::array();
  std::set<std::string> seen;
  auto add = [&](const std::string& label, int kind, const std::string& detail) {
    if (!label.empty() && seen.insert(label).second)
      items.push_back({{"label", label}, {"kind", kind}, {"detail", detail}});
  };
  if (ast)
    for (const auto& p : ast->products) {
      for (const auto& m : p.meters) {
        add(m.id.text, 5, "meter of " + p.id.text);
        for (const auto& n : m.names) add(n.text, 5, "meter " + m.id.text);
        for (const auto& a : m.actions) add(a.text, 5, "API action of " + m.id.text);
      }
      for (const auto& f : p.free)
        if (f.unless_state) add(f.unless_state->text, 20, "account state");
      for (const auto& g : p.grants) add(g.when_state.text, 20, "account state");
      for (const auto& f : p.fees) {
        add(f.id.text, 3, "fee");
        if (f.grants_state) add(f.grants_state->text, 20, "account state");
        if (f.requires_state) add(f.requires_state->text, 20, "account state");
      }
    }
  std::vector<std::string> units;
  for (const auto& [name, value] : rules.prelude.units) units.push_back(name);
  std::sort(units.begin(), units.end());
  for (const auto& u : units) add(u, 11, "unit = " + rules.prelude.units.at(u).to_string());
  for (const char* k : keywords) add(k, 14, "keyword");
  return items;
}

json Document::hover(std::size_t offset) const {
  if (!ast) return nullptr;
  for (const auto& ap : ast->products) {
    // The version this block is (product ID from 2027-01 { ... }), not the product's first.
    const Product* lowered = nullptr;
    std::optional<int> from = ap.from ? parse_month(ap.from->text) : std::nullopt;
    for (const Product* v : rules.catalog.versions(ap.id.text))
      if (v->from == from) lowered = v;
    auto examples_touching = [&](auto touches) {
      if (!lowered) return std::string("(the examples are shown once the file checks clean)");
      std::string out;
      for (const auto& e : lowered->examples) {
        bool hit = false;
        try {
          hit = touches(e, bill(*lowered, e.request));
        } catch (const BillingError&) {
        }
        if (hit) out += (out.empty() ? "" : ", ") + e.title;
      }
      return out.empty() ? std::string("none") : out;
    };
    for (const auto& post : ap.postpaid)
      for (const auto& row : post.table.rows)
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
          if (!inside(row.cells[i].span, offset) || i >= post.table.columns.size()) continue;
          const ast::Meter* m = meter_named(ap, row.key.text);
          std::string band = text_of(post.table.columns[i].span);
          std::string notation;
          std::optional<MeterIndex> index = lowered ? lowered->find_meter(row.key.text) : std::nullopt;
          if (index && lowered->meters[*index].postpaid && i < lowered->meters[*index].postpaid->schedule->bands.size())
            notation = " (" + band_notation(lowered->meters[*index].postpaid->schedule->bands[i], "调用量") + ")";
          std::string touched = examples_touching([&](const Example&, const Bill& b) {
            for (const auto& l : b.lines)
              if (index && l.meter == *index &&
                  (l.charge.band == i || std::any_of(l.charge.crossed.begin(), l.charge.crossed.end(),
                                                     [&](const auto& c) { return c.band == i; })))
                return true;
            return false;
          });
          std::string value = fmt::format(
              "**{}**{} — postpaid, {} band {}{}\n\nprice: **{}**\n\nexamples that bill in this band: {}", row.key.text,
              m ? " (" + m->id.text + ")" : "", post.mode.text, band, notation, text_of(row.cells[i].span), touched);
          return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", range(row.cells[i].span)}};
        }
    for (const auto& packs : ap.packs)
      for (const auto& row : packs.table.rows)
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
          if (!inside(row.cells[i].span, offset) || i >= packs.table.columns.size()) continue;
          const ast::Meter* m = meter_named(ap, row.key.text);
          std::string size = text_of(packs.table.columns[i].span);
          std::optional<MeterIndex> index = lowered ? lowered->find_meter(row.key.text) : std::nullopt;
          std::string touched = examples_touching([&](const Example&, const Bill& b) {
            for (const auto& l : b.lines)
              if (index && l.meter == *index)
                for (const auto& d : l.packs)
                  if (d.size_text == size) return true;
            return false;
          });
          std::string value =
              fmt::format("**{}**{} — pack {}\n\nprice: **{}**\n\nexamples that draw on it: {}", row.key.text,
                          m ? " (" + m->id.text + ")" : "", size, text_of(row.cells[i].span), touched);
          return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", range(row.cells[i].span)}};
        }
  }
  return nullptr;
}

json Document::definition(std::size_t offset) const {
  if (!ast) return nullptr;
  // The name under the cursor: a table row's key, or any name written in the product.
  for (const auto& ap : ast->products) {
    std::vector<const ast::Name*> names;
    for (const auto* tables : {&ap.packs})
      for (const auto& t : *tables)
        for (const auto& r : t.table.rows) names.push_back(&r.key);
    for (const auto& t : ap.postpaid)
      for (const auto& r : t.table.rows) names.push_back(&r.key);
    for (const auto& f : ap.free)
      for (const auto& m : f.meters) names.push_back(&m);
    for (const auto& g : ap.grants)
      for (const auto& m : g.meters) names.push_back(&m);
    for (const auto& e : ap.examples) {
      for (const auto& u : e.usage) names.push_back(&u.meter);
      for (const auto& b : e.buys) names.push_back(&b.meter);
      for (const auto& h : e.held) names.push_back(&h.meter);
    }
    for (const auto& f : ap.fees)
      for (const auto& inc : f.includes) names.push_back(&inc.meter);
    for (const ast::Name* n : names)
      if (inside(n->span, offset))
        if (const ast::Meter* m = meter_named(ap, n->text)) return {{"uri", uri}, {"range", range(m->span)}};
  }
  return nullptr;
}

json Document::formatting() const {
  Diagnostics d;
  auto formatted = format_rules(source, d);
  if (!formatted || *formatted == text) return json::array();
  return json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", position(text.size())}}},
                       {"newText", *formatted}}});
}

}  // namespace tariff::cli::lsp
