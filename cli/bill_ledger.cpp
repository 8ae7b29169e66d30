// tariff bill … --month YYYY-MM --ledger OPEN.csv --account A [--ledger-out CLOSE.csv]: one
// account's month settled against its ledger (billing/account.hpp). The ledger file is read as
// `rate --ledger` reads it; a row it cannot take stops the command (exit 2). The closing ledger
// is the whole file with this account and product's entries as the month left them.
#include "cli/bill_ledger.hpp"

#include <fmt/format.h>

#include <iostream>

#include "interpreter/batch/rate.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_ledger.hpp"

namespace tariff::cli {

namespace {

using rate::AccountData;
using rate::LedgerRow;

AccountData read_ledger_file(const RuleSet& rules, const std::string& path) {
  AccountData data;
  try {
    rate::read_ledger(rules, path, data);
  } catch (const rate::RateError& e) {
    throw UsageError(e.what());
  }
  if (!data.rejects.empty()) {
    for (const auto& r : data.rejects) std::cerr << fmt::format("tariff: {}: line {}: {}\n", path, r.line, r.reason);
    throw UsageError(fmt::format("{}: {} ledger rows cannot be read", path, data.rejects.size()));
  }
  return data;
}

void print_ledger_changes(const Product& p, const AccountMonth& m, const Ledger& after) {
  for (const LedgerEntry& e : m.expired)
    std::cout << fmt::format("expired as {} began: {}, {} calls left\n", month_text(m.month), ledger_entry_text(p, e),
                             e.remaining.to_string());
  for (const LedgerDraw& d : m.draws)
    std::cout << fmt::format("drawn from {}: {}, {} left\n", ledger_entry_text(p, d.entry), d.drawn.to_string(),
                             d.entry.remaining.to_string());
  for (const LedgerEntry& e : after.entries)
    if (e.kind == LedgerEntry::Kind::commitment)
      std::cout << fmt::format("{}: {} {} left to bill\n", ledger_entry_text(p, e), e.remaining.to_string(),
                               p.currency);
  std::cout << "ledger: conservation check held (opening + bought + included + granted = drawn + expired + closing)\n";
}

}  // namespace

int bill_against_ledger(const RuleSet& rules, const Product& product, BillRequest request, const LedgerBill& how) {
  if (!how.month) throw UsageError("--ledger needs --month, the month billed");
  if (!how.account) throw UsageError("--ledger needs --account, whose ledger rows to bill against");
  if (!request.held.empty()) throw UsageError("--held and --ledger exclude each other: the ledger says what is held");
  AccountData data = read_ledger_file(rules, *how.ledger);
  Ledger ledger;
  std::vector<LedgerRow> others;
  for (LedgerRow& row : data.opening)
    // By id: a row is read with the version it was bought under, the bill is the month's version.
    (row.account == *how.account && row.product->id == product.id ? ledger.entries.push_back(row.entry)
                                                                  : others.push_back(std::move(row)));
  sort_ledger(ledger);
  std::optional<OutputFile> out;
  if (how.ledger_out) out.emplace(how.ledger_out);
  AccountSettler settler(product);
  AccountMonth month;
  try {
    month = settler.settle(ledger, how.month_number, std::move(request), how.periods);
  } catch (const BillingError& e) {
    std::cerr << render(e.diagnostic({}, "cannot bill: "));
    return usage_error;
  }
  std::cout << (how.json ? format_bill_json(month.bill) + "\n" : format_bill_text(month.bill));
  if (!how.json) print_ledger_changes(product, month, ledger);
  if (out) {
    std::string text = std::string(rate::ledger_header) + "\n";
    for (const LedgerRow& row : others) text += rate::ledger_row_csv(row.account, *row.product, row.entry);
    for (const LedgerEntry& e : ledger.entries) text += rate::ledger_row_csv(*how.account, product, e);
    out->write(text);
    out->commit();
  }
  return ok;
}

}  // namespace tariff::cli
