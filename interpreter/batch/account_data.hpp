#pragma once
// What a batch run knows of its accounts besides their usage: held packs, purchases, ledgers and
// account states, and the functions that read their files (held_packs.cpp, account_files.cpp).
// Public through rate.hpp; apart from it so that the account books rate.cpp includes need not
// include rate.hpp (no include cycle).
#include <string>
#include <vector>

#include "interpreter/batch/reject.hpp"
#include "interpreter/billing/account.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/product.hpp"

namespace tariff::rate {

// Packs an account holds: `account,product,meter,remaining`, drawn month by month in order.
struct HeldPacks {
  struct Entry {
    std::string account;
    const Product* product = nullptr;
    HeldPack pack;
  };
  std::vector<Entry> entries;
};

// Reads a packs file. Throws RateError naming the line for anything malformed.
HeldPacks read_packs(const RuleSet& rules, const std::string& path);

// ---- accounts over time: purchases, ledgers and account states (billing/account.hpp) ----------

// BUY.csv: `account,month,product,meter,pack,count`.
struct Purchase {
  std::string account;
  int month = 0;
  const Product* product = nullptr;
  PackPurchase pack;
  std::uint64_t line = 0;
};

// OPEN.csv / CLOSE.csv: `account,product,meter,pack,bought,expires,remaining,kind`.
struct LedgerRow {
  std::string account;
  const Product* product = nullptr;
  LedgerEntry entry;
};

// STATES.csv: `account,product,state,from,until`.
struct AccountState {
  std::string account;
  const Product* product = nullptr;
  StatePeriod period;
};

// What a run knows of its accounts besides their usage. Given any of it, every account is settled
// month after month against its ledger (an empty one unless the opening ledger has it).
struct AccountData {
  bool over_time = false;
  std::vector<Purchase> purchases;
  std::vector<LedgerRow> opening;
  std::vector<AccountState> states;
  std::vector<Reject> rejects;  // rows of these files that could not be read, each with its file
  std::string purchases_file;   // for the rejects of purchases whose month could not be billed
};

// Each reads a file into `data` (rows it cannot take become rejects naming `path`), and throws
// RateError when the file cannot be read at all or its header is not the one expected.
void read_purchases(const RuleSet& rules, const std::string& path, AccountData& data);
void read_ledger(const RuleSet& rules, const std::string& path, AccountData& data);
void read_account_states(const RuleSet& rules, const std::string& path, AccountData& data);

// The ledger file's header, and one row of it (a ledger entry of an account).
extern const char* const ledger_header;
std::string ledger_row_csv(const std::string& account, const Product& product, const LedgerEntry& entry);

}  // namespace tariff::rate
