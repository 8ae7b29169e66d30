#pragma once
// The syntax tree of a rule file (over 300 lines: one struct per construct of the grammar), as written: names unresolved, numbers as text with their unit.
// It owns its strings and carries a span for every node, so the checker, the compiler and the
// formatter can all point back at the source.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/base/name.hpp"
#include "interpreter/base/source.hpp"
#include "interpreter/money/decimal.hpp"

namespace tariff::script {
struct Statement;
}

namespace tariff::ast {

using Name = tariff::Name;

// 350万 → digits "350", unit "万"; 120% → digits "120", percent; 0.0032 → digits "0.0032".
struct Number {
  std::string text;    // as written: "1_000.5万"
  std::string digits;  // underscores removed
  std::optional<Decimal> digits_value;  // the digits parsed once, when the tree is built (none: out of range)
  std::string unit;    // a unit from the prelude, or empty
  bool percent = false;
  Span span;
};

// (0, 300万]: lower open at 0, upper closed at 300万; an absent upper bound is ∞.
struct Interval {
  bool lower_closed = false, upper_closed = false;
  Number lower;
  std::optional<Number> upper;
  Span span;
};

struct Cell {
  enum class Kind { price, not_sold, contact_sales } kind = Kind::price;
  Number value;  // for prices; a percentage means "that share of the row's first price"
  // flat 20 + 0.5: the band's flat sum (value is then the unit price, or empty digits for flat 20)
  std::optional<Number> flat;
  Span span;
};

struct ColumnHead {
  std::optional<Interval> band;  // postpaid tables
  std::optional<Number> size;    // pack tables
  Span span;
};

struct Row {
  Name key;  // a meter: id, display name or alias
  std::vector<Cell> cells;
  Span span;
};

struct Table {
  Name label;  // the top-left cell, as the document prints it
  std::vector<ColumnHead> columns;
  std::vector<Row> rows;
  Span span;
};

struct Meter {
  Name id;
  std::vector<Name> names;  // display names: Chinese, then optionally English
  std::vector<Name> aka;    // other names the document uses for it
  std::vector<Name> actions;
  std::optional<Name> unit;
  std::optional<Span> decimal;  // `unit GB decimal`: where `decimal` is written
  std::optional<Name> standing;  // `added` or `retired`, in a later version of a product
  Span span;
};

struct FreeQuota {
  Number quantity;
  Name period;
  bool each_meter = false;
  std::vector<Name> meters;
  std::optional<Name> unless_state;
  Span span;
};

struct Validity {
  Number amount;
  Name unit;
  Span span;
};

struct Grant {
  Number quantity;
  std::vector<Name> meters;
  Validity validity;
  Name when_state;
  Span span;
};

struct Packs {
  std::optional<Validity> validity;
  bool stackable = false;
  std::optional<Name> refunds;  // `refundable` or `not refundable`: refunds are not modelled, the checker says so
  std::optional<Name> requires_state;
  Table table;
  Span span;
};

// per 1000 calls (prices per that many units), packages of 100 GB rounded up (prices per
// package): the size, the unit word if written, and for packages the rounding (up or down).
struct PriceBasis {
  Number size;
  std::optional<Name> unit;
  std::optional<Name> rounding;
  Span span;
};

struct Postpaid {
  Name mode;                  // volume | graduated
  std::optional<Name> basis;  // postpaid_quantity | usage
  std::optional<Name> requires_state;
  std::vector<PriceBasis> per, packages;  // at most one of either: the checker says so
  Table table;
  Span span;
};

// A charge that is not metered calls: 技术授权费 20000 per activity per year, 升级QPS 1050 per
// activity per day per 50 qps.
struct Fee {
  struct Dimension {
    std::optional<Number> size;
    Name name;
  };  // "per 50 qps": size 50, name qps
  struct Limit {
    Name dimension;
    std::optional<Number> from, to, step, up_to;
    bool beyond_is_contact_sales = false;
  };
  struct Included {
    Name meter;
    Number size;
    std::optional<Validity> validity;
  };

