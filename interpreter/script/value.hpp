#pragma once
// The values of the script language: exact numbers (quantities, rates), money with its currency,
// booleans, strings, bills, purchase plans, and references to products and meters of the rules.
// A value is one of a few small types; a value that points into a rule set holds that rule set,
// so a binding made before :reload keeps the products it was made from.
#include <memory>
#include <string>
#include <variant>

#include "interpreter/billing/bill.hpp"
#include "interpreter/billing/plan.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/model/ledger.hpp"

namespace tariff::script {

// 10470 CNY: an exact amount in one currency.
struct Money {
  Decimal amount;
  std::string currency;
};

// A product of the rules, by the name a script gives it.
struct ProductRef {
  const Product* product = nullptr;
  std::shared_ptr<const RuleSet> rules;  // keeps *product alive across :reload
  // A product with versions named without a month (its first version above): month_bill and
  // in_force choose the version of a month; anything else asks for one.
  bool any_version = false;
};

// One meter of a product.
struct MeterRef {
  const Product* product = nullptr;
  MeterIndex meter = 0;
  std::shared_ptr<const RuleSet> rules;  // keeps *product alive across :reload
};

// What bill() computes; its product is bill->product.
struct BillValue {
  std::shared_ptr<const Bill> bill;
  std::shared_ptr<const RuleSet> rules;  // keeps bill->product alive across :reload
  // A month billed against an account's ledger (month_bill): the ledger it left, for the next.
  std::shared_ptr<const Ledger> ledger = nullptr;
  int month = 0;
};

// What plan() computes; its product is plan->product.
struct PlanValue {
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const RuleSet> rules;  // keeps plan->product alive across :reload
};

// A number (Decimal) first, so that a default value is the number 0; a string is std::string and
// a boolean bool.
using Value = std::variant<Decimal, Money, bool, std::string, BillValue, PlanValue, ProductRef, MeterRef>;

// The amount of a number or of money; null for any other value.
inline const Decimal* numeric(const Value& v) {
  if (const auto* d = std::get_if<Decimal>(&v)) return d;
  if (const auto* m = std::get_if<Money>(&v)) return &m->amount;
  return nullptr;
}

// "a number", "money", "a bill", ...: for messages.
const char* kind_name(const Value& v);

struct PrintOptions {
  bool wan = false;  // quantities in 万/亿 where they divide exactly (350万), else plain
};

// As people read it: 10,470 CNY; 3500000 or 350万; true; a bill as its table; a plan as `tariff plan` prints it.
std::string format_value(const Value& v, const PrintOptions& options = {});
// As tools read it: numbers as exact strings, money as {"amount", "currency"}, a bill as its JSON.
std::string format_value_json(const Value& v);

}  // namespace tariff::script
