// Reading a built-in's arguments: each reader fails at the argument that is not what it reads.
#include "interpreter/script/call.hpp"

#include <fmt/format.h>

#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/builtins.hpp"

namespace tariff::script {

std::string_view Call::usage() const { return builtin_.usage; }

const Expr& Call::positional(std::size_t i) const {
  const Arg& a = expr.args.at(i);
  if (!a.value || a.name) fail(a.span, "arity", fmt::format("{} takes no named arguments here", name()));
  return *a.value;
}

Decimal Call::quantity(const Expr& e) {
  Value v = evaluate(e);
  const auto* d = std::get_if<Decimal>(&v);
  if (!d) fail(e.span, "type", fmt::format("expected a number, not {}", kind_name(v)));
  return *d;
}

int Call::places(std::size_t i) {
  const Expr& e = positional(i);
  auto n = quantity(e).to_int64();
  if (!n || *n < Decimal::min_places || *n > Decimal::max_scale)
    fail(e.span, "places",
         fmt::format("expected a whole number of decimal places from {} to {}", Decimal::min_places,
                     Decimal::max_scale));
  return static_cast<int>(*n);
}

RoundingMode Call::mode(std::size_t i) {
  const Expr& e = positional(i);
  Value v = evaluate(e);
  const auto* text = std::get_if<std::string>(&v);
  auto mode = text ? parse_rounding_mode(*text) : std::nullopt;
  if (!mode)
    fail(e.span, "rounding-mode", "expected a rounding mode",
         "half_up, half_even, half_down, down, up, floor or ceiling");
  return *mode;
}

ProductRef Call::product_ref(std::size_t i) {
  const Expr& e = positional(i);
  Value v = evaluate(e);
  const auto* p = std::get_if<ProductRef>(&v);
  if (!p) fail(e.span, "type", fmt::format("expected a product, not {}", kind_name(v)), ":products lists them");
  return *p;
}

const Product& Call::product(std::size_t i) {
  ProductRef p = product_ref(i);
  if (p.any_version)
    fail(positional(i).span, "version-month",
         fmt::format("{} has versions: which one is meant depends on the month", p.product->id),
         fmt::format("name the month: in_force({0}, \"YYYY-MM\") is the version in force then, and "
                     "month_bill({0}, \"YYYY-MM\", ...) bills with it",
                     p.product->id));
  return *p.product;
}

// A product's version in force at `month`: the product itself when it has no versions.
const Product& Call::version_at(const Product& product, int month, const Span& where) {
  try {
    return *rules()->catalog.in_force(product.id, month);
  } catch (const BillingError& e) {
    fail(where, e.code, e.what(), e.hint);
  }
}

const Product& Call::product_at(std::size_t i, int month) {
  return version_at(*product_ref(i).product, month, positional(i).span);
}

int Call::month(std::size_t i) {
  Value when = value(i);
  const auto* text = std::get_if<std::string>(&when);
  auto month = text ? parse_month(*text) : std::nullopt;
  if (!month) fail(positional(i).span, "type", "the month is a string like \"2026-01\"");
  return *month;
}

// A bare name is the meter's own name first (人脸比对), else a binding or parameter holding one; a
// string names one.
Name Call::meter_name(const Product& p, const Expr& arg) {
  const std::string& written = arg.text;
  bool own_name =
      (arg.kind == Expr::Kind::variable && (p.find_meter(written) || !bound(written))) || arg.kind == Expr::Kind::text;
  if (own_name) return {written, arg.span};
  Value v = evaluate(arg);
  if (const auto* m = std::get_if<MeterRef>(&v); m && m->product == &p) return {p.meters[m->meter].id, arg.span};
  const auto* text = std::get_if<std::string>(&v);
  if (!text) fail(arg.span, "type", fmt::format("{} expects a meter of {}, not {}", name(), p.id, kind_name(v)));
  return {*text, arg.span};
}

Name Call::meter_name(const Product& p, const ast::Name& written) {
  Expr meter;
  meter.kind = Expr::Kind::variable;
  meter.text = written.text;
  meter.span = written.span;
  return meter_name(p, meter);
}

MeterIndex Call::meter(const Product& p, std::size_t i) { return resolve_meter(p, meter_name(p, positional(i))); }

// The dispatch: a built-in called with its Call; billing and arithmetic errors become diagnostics
// at the call.
Value Interpreter::call_builtin(const Builtin& b, const Expr& e) {
  check_arity(b, e);
  Call call(*this, b, e);
  try {
    return b.function(call);
  } catch (const BillingError& error) {
    Diagnostics d;
    Diagnostic at_call = error.diagnostic(e.span);
    d.error(at_call.code, at_call.span, at_call.message, at_call.hint, at_call.notes);
    throw DiagnosticError(std::move(d));
  } catch (const DecimalError& error) {
    fail(e.span, "arithmetic", error.what());
  }
}

}  // namespace tariff::script
