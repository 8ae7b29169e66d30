#include "interpreter/analysis/format_diff.hpp"

#include <fmt/format.h>

#include "interpreter/base/json.hpp"
#include "interpreter/base/text_width.hpp"

namespace tariff {

namespace {

// A table whose columns are padded by display width (人脸比对 lines up with ASCII), text columns
// to the left and figures to the right.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  // per column: a figure

  std::string str(const std::string& indent = "") const {
    std::vector<std::size_t> widths(right.size(), 0);
    for (const auto& r : rows)
      for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
    std::string out;
    for (const auto& r : rows) {
      std::string line = indent;
      for (std::size_t i = 0; i < r.size(); ++i) {
        std::string pad(widths[i] - display_width(r[i]), ' ');
        line += (i == 0 ? "" : "  ") + (right[i] ? pad + r[i] : r[i] + pad);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }
};

std::string grouped(const Decimal& d) { return d.to_string_grouped(','); }

// A change with its sign: +120, -698, 0.
std::string signed_text(const Decimal& d) {
  std::string text = grouped(d);
  if (!d.is_negative() && !d.is_zero()) text.insert(text.begin(), '+');
  return text;
}

// An exact sum, grouped when it fits a Decimal (it always does but for the largest runs).
std::string sum_text(const DecimalSum& s, bool with_sign = false) {
  std::string text = s.to_string();
  auto d = Decimal::parse(text);
  if (!d) return text;
  return with_sign ? signed_text(*d) : grouped(*d);
}

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

std::string format_rule_diff_text(const RuleDiff& diff) {
  if (diff.changes.empty())
    return fmt::format("no changes: {} the same in both (every price, band, pack, fee and free quota)\n",
                       plural(diff.after_products, "product"));
  Table t{{{"product", "item", "of", "cell", "old", "new"}}, {false, false, false, false, false, false}};
  std::vector<std::string> changed;
  for (const RuleChange& c : diff.changes) {
    t.rows.push_back(
        {c.version ? c.product + " " + *c.version : c.product, c.item, c.subject, c.cell, c.before.value_or("(added)"),
         c.after.value_or("(removed)")});
    if (changed.empty() || changed.back() != c.product) changed.push_back(c.product);
  }
  return t.str() + fmt::format("{} in {} ({} old, {} new)\n", plural(diff.changes.size(), "change"),
                               plural(changed.size(), "product"), diff.before_products, diff.after_products);
}

std::string format_impact_text(const BillImpact& impact) {
  Table t{{{"account", "currency", "old", "new", "change"}}, {false, false, true, true, true}};
  for (const AccountImpact& a : impact.accounts)
    t.rows.push_back({a.account, a.currency, grouped(a.before), grouped(a.after), signed_text(a.change())});
  std::string out = fmt::format("bill impact: {}\n", plural(impact.accounts.size(), "account"));
  if (!impact.accounts.empty()) out += t.str();
  for (const CurrencyImpact& c : impact.currencies) {
    out += fmt::format("\n{}: {} up, {} down, {} unchanged; total {} → {} ({})\n", c.currency, plural(c.up, "account"),
                       c.down, c.unchanged, sum_text(c.before), sum_text(c.after), sum_text(c.change, true));
    if (c.largest.empty()) continue;
    Table top{{}, {false, true, false}};
    for (std::size_t i : c.largest) {
      const AccountImpact& a = impact.accounts[i];
      top.rows.push_back(
          {a.account, signed_text(a.change()), fmt::format("({} → {})", grouped(a.before), grouped(a.after))});
    }
    out += fmt::format("largest changes in {}:\n", c.currency) + top.str("  ");
  }
  if (!impact.unpaired.empty()) {
    out += "\nbills rated under one rule set only (left out of the totals):\n";
    Table u{{}, {false, false, false, false, true, false}};
    for (const UnpairedBill& b : impact.unpaired)
      u.rows.push_back({b.account, b.month, b.product, b.currency, grouped(b.total),
                        b.before_only ? "old rules only" : "new rules only"});
    out += u.str("  ");
  }
  return out;
}

namespace {

void text_or_null(JsonWriter& w, const char* key, const std::optional<std::string>& text) {
  w.key(key);
  text ? w.string(*text) : w.null();
}

void impact_json(JsonWriter& w, const BillImpact& impact) {
  w.key("impact").begin_object();
  w.key("accounts").begin_array();
  for (const AccountImpact& a : impact.accounts) {
    w.begin_object().key("account").string(a.account).key("currency").string(a.currency);
    w.key("old").string(a.before.to_string()).key("new").string(a.after.to_string());
    w.key("change").string(a.change().to_string()).end_object();
  }
  w.end_array().key("summary").begin_array();
  for (const CurrencyImpact& c : impact.currencies) {
    w.begin_object().key("currency").string(c.currency);
    w.key("accounts_up").number(std::to_string(c.up)).key("accounts_down").number(std::to_string(c.down));
    w.key("accounts_unchanged").number(std::to_string(c.unchanged));
    w.key("old").string(c.before.to_string()).key("new").string(c.after.to_string());
    w.key("change").string(c.change.to_string()).key("largest").begin_array();
    for (std::size_t i : c.largest)
      w.begin_object()
          .key("account")
          .string(impact.accounts[i].account)
          .key("change")
          .string(impact.accounts[i].change().to_string())
          .end_object();
    w.end_array().end_object();
  }
  w.end_array().key("unpaired").begin_array();
  for (const UnpairedBill& b : impact.unpaired) {
    w.begin_object().key("account").string(b.account).key("month").string(b.month).key("product").string(b.product);
    w.key("currency").string(b.currency).key("total").string(b.total.to_string());
    w.key("rated_under").string(b.before_only ? "old" : "new").end_object();
  }
  w.end_array();
  w.key("rejected").begin_object().key("old").number(std::to_string(impact.before.reject_count));
  w.key("new").number(std::to_string(impact.after.reject_count)).end_object();
  w.end_object();
}

}  // namespace

std::string format_diff_json(const RuleDiff& diff, const BillImpact* impact) {
  JsonWriter w;
  w.begin_object().key("products").begin_object();
  w.key("old").number(std::to_string(diff.before_products)).key("new").number(std::to_string(diff.after_products));
  w.end_object().key("changes").begin_array();
  for (const RuleChange& c : diff.changes) {
    w.begin_object().key("product").string(c.product).key("item").string(c.item);
    if (c.version) w.key("version").string(*c.version);
    w.key("of").string(c.subject).key("cell").string(c.cell);
    text_or_null(w, "old", c.before);
    text_or_null(w, "new", c.after);
    w.end_object();
  }
  w.end_array();
  if (impact) impact_json(w, *impact);
  w.end_object();
  return w.str() + "\n";
}

}  // namespace tariff
