#pragma once
// The compiled form of rule files: products with their meters resolved to indices, band tables
// as sorted arrays, and name lookups done once here so that billing never looks anything up.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interpreter/model/band.hpp"
#include "interpreter/model/charge_limits.hpp"
#include "interpreter/model/example.hpp"
#include "interpreter/model/fee.hpp"
#include "interpreter/model/free_quota.hpp"
#include "interpreter/model/grant.hpp"
#include "interpreter/model/pack.hpp"
#include "interpreter/model/payable_rounding.hpp"
#include "interpreter/model/recurring_fee.hpp"
#include "interpreter/model/settlement.hpp"
#include "interpreter/base/source.hpp"

namespace tariff {

using MeterIndex = std::size_t;

// A meter's postpaid prices: one price per band of a schedule its table shares with other rows.
struct PostpaidPrices {
  std::shared_ptr<const BandSchedule> schedule;
  std::vector<Price> prices;                  // one per band
  std::optional<std::string> requires_state;  // only accounts in this state may use postpaid
};

struct Meter {
  std::string id;
  std::vector<std::string> names;    // display names: the document's, then English
  std::vector<std::string> aka;      // other names the document uses
  std::vector<std::string> actions;  // API actions whose usage is summed into this meter
  std::string unit = "call";
  bool decimal = false;  // usage may be fractional (unit GB decimal); else whole units
  std::optional<PostpaidPrices> postpaid;
  std::vector<Pack> packs;  // by size, ascending
  std::optional<FreeQuota> free;
  std::optional<Grant> grant;
  // Between versions of a product a meter keeps its index (usage rows, ledgers and batch keys name
  // it so): a version lists the meters of the one before first, then those it adds. A retired
  // meter stays declared but prices nothing and takes no usage, from the first version retiring it.
  bool added = false;               // `added`: the version before has no such meter
  std::optional<int> retired_from;  // `retired`: the month of the first version that retires it
  Span standing_span;               // where `added` or `retired` is written
  Span span;  // where the rule file defines it

  bool retired() const { return retired_from.has_value(); }

  const std::string& display_name() const { return names.empty() ? id : names.front(); }
};

struct Notice {
  Decimal threshold;  // shown when the bill's total exceeds it
  std::string text;
};

struct Product {
  std::string id;
  std::vector<std::string> names;
  // A version of the product (product ID from 2027-01 { ... }) is in force from this month until
  // the next version's; a product without one is in force at every month.
  std::optional<int> from;
  Span from_span;
  std::string currency;
  std::string cycle = "month";
  std::string source;
  std::vector<std::string> notes;
  std::vector<Meter> meters;
  std::vector<std::unique_ptr<PackTerms>> pack_terms;  // owned here; packs point at them
  std::vector<Fee> fees;
  std::vector<RecurringFee> recurring;     // charged in every bill
  ChargeLimits limits;                     // minimum, maximum, commitment
  std::optional<PayableRounding> payable;  // none: the payable amount is not rounded
  SettlementOrder settlement;
  PackOrder pack_order;  // how held packs are drawn (the prelude's, unless the product states its own)
  std::optional<Decimal> freeze;       // pre-authorization freeze, as a fraction (1.2 for 120%)
  std::optional<Decimal> alert_below;  // pack alert threshold, as a fraction (0.15)
  std::vector<Notice> notices;
  std::vector<std::string> states;  // account states the rules mention (trial, suspended, ...)
  // The states batch rating bills an account in when its data give none (rated accounts are ...).
  std::vector<std::string> rated_states;
  std::vector<Example> examples;
  Span span;
  // The next version of the product, if any (set as the catalog takes it): a name only a later
  // version's meter answers to is "priced from" that version's month, not an unknown meter.
  const Product* next_version = nullptr;

  // Meter by id, display name, alias or API action (actions are scoped by product).
  std::optional<MeterIndex> find_meter(std::string_view name) const;
  std::unordered_map<std::string, MeterIndex> meter_names;  // filled by the compiler
  // Fee by id or display name.
  std::optional<std::size_t> find_fee(std::string_view name) const;

  const std::string& display_name() const { return names.empty() ? id : names.front(); }
};

// An account of one product played through months, outside the product's rules (tariff simulate;
// tariff test checks its expectations).
struct Scenario {
  const Product* product = nullptr;
  Example example;
};

struct Catalog {
  std::vector<std::unique_ptr<Product>> products;  // a product's versions in the order of their months
  std::vector<Scenario> scenarios;
  // The product with this id, or null; of a product with versions, the first version.
  const Product* find(std::string_view id) const;
  // Every version of the product with this id, in the order of their months (one for a product
  // without versions; none for an unknown id).
  std::vector<const Product*> versions(std::string_view id) const;
  // Products by id: the versions of one count once.
  std::size_t product_count() const;
  // The one lookup of the version in force at `month` (months as parse_month counts them), that
  // bill, rate, ledgers, examples, show and diff all use: the last version whose month is not
  // after `month`. Null for an unknown id; throws BillingError "no-version-in-force" for a month
  // before the product's first version (never a silent zero).
  const Product* in_force(std::string_view id, int month) const;
};

// The version of `versions` (one product's, in order) in force at `month`; throws as in_force.
const Product& version_in_force(const std::vector<const Product*>& versions, int month);

// A meter only a later version of `version` prices: the first later version with a meter answering
// to `name`, and that meter's index; nullopt if no later version has one.
std::optional<std::pair<const Product*, MeterIndex>> added_later(const Product& version, std::string_view name);
// Why usage of a meter cannot be billed, in one wording wherever it is refused (a bill, an
// example, a usage file's row): "meter speech is priced from 2027-07", "meter legacy is retired
// from 2027-07".
std::string priced_from_text(const Meter& meter, int month);
std::string retired_text(const Meter& meter);
// A retired meter's status, as price tables, the REPL and diff show it: "retired from 2028-01".
std::string retired_from_text(const Meter& meter);

}  // namespace tariff
