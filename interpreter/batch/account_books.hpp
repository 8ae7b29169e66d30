#pragma once
// Batch rating over time (internal to batch/): each account's book for one product — its ledger,
// the state periods and purchases the files give it — kept from month to month of a run, and
// closed at the run's end: what has expired by its last month leaves, the rest is the closing
// ledger, and what went through every book is summed per currency and checked to balance.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/batch/dictionary.hpp"
#include "interpreter/batch/keys.hpp"
#include "interpreter/batch/account_data.hpp"
#include "interpreter/batch/rate_result.hpp"

namespace tariff::rate::detail {

struct AccountBook {
  Ledger ledger;
  std::vector<StatePeriod> periods;                  // from the states file; empty: the rated states
  bool has_periods = false;                          // the states file names this account and product
  std::map<int, std::vector<const Purchase*>> buys;  // by month
  std::vector<LedgerFlow> flows;                     // per meter, over the run (opening: the opening ledger's)
  std::vector<Alert> alerts;
};

// Books by account (global rank) and product index, (rank << 8 | product), as Biller keys them.
using Books = std::unordered_map<std::uint64_t, AccountBook>;

// The accounts the files name besides the usage file's, for ranking.
std::vector<std::string> accounts_named(const AccountData& data);

// A book for every account and product the files name; `accounts` is the run's sorted account list.
Books open_books(const Dictionary& dict, const AccountData& data, const std::vector<std::string>& accounts);

// A sum of no rows for every month an account buys packs of a product, so that the month is billed
// even with no usage (the purchase is on its bill). Its first_line is past every real line.
std::vector<Sum> purchase_months(const Books& books);

// A sum of no rows for every month of `months` (the run's, sorted) an account's states cover, for
// each product that charges a bill without usage (a recurring fee, a minimum): the month is billed
// even with no usage, so that its fee and minimum are charged.
std::vector<Sum> state_months(const Dictionary& dict, const Books& books, const std::vector<int>& months);

// A sum of no rows for the last month of every commitment period (a product's minimum commitment
// over a year) that ends inside the run's months [first, last] and has no bill there: that bill
// trues the period up. `sums` are the run's, sorted by key; a period opens with an account's first
// bill of a product with a commitment, none being open (billing/account.hpp).
std::vector<Sum> commitment_months(const Dictionary& dict, const Books& books, const std::vector<Sum>& sums, int first,
                                   int last);

// The key a book is kept under.
inline std::uint64_t book_key(std::uint64_t rank, std::size_t product) { return rank << 8 | product; }

// A settled month's alerts and flows entered in its book.
void record_month(AccountBook& book, const std::string& account, const Product& product, const AccountMonth& month);

// Expires every book to `last_month`, writes the closing ledger, alerts and flows into `result`,
// and checks the run balances per currency (ConservationError if not).
void close_books(const Dictionary& dict, std::vector<Books*> books, int last_month, Result& result);

}  // namespace tariff::rate::detail
