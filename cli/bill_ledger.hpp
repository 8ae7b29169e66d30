#pragma once
// `tariff bill` against an account's ledger (cli/bill_ledger.cpp).
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "interpreter/billing/account.hpp"

namespace tariff::cli {

struct LedgerBill {
  std::optional<std::string> ledger, ledger_out, account, month;
  int month_number = 0;
  std::vector<StatePeriod> periods;  // --STATE-since YYYY-MM: the state from that month on
  bool json = false;
};

// Prints the bill, what expired and what was drawn; writes --ledger-out. Returns the exit code.
int bill_against_ledger(const RuleSet& rules, const Product& product, BillRequest request, const LedgerBill& how);

}  // namespace tariff::cli
