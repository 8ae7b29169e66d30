#pragma once
// An account's ledger for one product: what it holds from month to month. Packs bought (valid
// from the month bought until the month they expire: bought 2026-01 with `valid 1 year` is usable
// 2026-01 … 2026-12 and expires 2027-01; a pack without a validity never expires), packs included
// with a fee bought, one-time grants (activated in the month the account enters their state), the
// balances of free quotas that do not renew each month (per year, per activity), and the period of
// a minimum commitment (a year of monthly bills: what is left to bill before it is met).
#include <optional>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"

namespace tariff {

struct Product;

struct LedgerEntry {
  // commitment: not calls of a meter but an amount of the product's currency, opened by the first
  // bill with no period open, `size` the commitment, `remaining` what the period's bills have yet
  // to come to; the bill of the month before `expires` closes it (billing/account.hpp).
  enum class Kind { pack, included, grant, free, commitment };
  Kind kind = Kind::pack;
  std::size_t meter = 0;        // unused by a commitment
  Decimal size;                // what it held when it entered the ledger: a pack's size, a grant's quantity
  std::string size_text;       // as the tables write it: 5000万
  std::optional<int> bought;   // the month it entered the ledger (unknown for packs held without dates)
  std::optional<int> expires;  // the first month it can no longer be used; none: never
  Decimal remaining;
  std::string origin;  // included: the fee's id; grant: its state; free: its period

  bool expired_by(int month) const { return expires && *expires <= month; }
  bool holds_calls() const { return kind != Kind::commitment; }  // of a meter, in its flows
};

// The ledger file's `meter` column: the meter's id, empty for a commitment.
std::string ledger_meter_id(const Product& product, const LedgerEntry& entry);

// "pack", "included", "grant", "free", "commitment": the ledger file's `kind` column.
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
