#include "interpreter/language/literal.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <tao/pegtl.hpp>

#include "grammar/lexical.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> unit_names(const Units& units) {
  std::vector<std::string> out;
  for (const auto& [name, value] : units) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::string units_list(const Units& units) {
  std::string out;
  for (const auto& n : unit_names(units)) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

LiteralValue failure(std::string code, std::string message, std::string hint) {
  return {std::nullopt, std::move(code), std::move(message), std::move(hint)};
}

}  // namespace

ast::Number make_number(std::string_view text, Span span) {
  ast::Number n;
  n.text = std::string(text);
  n.span = std::move(span);
  std::size_t i = 0;
  for (; i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == '_'); ++i)
    if (text[i] != '_') n.digits += text[i];
  std::string_view rest = text.substr(i);
  if (rest == "%")
    n.percent = true;
  else
    n.unit = rest;
  n.digits_value = Decimal::parse(n.digits);
  return n;
}

LiteralValue value_of(const ast::Number& n, const Units& units) {
  std::string_view written = n.text.empty() ? std::string_view(n.digits) : std::string_view(n.text);
  if (auto underscore = written.find('_'); underscore != std::string_view::npos && underscore > 3)
    return failure("number-grouping", "digits are not grouped in threes",
                   "digits are grouped in threes from the right: 1_234_567");
  const std::size_t dot = n.digits.find('.');
  const std::size_t places = dot == std::string::npos ? 0 : n.digits.size() - dot - 1;
  auto parsed = n.digits_value ? n.digits_value : Decimal::parse(n.digits);
  if (!parsed)
    return failure("number-range", "number out of range",
                   places > static_cast<std::size_t>(Decimal::max_scale)
                       ? fmt::format("numbers hold at most {} decimal places", Decimal::max_scale)
                       : fmt::format("numbers hold at most {} digits", Decimal::max_digits));
  try {
    if (n.percent) return {parsed->shifted(-2), {}, {}, {}};
    if (n.unit.empty()) return {parsed, {}, {}, {}};
    auto unit = units.find(n.unit);
    if (unit == units.end())
      return failure("unknown-unit", fmt::format("unknown unit '{}'", n.unit),
                     with_suggestion(n.unit, unit_names(units),
                                     fmt::format("the prelude's units: {}; or write a plain number", units_list(units))));
    return {*parsed * unit->second, {}, {}, {}};
  } catch (const DecimalError&) {
    return failure("number-range", "number out of range",
                   fmt::format("numbers hold at most {} digits", Decimal::max_digits));
  }
}

namespace pegtl = tao::pegtl;

std::optional<ast::Number> parse_quantity_literal(SourcePtr source) {
  struct whole : pegtl::seq<grammar::quantity, pegtl::eof> {};
  pegtl::memory_input in(source->text.data(), source->text.size(), source->name);
  try {
    if (!pegtl::parse<whole>(in)) return std::nullopt;
  } catch (const pegtl::parse_error&) {  // a commit point failed: "1." has no digits after '.'
    return std::nullopt;
  }
  return make_number(source->text, Span{source, 0, source->text.size()});
}

LiteralValue parse_quantity_text(std::string_view text, const Units& units) {
  const std::string quoted = printable(text);
  if (text.starts_with('-'))
    return failure("quantity-sign", fmt::format("quantity '{}' is negative", quoted), "quantities are never negative");
  if (text.starts_with('+'))
    return failure("quantity-sign", fmt::format("quantity '{}' has a sign", quoted), "write it without '+'");
  auto literal = parse_quantity_literal(std::make_shared<Source>(Source{"<quantity>", std::string(text)}));
  if (!literal)
    return failure("quantity-syntax", fmt::format("quantity '{}' is not a number", quoted),
                   "write 3500000, 3_500_000, 350万 or 1.5亿");
  if (literal->percent)
    return failure("quantity-syntax", fmt::format("quantity '{}' is a percentage", quoted),
                   "write 3500000, 350万 or 1.5亿");
  LiteralValue v = value_of(*literal, units);
  if (!v.value) v.message = fmt::format("quantity '{}': {}", quoted, v.message);
  return v;
}

}  // namespace tariff
