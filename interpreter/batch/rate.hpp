#pragma once
// Batch rating: a month-end usage file (CSV `account,month,product,meter,quantity`) summed per
// account/month/meter and billed per account/month/product. Two phases:
//   1. read (row_reader.cpp): rows are parsed in N newline-aligned chunks, one thread each, into
//      per-thread sums keyed by account/month/product/meter; memory grows with keys, not rows.
//   2. rate (rate.cpp): the sums are merged, sorted (account text, month, product id, meter
//      order) and billed, so the result is the same whatever the number of threads.
// Nothing is printed: the caller gets rows, rejects and a summary.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/billing/account.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/product.hpp"
#include "interpreter/money/decimal_sum.hpp"

namespace tariff::rate {

// The input cannot be read at all (missing file, wrong header): the caller exits 2.
struct RateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A row (or an account/month/product bill) left out of the output, and why. `line` is the 1-based
// line of the input (the header is line 1); for a bill that failed, the first line of the meter
// that failed, with `rows` the number of input rows the failed bill covered.
struct Reject {
  std::uint64_t line = 0;
  std::string reason;
  std::uint64_t rows = 1;
  std::string file;  // the purchases, ledger or states file the row is in; empty: the usage file
};

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

// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

// The ledger file's header, and one row of it (a ledger entry of an account).
extern const char* const ledger_header;
std::string ledger_row_csv(const std::string& account, const Product& product, const LedgerEntry& entry);

// The longest line a usage or packs file may hold. A longer one is rejected (a usage row) or
// refused (a packs line) without being held in memory, so a hostile file cannot take it.
constexpr std::size_t max_line_bytes = 64 * 1024;

struct Options {
  unsigned jobs = 1;
  const AccountData* accounts = nullptr;           // settle accounts over time (when over_time)
  bool detail = false;                             // keep each meter's bill line
  std::atomic<std::uint64_t>* progress = nullptr;  // bytes read so far, updated as chunks go
};

// One meter of a bill, for --detail.
struct Line {
  MeterIndex meter = 0;
  Decimal usage, free, packs, postpaid;
  std::optional<std::size_t> band;
  Decimal unit_price, amount;
  std::vector<BandCharge> crossed;  // graduated pricing: each band's part (see PostpaidCharge)
  Decimal flat;                     // volume pricing: the reached band's flat sum
  std::optional<Decimal> packages;  // volume pricing in packages: how many were billed

  PostpaidCharge charge() const { return {band, unit_price, amount, flat, packages, crossed}; }
};

// One account/month/product bill. `account` indexes Result::accounts; lines [first_line,
// first_line + line_count) of Result::lines when detail was asked for.
struct Row {
  std::uint32_t account = 0;
  int month = 0;  // year * 12 + (month - 1)
  const Product* product = nullptr;
  Decimal total;
  std::optional<Decimal> payable;  // where the product rounds its payable amount
  std::uint32_t first_line = 0, line_count = 0;
};

struct Summary {
  std::uint64_t rows_read = 0, rows_rated = 0, rows_rejected = 0;
  std::size_t accounts = 0;                  // accounts with at least one output row
  std::map<std::string, DecimalSum> totals;  // per currency: the exact sum of the output totals
  std::map<std::string, DecimalSum> payable;  // per currency: the sum of the payable amounts written
  std::vector<std::string> not_rounded;       // products billed whose payable amount is not rounded
  std::vector<std::string> committed;         // products billed with a commitment no row trues up
  // Bills of an account/month/product with no usage row: a month's purchases, or an account in a
  // state whose product charges a recurring fee or a minimum (over time, with --accounts).
  std::uint64_t bills_without_usage = 0;
  // Products billed with a recurring fee or a minimum, in a run without states: months without
  // rows are not billed, since nothing says which accounts were in the product then.
  std::vector<std::string> idle_unknown;
  // Over time: per currency, in calls, what went through the ledgers (opening: the opening
  // ledger's; closing: the closing ledger's), checked to balance before the result is returned.
  std::map<std::string, LedgerFlow> ledger;
};

// A pack's alert, or an entry's expiry, in the month it happened (--alerts).
struct Alert {
  std::string account;
  int month = 0;
  const Product* product = nullptr;
  MeterIndex meter = 0;
  std::string pack;  // as the tables write its size; a grant's or free quota's quantity
  std::string kind;  // low | used_up | expired
  Decimal remaining;
};

struct Spill;  // rejects waiting in a temporary file (batch/spill.hpp)

struct Result {
  std::vector<std::string> accounts;  // sorted
  std::vector<Row> rows;              // in output order
  std::vector<Line> lines;
  std::vector<Reject> rejects;                 // those kept in memory (all, unless there were thousands), by line
  std::vector<Reject> file_rejects;            // rows of the purchases, ledger and states files, by file and line
  std::vector<std::unique_ptr<Spill>> spills;  // the others, in line order across the spills
  std::uint64_t reject_count = 0;              // both
  Summary summary;
  std::vector<LedgerRow> closing;  // over time: every entry left at the end of the run's last month
  std::vector<Alert> alerts;       // over time: by account, month, product

  Result();
  Result(Result&&) noexcept;
  Result& operator=(Result&&) noexcept;
  ~Result();
};

// Every reject, in line order: the spilled ones merged with those in memory. Reads the spills
// back, so call it once. Throws RateError if a spill cannot be read.
void for_each_reject(Result& result, const std::function<void(const Reject&)>& f);

// Rates a regular file, read in `jobs` chunks in parallel, or "-" / any other path that cannot be
// split (a pipe) as one stream, with the products of `rules` (and the prelude's units for
// quantities like 35万). Throws RateError when the input cannot be opened or its header is not
// `account,month,product,meter,quantity` (a UTF-8 byte order mark before it is allowed).
Result rate_file(const RuleSet& rules, const std::string& path, const HeldPacks& packs, const Options& options);

// The size of a regular file, or nullopt (stdin, a pipe): for progress.
std::optional<std::uint64_t> input_size(const std::string& path);

}  // namespace tariff::rate
