#pragma once
// The bill impact of a rule change (tariff diff OLD NEW --usage USAGE.csv): one usage file rated
// by batch rating under both rule sets, every account's total under each, the change, and a summary
// per currency. Nothing is printed: the caller gets the figures and both runs' rejects.
#include <map>
#include <string>
#include <vector>

#include "interpreter/batch/rate.hpp"
#include "interpreter/money/decimal_sum.hpp"

namespace tariff {

// One account's bills in one currency, summed over its months and products, under each rule set.
// Only bills rated under both count (UnpairedBill has the others).
struct AccountImpact {
  std::string account, currency;
  Decimal before, after;
  Decimal change() const { return after - before; }
};

// A bill (account, month, product) rated under one rule set and not the other: rejected there, its
// product missing there, or priced there in another currency. Left out of the account totals,
// since a change against nothing is not the rule change's impact.
struct UnpairedBill {
  std::string account, month, product, currency;
  Decimal total;
  bool before_only = false;  // else after only
};

struct CurrencyImpact {
  std::string currency;
  std::size_t up = 0, down = 0, unchanged = 0;  // accounts
  DecimalSum before, after, change;
  std::vector<std::size_t> largest;  // indices into BillImpact::accounts, largest change first
};

struct BillImpact {
  rate::Result before, after;              // the two runs, with their rejects
  std::vector<AccountImpact> accounts;     // by account, then currency
  std::vector<UnpairedBill> unpaired;      // by account, month, product
  std::vector<CurrencyImpact> currencies;  // by currency
};

// Rates `usage_path` (a regular file: it is read once per rule set) under both rule sets and
// compares; `largest` accounts per currency are ranked by the size of their change (ties by
// account). Throws rate::RateError when the file cannot be read, as rate_file does.
BillImpact rate_impact(const RuleSet& before, const RuleSet& after, const std::string& usage_path,
                       std::size_t largest = 10);

}  // namespace tariff
