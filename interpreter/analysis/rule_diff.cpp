// Two rule sets compared product by product, meter by meter, fee by fee (the cells of each are in
// rule_diff_cells.cpp).
#include "interpreter/analysis/rule_diff.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/analysis/rule_diff_support.hpp"
#include "interpreter/model/month.hpp"

namespace tariff {

namespace diff_detail {

void Recorder::compare(const std::string& item, const std::string& subject, const std::string& cell, const Text& before,
                       const Text& after) const {
  if (before != after) out.push_back({product, item, subject, cell, before, after, version});
}

void Recorder::compare(const std::string& item, const std::string& subject, const Cells& before,
                       const Cells& after) const {
  auto find = [](const Cells& cells, const std::string& key) {
    return std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.key == key; });
  };
  for (const Cell& now : after) {
    auto was = find(before, now.key);
    compare(item, subject, now.label, was == before.end() ? Text() : Text(was->text), now.text);
  }
  for (const Cell& was : before)
    if (find(after, was.key) == after.end()) compare(item, subject, was.label, was.text, Text());
}

}  // namespace diff_detail

namespace {

using namespace diff_detail;

Text optional_text(const std::optional<Decimal>& fraction) { return fraction ? Text(percent_text(*fraction)) : Text(); }

std::string settle_text(const Product& p) {
  std::vector<std::string> steps;
  for (SettlementStep s : p.settlement) steps.emplace_back(to_string(s));
  return join(steps, " > ");
}

Cells notice_cells(const Product& p) {
  Cells cells;
  for (const Notice& n : p.notices)
    cells.push_back({n.threshold.to_string(), "when total > " + n.threshold.to_string(), n.text});
  return cells;
}

// The product's own items: names, currency, cycle, settlement, freeze, alert, notices, states.
void diff_items(const Recorder& r, const Product& before, const Product& after) {
  r.compare("name", "", "", join(before.names, " / "), join(after.names, " / "));
  r.compare("currency", "", "", before.currency, after.currency);
  r.compare("cycle", "", "", before.cycle, after.cycle);
  r.compare("settle", "", "", settle_text(before), settle_text(after));
  r.compare("freeze", "", "", optional_text(before.freeze), optional_text(after.freeze));
  r.compare("alert", "", "packs below", optional_text(before.alert_below), optional_text(after.alert_below));
  r.compare("notice", "", notice_cells(before), notice_cells(after));
  r.compare("rated states", "", "", join(before.rated_states, ", "), join(after.rated_states, ", "));
  r.compare("minimum", "", "", limit_text(before.limits.minimum, before.currency),
            limit_text(after.limits.minimum, after.currency));
  r.compare("maximum", "", "", limit_text(before.limits.maximum, before.currency),
            limit_text(after.limits.maximum, after.currency));
  r.compare("commitment", "", "", limit_text(before.limits.commitment, before.currency),
            limit_text(after.limits.commitment, after.currency));
  auto payable = [](const Product& p) { return p.payable ? Text(p.payable->text()) : Text(); };
  r.compare("payable", "", "", payable(before), payable(after));
}

// One meter, either side possibly missing: the meter itself, then its tables cell by cell.
void diff_meter(const Recorder& r, const Meter* before, const Meter* after) {
  const Meter& named = after ? *after : *before;
  std::string subject = named.display_name();
  auto names = [](const Meter* m) { return m ? Text(join(m->names, " / ")) : Text(); };
  auto actions = [](const Meter* m) { return m ? Text(join(m->actions, " + ")) : Text(); };
  auto unit = [](const Meter* m) { return m ? Text(m->unit + (m->decimal ? " decimal" : "")) : Text(); };
  r.compare("meter", subject, "id", before ? Text(before->id) : Text(), after ? Text(after->id) : Text());
  if (before && after) {
    r.compare("meter", subject, "names", names(before), names(after));
    r.compare("meter", subject, "actions", actions(before), actions(after));
    r.compare("meter", subject, "unit", unit(before), unit(after));
    // A version that retires a meter: its prices go, and the meter says why.
    auto standing = [](const Meter* m) {
      return Text(m->retired() ? retired_from_text(*m) : "in use");
    };
    r.compare("meter", subject, "status", standing(before), standing(after));
  }
  r.compare("postpaid", subject, postpaid_cells(before), postpaid_cells(after));
  r.compare("pack", subject, pack_cells(before), pack_cells(after));
  r.compare("quota", subject, quota_cells(before), quota_cells(after));
}

void diff_recurring(const Recorder& r, const RecurringFee* before, const RecurringFee* after) {
  std::string subject = (after ? after : before)->display_name();
  r.compare("recurring fee", subject, "id", before ? Text(before->id) : Text(), after ? Text(after->id) : Text());
  r.compare("recurring fee", subject, recurring_cells(before), recurring_cells(after));
}

void diff_fee(const Recorder& r, const Product& bp, const Fee* before, const Product& ap, const Fee* after) {
  std::string subject = (after ? after : before)->display_name();
  r.compare("fee", subject, "id", before ? Text(before->id) : Text(), after ? Text(after->id) : Text());
  r.compare("fee", subject, fee_cells(bp, before), fee_cells(ap, after));
}

// Each item of `after` with its match in `before` (or none), then what only `before` has.
template <class T, class F>
void pair_by_id(const std::vector<T>& before, const std::vector<T>& after, F f) {
  auto find = [](const std::vector<T>& list, const std::string& id) -> const T* {
    auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
  };
  for (const T& now : after) f(find(before, now.id), &now);
  for (const T& was : before)
    if (!find(after, was.id)) f(&was, nullptr);
}

}  // namespace