  Name id;
  std::vector<Name> names;
  Number price;
  std::vector<Dimension> per;
  std::vector<Included> includes;
  std::optional<Name> grants_state;
  std::optional<Name> requires_state;
  std::vector<Limit> limits;
  std::vector<std::string> notes;
  Span span;
};

// , prorated by day rounded to 0.01 half_up
struct Prorated {
  Name unit;  // day
  Number rounding;
  Name mode;
  Span span;
};

// fee platform 平台费 = 50 every month [when STATE | unless STATE] [, prorated ...]: charged in every bill.
struct RecurringFee {
  Name id;
  std::vector<Name> names;
  Number amount;
  Name period;
  std::optional<Name> when_state, unless_state;
  std::optional<Prorated> prorated;
  Span span;
};

// minimum 100 USD per month, maximum 5000 USD per month
struct ChargeLimit {
  Number amount;
  std::optional<Name> currency;
  Name period;
  Span span;
};

// payable rounded to 0.01 half_up on total | per line
struct PayableRounding {
  Number unit;
  Name mode;
  bool per_line = false;
  Span span;
};

struct Settle {
  std::vector<Name> steps;  // one name alone may be a settlement order from the prelude
  Span span;
};

struct Notice {
  Number threshold;
  std::optional<Name> currency;
  std::string text;
  Span span;
};

// What one bill of an example asks and expects: the items of an example of one month, or those
// of one `month 2026-01 { ... }` block of an example that spans months.
struct ExampleBill {
  struct Usage {
    Name meter;
    Number quantity;
  };
  struct Buy {
    Name meter;
    Number size;
    std::optional<Number> count;
    Span span;
  };
  struct Held {
    Name meter;
    Number remaining;
    std::optional<Number> size;
    Span span;
  };
  struct Expect {
    Name subject;
    std::optional<Name> meter;  // expect remaining 人脸比对 = 20万
    std::optional<Number> value;
    std::optional<Name> currency;
    std::optional<std::string> text;
    Span span;
  };
  struct FeeUse {
    Name fee;
    std::vector<std::pair<Name, Number>> quantities;
    Span span;
  };
  // state trial, or state trial from 2026-01 until 2026-06 (months: for an example that spans them)
  struct State {
    Name state;
    std::optional<Name> from, until;
    Span span;
  };

  std::vector<Usage> usage;
  std::vector<Buy> buys;
  std::vector<Held> held;
  std::vector<FeeUse> fees;
  std::vector<State> states;
  std::optional<Number> period_spent;  // period spent 1100: the bill closes its commitment period
  std::optional<Name> period_currency;
  std::vector<Expect> expects;
};

// An example (or, outside a product, a scenario naming its product): one bill, or months of an
// account, each settled against the ledger the months before it left.
struct Example : ExampleBill {
  struct Month : ExampleBill {
    Name month;
    Span span;
  };
  std::string title;
  std::string source;
  std::optional<Name> product;  // a scenario's `product ID`
  std::vector<Month> months;
  std::optional<std::string> discrepancy;
  std::vector<Name> repeated;  // source, discrepancy or product given again
  Span span;
};

// draw packs by expiry, then purchase
struct DrawOrder {
  std::vector<Name> keys;
  Span span;
};

struct Product {
  Name id;
  std::vector<Name> names;
  std::optional<Name> from;  // the month this version is in force from; none: every month
  std::optional<Name> currency;
  std::optional<Name> cycle;
  std::string source;
  std::vector<std::string> notes;
  std::vector<Meter> meters;
  std::vector<FreeQuota> free;
  std::vector<Grant> grants;
  std::vector<Packs> packs;
  std::vector<Postpaid> postpaid;
  std::vector<Fee> fees;
  std::vector<RecurringFee> recurring;
  std::optional<ChargeLimit> minimum, maximum;
  std::optional<PayableRounding> payable;
  std::optional<Settle> settle;
  std::optional<Number> freeze;
  std::optional<Number> alert;
  std::vector<Notice> notices;
  std::vector<Name> rated_states;  // rated accounts are licensed
  std::optional<DrawOrder> draw;
  std::vector<Example> examples;
  // Items a product states once (currency, cycle, source, settle, freeze, alert) that were given
  // again: the item's keyword and where. The checker reports each; the parser keeps the first.
  std::vector<Name> repeated;
  Span span;
};

struct UnitDef {
  Name name;
  Number value;
  Span span;
};

struct SettlementDef {
  Name name;
  std::vector<Name> steps;
  Span span;
};

struct File {
  SourcePtr source;
  std::vector<Product> products;
  std::vector<UnitDef> units;
  std::vector<SettlementDef> settlements;
  std::vector<DrawOrder> draws;       // the default draw order (the prelude's)
  std::vector<Example> scenarios;     // scenario "..." { product ID ... }
  std::vector<std::shared_ptr<const script::Statement>> statements;  // let, fn, assert, expect, expressions
};

}  // namespace tariff::ast
