#pragma once
// An account's ledger for one product: what it holds from month to month. Packs bought (valid
// from the month bought until the month they expire: bought 2026-01 with `valid 1 year` is usable
// 2026-01 … 2026-12 and expires 2027-01; a pack without a validity never expires), packs included
// with a fee bought, one-time grants (activated in the month the account enters their state), and
// the balances of free quotas that do not renew each month (per year, per activity).
#include <optional>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct LedgerEntry {
  enum class Kind { pack, included, grant, free };
  Kind kind = Kind::pack;
  std::size_t meter = 0;
  Decimal size;                // what it held when it entered the ledger: a pack's size, a grant's quantity
  std::string size_text;       // as the tables write it: 5000万
  std::optional<int> bought;   // the month it entered the ledger (unknown for packs held without dates)
  std::optional<int> expires;  // the first month it can no longer be used; none: never
  Decimal remaining;
  std::string origin;  // included: the fee's id; grant: its state; free: its period

  bool expired_by(int month) const { return expires && *expires <= month; }
};

// "pack", "included", "grant", "free": the ledger file's `kind` column.
const char* to_string(LedgerEntry::Kind kind);
std::optional<LedgerEntry::Kind> parse_ledger_kind(std::string_view word);

struct Ledger {
  std::vector<LedgerEntry> entries;
};

// What went through a ledger for one meter, in calls, over the months settled: the conservation
// identity opening + bought + included + granted = drawn + expired + closing holds for every
// meter of every account, and the engine checks it (billing/account.hpp).
struct LedgerFlow {
  Decimal opening, bought, included, granted, drawn, expired, closing;
  bool conserved() const { return opening + bought + included + granted == drawn + expired + closing; }
  LedgerFlow& operator+=(const LedgerFlow& other);
};

}  // namespace tariff
