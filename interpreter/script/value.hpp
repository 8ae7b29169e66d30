#pragma once
// The values of the script language: exact numbers (quantities, rates), money with its currency,
// booleans, strings, bills, purchase plans, and references to products and meters of the rules.
#include <memory>
#include <string>

#include "interpreter/billing/bill.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/billing/plan.hpp"

namespace tariff::script {

struct Value {
  enum class Kind { number, money, boolean, text, bill, plan, product, meter };
  Kind kind = Kind::number;
  Decimal number;     // number, money
  std::string text;   // money: currency; text: the string
  bool flag = false;  // boolean
  std::shared_ptr<const Bill> bill;
  std::shared_ptr<const Plan> plan;
  const Product* product = nullptr;  // product, meter, bill
  MeterIndex meter = 0;
  // Keeps the products a value points into alive across :reload.
  std::shared_ptr<const RuleSet> rules;

  static Value of(Decimal d) {
    Value v;
    v.number = std::move(d);
    return v;
  }
  static Value money(Decimal d, std::string currency);
  static Value boolean(bool b);
  static Value string(std::string s);
};

// "number", "money", ...: for messages.
const char* kind_name(Value::Kind kind);

struct PrintOptions {
  bool wan = false;  // quantities in 万/亿 where they divide exactly (350万), else plain
};

// As people read it: 10,470 CNY; 3500000 or 350万; true; a bill as its table; a plan as `tariff plan` prints it.
std::string format_value(const Value& v, const PrintOptions& options = {});
// As tools read it: numbers as exact strings, money as {"amount", "currency"}, a bill as its JSON.
std::string format_value_json(const Value& v);

}  // namespace tariff::script
