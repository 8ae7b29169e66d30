#include "interpreter/analysis/bill_impact.hpp"

#include <algorithm>
#include <tuple>

#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

using BillKey = std::tuple<std::string, int, std::string>;  // account, month, product id

struct Priced {
  std::string currency;
  Decimal total;
};

std::map<BillKey, Priced> bills_of(const rate::Result& r) {
  std::map<BillKey, Priced> bills;
  for (const rate::Row& row : r.rows)
    bills[{r.accounts[row.account], row.month, row.product->id}] = {row.product->currency, row.total};
  return bills;
}

void add_unpaired(BillImpact& impact, const BillKey& key, const Priced& bill, bool before_only) {
  impact.unpaired.push_back(
      {std::get<0>(key), month_text(std::get<1>(key)), std::get<2>(key), bill.currency, bill.total, before_only});
}

// Pairs the two runs' bills; a pair in one currency adds to its account's totals.
void pair_bills(BillImpact& impact) {
  auto before = bills_of(impact.before), after = bills_of(impact.after);
  std::map<std::pair<std::string, std::string>, AccountImpact> accounts;
  for (const auto& [key, was] : before) {
    auto now = after.find(key);
    if (now == after.end() || now->second.currency != was.currency) {
      add_unpaired(impact, key, was, true);
      continue;
    }
    AccountImpact& a = accounts[{std::get<0>(key), was.currency}];
    a.account = std::get<0>(key), a.currency = was.currency;
    a.before += was.total;
    a.after += now->second.total;
  }
  for (const auto& [key, now] : after) {
    auto was = before.find(key);
    if (was == before.end() || was->second.currency != now.currency) add_unpaired(impact, key, now, false);
  }
  std::stable_sort(impact.unpaired.begin(), impact.unpaired.end(), [](const UnpairedBill& x, const UnpairedBill& y) {
    return std::tie(x.account, x.month, x.product) < std::tie(y.account, y.month, y.product);
  });
  for (auto& [key, a] : accounts) impact.accounts.push_back(std::move(a));
}

void summarize(BillImpact& impact, std::size_t largest) {
  std::map<std::string, CurrencyImpact> by_currency;
  for (std::size_t i = 0; i < impact.accounts.size(); ++i) {
    const AccountImpact& a = impact.accounts[i];
    CurrencyImpact& c = by_currency[a.currency];
    c.currency = a.currency;
    Decimal change = a.change();
    (change.is_zero() ? c.unchanged : change.is_negative() ? c.down : c.up) += 1;
    c.before += a.before;
    c.after += a.after;
    c.change += change;
    if (!change.is_zero()) c.largest.push_back(i);
  }
  for (auto& [currency, c] : by_currency) {
    auto size = [&](std::size_t i) {
      Decimal d = impact.accounts[i].change();
      return d.is_negative() ? -d : d;
    };
    std::stable_sort(c.largest.begin(), c.largest.end(),
                     [&](std::size_t x, std::size_t y) { return size(x) > size(y); });
    if (c.largest.size() > largest) c.largest.resize(largest);
    impact.currencies.push_back(std::move(c));
  }
}

}  // namespace

BillImpact rate_impact(const RuleSet& before, const RuleSet& after, const std::string& usage_path,
                       std::size_t largest) {
  BillImpact impact;
  rate::Options options;
  impact.before = rate::rate_file(before, usage_path, {}, options);
  impact.after = rate::rate_file(after, usage_path, {}, options);
  pair_bills(impact);
  summarize(impact, largest);
  return impact;
}

}  // namespace tariff
