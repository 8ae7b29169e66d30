#pragma once
// An account over time: one product's months settled one after another against the account's
// ledger (model/ledger.hpp). Each month, in this order: entries that have expired leave the ledger,
// their calls reported as expired; the grants and free balances the month brings enter it; the
// bill is settled, its grants, non-monthly free quotas and held packs drawn from the ledger in the
// product's settlement and draw orders; the packs it bought, or that came with a fee it bought,
// enter the ledger; and the conservation identity is checked, meter by meter. A product with a
// minimum commitment over a year keeps its period in the ledger too, from the account's first
// bill, and the bill of the period's last month trues it up.
#include <stdexcept>
#include <vector>

#include "interpreter/billing/bill.hpp"
#include "interpreter/model/account_states.hpp"
#include "interpreter/model/ledger.hpp"

namespace tariff {

// An entry of the ledger a month drew from: as it is after the month, and what the month drew.
struct LedgerDraw {
  LedgerEntry entry;
  Decimal drawn;
};

struct AccountMonth {
  int month = 0;
  Bill bill;
  std::vector<LedgerEntry> expired;  // left the ledger as the month began; remaining: the calls expired
  std::vector<LedgerEntry> added;    // entered in the month, as they entered (remaining = size)
  std::vector<LedgerDraw> draws;     // every entry the month drew from, in the order drawn
  std::vector<PackAlert> alerts;
  std::vector<LedgerFlow> flows;  // per meter, over the month
};

// What a pack bought or included in a bill gave, before it enters the ledger.
struct NewPackDraw {
  PackSource source;
  MeterIndex meter = 0;
  Decimal drawn;
};

// The conservation identity did not hold: a bug in the engine, never the input's fault (exit 3).
struct ConservationError : std::logic_error {
  using std::logic_error::logic_error;
};

// The most packs one purchase may put in a ledger, which keeps them one by one.
constexpr int max_ledger_packs = 10000;

// Settles an account's months of one product, keeping its buffers from one account to the next.
class AccountSettler {
 public:
  explicit AccountSettler(const Product& product) : product_(product), settler_(product) {}

  // Settles `request` (usage, purchases, fees, the month's states) as `month` against `ledger`;
  // `periods` say when the account's states began, for the grants they activate. Throws
  // BillingError as a bill does, leaving `ledger` as it was; ConservationError for a bug.
  // `listener`, if given, hears the settlement too.
  AccountMonth settle(Ledger& ledger, int month, BillRequest request, const std::vector<StatePeriod>& periods,
                      SettlementListener* listener = nullptr);

  // Removes the entries expired by `month` (expires <= month): an account's months end, or a
  // run ends, with its ledger as it stands then. What they had left is added to `flows`.
  void expire(Ledger& ledger, int month, std::vector<LedgerEntry>& expired, std::vector<LedgerFlow>& flows) const;

 private:
  const Product& product_;
  Settler settler_;

  void activate(Ledger& ledger, int month, const BillRequest& request, const std::vector<StatePeriod>& periods,
                AccountMonth& out) const;
  void add(Ledger& ledger, LedgerEntry entry, AccountMonth& out) const;
  void enter_new_packs(Ledger& ledger, int month, const BillRequest& request, const std::vector<NewPackDraw>& draws,
                       AccountMonth& out) const;
  void check(const Ledger& ledger, AccountMonth& out) const;
  void check_period_closed(Ledger& ledger, int month) const;
  void open_period(Ledger& ledger, int month, AccountMonth& out) const;
  void close_period(Ledger& ledger, int month, BillRequest& request) const;
  void count_towards_period(Ledger& ledger, int month, const Bill& bill) const;
};

// Ledger entries in their one order (meter, kind, expiry, purchase, size, remaining): the draw
// order's ties and the ledger files come out the same however the entries arrived.
void sort_ledger(Ledger& ledger);

}  // namespace tariff