void diff_products(const Product& before, const Product& after, std::vector<RuleChange>& out,
                   const std::optional<std::string>& version) {
  Recorder r{after.id, out, version};
  diff_items(r, before, after);
  pair_by_id(before.meters, after.meters, [&](const Meter* b, const Meter* a) { diff_meter(r, b, a); });
  pair_by_id(before.fees, after.fees, [&](const Fee* b, const Fee* a) { diff_fee(r, before, b, after, a); });
  pair_by_id(before.recurring, after.recurring,
             [&](const RecurringFee* b, const RecurringFee* a) { diff_recurring(r, b, a); });
}

namespace {

std::string from_text(const Product& version) { return "from " + month_text(*version.from); }

// A product with versions on either side: its versions matched by the month they are in force
// from, each pair compared; a version only one side has is added or removed as a whole.
void diff_versions(const std::vector<const Product*>& before, const std::vector<const Product*>& after,
                   std::vector<RuleChange>& out) {
  auto find = [](const std::vector<const Product*>& list, const std::optional<int>& from) -> const Product* {
    for (const Product* p : list)
      if (p->from == from) return p;
    return nullptr;
  };
  auto label = [](const Product& p) { return p.from ? std::optional(from_text(p)) : std::nullopt; };
  const std::string& id = after.front()->id;
  for (const Product* now : after) {
    if (const Product* was = find(before, now->from))
      diff_products(*was, *now, out, label(*now));
    else
      out.push_back({id, "version", "", "in force", std::nullopt,
                     now->from ? from_text(*now) : std::string("every month"), label(*now)});
  }
  for (const Product* was : before)
    if (!find(after, was->from))
      out.push_back({id, "version", "", "in force", was->from ? from_text(*was) : std::string("every month"),
                     std::nullopt, label(*was)});
}

}  // namespace

RuleDiff diff_catalogs(const Catalog& before, const Catalog& after) {
  RuleDiff diff;
  diff.before_products = before.product_count();
  diff.after_products = after.product_count();
  for (const auto& now : after.products) {
    if (now.get() != after.find(now->id)) continue;  // a later version: compared with the first
    auto was = before.versions(now->id), is = after.versions(now->id);
    if (was.empty())
      diff.changes.push_back({now->id, "product", "", "", std::nullopt, now->display_name(), std::nullopt});
    else if (was.size() == 1 && is.size() == 1 && !was[0]->from && !is[0]->from)
      diff_products(*was[0], *is[0], diff.changes);
    else
      diff_versions(was, is, diff.changes);
  }
  for (const auto& was : before.products)
    if (was.get() == before.find(was->id) && !after.find(was->id))
      diff.changes.push_back({was->id, "product", "", "", was->display_name(), std::nullopt, std::nullopt});
  return diff;
}

}  // namespace tariff
