#include "interpreter/script/value.hpp"

#include <fmt/format.h>

#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_plan.hpp"
#include "interpreter/base/json.hpp"

namespace tariff::script {

Value Value::money(Decimal d, std::string currency) {
  Value v;
  v.kind = Kind::money;
  v.number = std::move(d);
  v.text = std::move(currency);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::boolean;
  v.flag = b;
  return v;
}

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::text;
  v.text = std::move(s);
  return v;
}

const char* kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::number:
      return "a number";
    case Value::Kind::money:
      return "money";
    case Value::Kind::boolean:
      return "a boolean";
    case Value::Kind::text:
      return "a string";
    case Value::Kind::bill:
      return "a bill";
    case Value::Kind::plan:
      return "a plan";
    case Value::Kind::product:
      return "a product";
    case Value::Kind::meter:
      return "a meter";
  }
  return "a value";
}

namespace {

// 3500000 → 350万, 150000000 → 1.5亿; values that are not a whole number of 万 stay plain.
std::string in_wan(const Decimal& d) {
  static const Decimal wan = 10000, yi = 100000000;
  if (d.is_zero() || !d.is_integer()) return d.to_string();
  Decimal magnitude = d.is_negative() ? -d : d;
  if (magnitude >= yi) {
    auto q = Decimal::divide_exact(d, yi);
    if (q && q->scale() <= 4) return q->to_string() + "亿";
  }
  if (magnitude >= wan) {
    auto q = Decimal::divide_exact(d, wan);
    if (q && q->is_integer()) return q->to_string() + "万";
  }
  return d.to_string();
}

}  // namespace

std::string format_value(const Value& v, const PrintOptions& options) {
  switch (v.kind) {
    case Value::Kind::number:
      return options.wan ? in_wan(v.number) : v.number.to_string();
    case Value::Kind::money:
      return fmt::format("{} {}", v.number.to_string_grouped(','), v.text);
    case Value::Kind::boolean:
      return v.flag ? "true" : "false";
    case Value::Kind::text:
      return v.text;
    case Value::Kind::bill:
      return format_bill_text(*v.bill);
    case Value::Kind::plan:
      return format_plan_text(*v.plan);
    case Value::Kind::product:
      return fmt::format("product {} {}", v.product->id, v.product->display_name());
    case Value::Kind::meter: {
      const Meter& m = v.product->meters[v.meter];
      return fmt::format("meter {}.{} {}", v.product->id, m.id, m.display_name());
    }
  }
  return {};
}

std::string format_value_json(const Value& v) {
  JsonWriter w;
  switch (v.kind) {
    case Value::Kind::number:
      w.string(v.number.to_string());
      break;
    case Value::Kind::money:
      w.begin_object().key("amount").string(v.number.to_string()).key("currency").string(v.text).end_object();
      break;
    case Value::Kind::boolean:
      w.boolean(v.flag);
      break;
    case Value::Kind::text:
      w.string(v.text);
      break;
    case Value::Kind::bill:
      return format_bill_json(*v.bill);
    case Value::Kind::plan:
      return format_plan_json(*v.plan);
    case Value::Kind::product:
      w.begin_object().key("product").string(v.product->id).end_object();
      break;
    case Value::Kind::meter:
      w.begin_object()
          .key("product")
          .string(v.product->id)
          .key("meter")
          .string(v.product->meters[v.meter].id)
          .end_object();
      break;
  }
  return w.str();
}

}  // namespace tariff::script
