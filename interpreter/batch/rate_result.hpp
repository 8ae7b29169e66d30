#pragma once
// What a batch run is asked (Options) and what it returns: bills per account/month/product, their
// lines, rejects, the summary and alerts. Public through rate.hpp; apart from it so that the
// pieces of the run rate.cpp includes (bill sums, lines) need not include rate.hpp (no include
// cycle).
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "interpreter/batch/account_data.hpp"
#include "interpreter/batch/reject.hpp"
#include "interpreter/billing/account.hpp"
#include "interpreter/billing/bill.hpp"
#include "interpreter/money/decimal_sum.hpp"

namespace tariff::rate {

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

// A line of a bill besides its meters': a pack bought, a fee bought, a recurring fee, a true-up
// to a minimum, maximum or commitment, as the settlement tells them (billing/settle.hpp).
struct ChargeLine {
  std::variant<PurchaseLine, FeeLine, RecurringLine, TrueUp> what;
  const Decimal& amount() const {
    return std::visit([](const auto& line) -> const Decimal& { return line.amount; }, what);
  }
};

// One account/month/product bill. `account` indexes Result::accounts; lines [first_line,
// first_line + line_count) of Result::lines, and charges [first_charge, first_charge +
// charge_count) of Result::charges, when detail was asked for.
struct Row {
  std::uint32_t account = 0;
  int month = 0;  // year * 12 + (month - 1)
  const Product* product = nullptr;
  Decimal total;
  std::optional<Decimal> payable;  // where the product rounds its payable amount
  std::uint32_t first_line = 0, line_count = 0;
  std::uint32_t first_charge = 0, charge_count = 0;
};

struct Summary {
  std::uint64_t rows_read = 0, rows_rated = 0, rows_rejected = 0;
  std::size_t accounts = 0;                   // accounts with at least one output row
  std::map<std::string, DecimalSum> totals;   // per currency: the exact sum of the output totals
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
  std::vector<ChargeLine> charges;  // with detail: each bill's lines besides its meters'
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

}  // namespace tariff::rate
