#include "interpreter/script/value.hpp"

#include <fmt/format.h>

#include "interpreter/report/format_bill.hpp"
#include "interpreter/report/format_plan.hpp"
#include "interpreter/base/json.hpp"

namespace tariff::script {

namespace {

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
// Clang 14 does not deduce aggregate template arguments (P1816) yet.
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

const char* kind_name(const Value& v) {
  return std::visit(Overloaded{
                        [](const Decimal&) { return "a number"; },
                        [](const Money&) { return "money"; },
                        [](bool) { return "a boolean"; },
                        [](const std::string&) { return "a string"; },
                        [](const BillValue&) { return "a bill"; },
                        [](const PlanValue&) { return "a plan"; },
                        [](const ProductRef&) { return "a product"; },
                        [](const MeterRef&) { return "a meter"; },
                    },
                    v);
}

std::string format_value(const Value& v, const PrintOptions& options) {
  return std::visit(
      Overloaded{
          [&](const Decimal& d) { return options.wan ? in_wan(d).value_or(d.to_string()) : d.to_string(); },
          [](const Money& m) { return fmt::format("{} {}", m.amount.to_string_grouped(','), m.currency); },
          [](bool b) { return std::string(b ? "true" : "false"); },
          [](const std::string& s) { return s; },
          [&](const BillValue& b) {
            return format_bill_text(*b.bill, options.wan ? QuantityStyle::wan : QuantityStyle::grouped);
          },
          [](const PlanValue& p) { return format_plan_text(*p.plan); },
          [](const ProductRef& p) { return fmt::format("product {} {}", p.product->id, p.product->display_name()); },
          [](const MeterRef& r) {
            const Meter& m = r.product->meters[r.meter];
            return fmt::format("meter {}.{} {}", r.product->id, m.id, m.display_name());
          },
      },
      v);
}

std::string format_value_json(const Value& v) {
  // A bill and a plan have their own JSON; the other values are one JSON value each.
  if (const auto* b = std::get_if<BillValue>(&v)) return format_bill_json(*b->bill);
  if (const auto* p = std::get_if<PlanValue>(&v)) return format_plan_json(*p->plan);
  JsonWriter w;
  std::visit(Overloaded{
                 [&](const Decimal& d) { w.string(d.to_string()); },
                 [&](const Money& m) {
                   w.begin_object().key("amount").string(m.amount.to_string()).key("currency").string(m.currency);
                   w.end_object();
                 },
                 [&](bool b) { w.boolean(b); },
                 [&](const std::string& s) { w.string(s); },
                 [](const BillValue&) {},
                 [](const PlanValue&) {},
                 [&](const ProductRef& p) { w.begin_object().key("product").string(p.product->id).end_object(); },
                 [&](const MeterRef& r) {
                   w.begin_object().key("product").string(r.product->id);
                   w.key("meter").string(r.product->meters[r.meter].id).end_object();
                 },
             },
             v);
  return w.str();
}

}  // namespace tariff::script
