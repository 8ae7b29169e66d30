#pragma once
// The built-in functions of scripts as one table, as Lua's luaL_Reg: each entry is a name, how
// many arguments it takes, its usage text and the C++ that computes it. The dispatch, the arity
// errors, Interpreter::builtin_names(), the check that a `fn` redefines no built-in and the REPL's
// completion all read the table (builtins.cpp); nothing else lists the built-ins.
#include <cstddef>
#include <limits>
#include <span>
#include <string_view>

#include "interpreter/language/script_ast.hpp"
#include "interpreter/script/value.hpp"

namespace tariff {
class RequestBuilder;
}

namespace tariff::script {

class Call;  // call.hpp

// How many arguments a built-in takes: exactly n, from min to max, or at least min (variadic).
struct Arity {
  static constexpr std::size_t variadic = std::numeric_limits<std::size_t>::max();
  std::size_t min = 0, max = 0;

  static constexpr Arity exactly(std::size_t n) { return {n, n}; }
  static constexpr Arity between(std::size_t low, std::size_t high) { return {low, high}; }
  static constexpr Arity at_least(std::size_t n) { return {n, variadic}; }
  constexpr bool accepts(std::size_t n) const { return n >= min && n <= max; }
};

struct Builtin {
  std::string_view name;
  Arity arity;
  // How to call it, for people: the hint of an arity error. Placeholders in capitals or plain
  // words (PRODUCT, METER, product, meter), never a product of the rules.
  std::string_view usage;
  // Computes the value; the table has checked how many arguments there are.
  Value (*function)(Call& call);
  // When fewer than arity.min arguments are given: the message, and its hint (empty: the
  // usage). Empty message: "NAME takes N arguments", as for every other count.
  std::string_view too_few = {};
  std::string_view too_few_hint = {};
};

// Every built-in, sorted by name (so that looking one up is a binary search).
std::span<const Builtin> builtins();
// The built-in called `name`; null when there is none.
const Builtin* find_builtin(std::string_view name);
// Fails with an "arity" diagnostic at `call` unless `builtin` takes as many arguments as it has.
void check_arity(const Builtin& builtin, const Expr& call);

// The built-ins, by the file that holds them. Each reads its arguments through `call`.
namespace builtin {

// builtins_bill.cpp: bills and what a product's tables say.
Value bill(Call& call);
Value month_bill(Call& call);
Value in_force(Call& call);
Value remaining(Call& call);
Value total(Call& call);
Value freeze(Call& call);
Value unit_price(Call& call);
Value band(Call& call);
Value postpaid_price(Call& call);
Value pack_price(Call& call);
Value free_quota(Call& call);
Value freeze_rate(Call& call);

// builtins_math.cpp: exact rounding and division, money and its parts.
Value round(Call& call);
Value divide(Call& call);
Value money(Call& call);
Value amount(Call& call);
Value currency(Call& call);

// builtins_fees.cpp: a product's fees and purchase plans.
Value fee(Call& call);
Value plan(Call& call);
Value plan_cost(Call& call);
Value plan_one_size(Call& call);
Value plan_postpaid(Call& call);
Value winner(Call& call);
// fee = NAME [QTY] [DIM = QTY ...] in a bill(): adds the purchase to `request`.
void add_fee(Call& call, RequestBuilder& request, const Product& product, const FeeSpec& spec);

}  // namespace builtin

}  // namespace tariff::script
