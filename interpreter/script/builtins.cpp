// The built-in functions of scripts: what the language itself cannot express, calls into the rules
// (bill, unit_price, band, pack_price, ...) and exact rounding. Everything else, min, max,
// ceil_to, percent_of, the freeze estimate, is written in the language in stdlib/functions.tariff.
// This file is their table and what derives from it: the lookup and the arity check (the dispatch,
// which builds a Call, is call.cpp's: the table needs nothing of the interpreter).
#include "interpreter/script/builtins.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "interpreter/base/diagnostic.hpp"

namespace tariff::script {

namespace {

// The interpreter's fail(), which this file does without so that the table needs nothing of it.
[[noreturn]] void arity_error(const Span& span, std::string message, std::string hint) {
  Diagnostics d;
  d.error("arity", span, std::move(message), std::move(hint));
  throw DiagnosticError(std::move(d));
}

constexpr std::string_view bill_total_usage = "total(bill) or freeze(bill)";
constexpr std::string_view money_parts_usage = "amount(money) or currency(money)";
constexpr std::string_view plan_parts_usage =
    "plan_cost(plan), plan_one_size(plan), plan_postpaid(plan) or winner(plan)";

// Sorted by name, each once, so that find_builtin() may search it by halves (test_builtins.cpp
// checks it).
// clang-format off
constexpr std::array table = {
  Builtin{"amount",         Arity::exactly(1), money_parts_usage, builtin::amount},
  Builtin{"band",           Arity::exactly(3), "band(product, meter, quantity)", builtin::band},
  Builtin{"bill",           Arity::at_least(1),
          "bill(PRODUCT, METER = QUANTITY, ..., buy = METER SIZE [× N], held = METER LEFT [of SIZE], "
          "fee = NAME [QUANTITY] [DIMENSION = QUANTITY ...], state = \"NAME\")", builtin::bill,
          "bill needs a product first", ":products lists them"},
  Builtin{"currency",       Arity::exactly(1), money_parts_usage, builtin::currency},
  Builtin{"divide",         Arity::exactly(4), "divide(a, b, places, mode)", builtin::divide},
  Builtin{"fee",            Arity::at_least(2),
          "fee(PRODUCT, FEE, DIMENSION = QUANTITY, ...), e.g. fee(p, upgrade, day = 7, qps = 100)", builtin::fee,
          "fee takes a product, the fee's name, then DIMENSION = QUANTITY for each dimension"},
  Builtin{"free_quota",     Arity::exactly(2), "free_quota(product, meter)", builtin::free_quota},
  Builtin{"freeze",         Arity::exactly(1), bill_total_usage, builtin::freeze},
  Builtin{"freeze_rate",    Arity::exactly(1), "freeze_rate(product)", builtin::freeze_rate},
  Builtin{"in_force",       Arity::exactly(2), "in_force(product, \"2027-01\"): its version in force that month",
          builtin::in_force},
  Builtin{"money",          Arity::exactly(2), "money(amount, \"CNY\")", builtin::money},
  Builtin{"month_bill",     Arity::at_least(2),
          "month_bill(PRODUCT or MONTH_BILL, \"2026-01\", METER = QUANTITY, ..., buy = ..., fee = ..., state = \"NAME\")",
          builtin::month_bill, "month_bill needs a product (or the month before's month_bill), then the month",
          "month_bill(PRODUCT, \"2026-01\", METER = QUANTITY)"},
  Builtin{"pack_price",     Arity::exactly(3), "pack_price(product, meter, size)", builtin::pack_price},
  Builtin{"plan",           Arity::exactly(3), "plan(product, meter, annual_quantity), e.g. plan(p, m, 30万)",
          builtin::plan},
  Builtin{"plan_cost",      Arity::exactly(1), plan_parts_usage, builtin::plan_cost},
  Builtin{"plan_one_size",  Arity::exactly(1), plan_parts_usage, builtin::plan_one_size},
  Builtin{"plan_postpaid",  Arity::exactly(1), plan_parts_usage, builtin::plan_postpaid},
  Builtin{"postpaid_price", Arity::exactly(3), "postpaid_price(product, meter, quantity)", builtin::postpaid_price},
  Builtin{"remaining",      Arity::between(1, 2), "remaining(month_bill [, meter])", builtin::remaining},
  Builtin{"round",          Arity::exactly(3), "round(x, places, mode), e.g. round(a / b, 2, half_up)", builtin::round},
  Builtin{"total",          Arity::exactly(1), bill_total_usage, builtin::total},
  Builtin{"unit_price",     Arity::exactly(3), "unit_price(product, meter, quantity)", builtin::unit_price},
  Builtin{"winner",         Arity::exactly(1), plan_parts_usage, builtin::winner},
};
// clang-format on

}  // namespace

std::span<const Builtin> builtins() { return table; }

const Builtin* find_builtin(std::string_view name) {
  auto it = std::ranges::lower_bound(table, name, {}, &Builtin::name);
  return it != table.end() && it->name == name ? &*it : nullptr;
}

void check_arity(const Builtin& b, const Expr& call) {
  std::size_t n = call.args.size();
  if (b.arity.accepts(n)) return;
  auto plural = [](std::size_t k) { return k == 1 ? "" : "s"; };
  if (n < b.arity.min && !b.too_few.empty())
    arity_error(call.span, std::string(b.too_few), std::string(b.too_few_hint.empty() ? b.usage : b.too_few_hint));
  std::string message;
  if (b.arity.min == b.arity.max)
    message = fmt::format("{} takes {} argument{}", b.name, b.arity.min, plural(b.arity.min));
  else if (b.arity.max == Arity::variadic)
    message = fmt::format("{} takes at least {} argument{}", b.name, b.arity.min, plural(b.arity.min));
  else
    message = fmt::format("{} takes {} to {} arguments", b.name, b.arity.min, b.arity.max);
  arity_error(call.span, std::move(message), std::string(b.usage));
}

}  // namespace tariff::script
