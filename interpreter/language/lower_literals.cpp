// The literals and words lowering reads, checked where they are written.
#include "interpreter/language/lower_literals.hpp"

#include <fmt/format.h>

#include "interpreter/base/suggest.hpp"
#include "interpreter/model/month.hpp"

namespace tariff::lowering {

std::optional<Decimal> Literals::amount(const ast::Number& n) {
  LiteralValue v = prelude_.evaluate(n);
  if (!v.value) diag_.error(v.code, n.span, v.message, v.hint);
  return v.value;
}

std::optional<Decimal> Literals::whole(const ast::Number& n, const char* what) {
  auto v = amount(n);
  if (v && (n.percent || !v->is_integer() || v->is_negative())) {
    diag_.error("not-whole", n.span, fmt::format("{} must be a whole number, not {}", what, v->to_string()));
    return std::nullopt;
  }
  return v;
}

std::optional<Decimal> Literals::percent(const std::optional<ast::Number>& n, const char* what) {
  if (!n) return std::nullopt;
  if (!n->percent)
    diag_.error("not-percent", n->span, fmt::format("the {} must be a percentage", what), "write it like 120%");
  return amount(*n);
}

void Literals::currency(const std::optional<ast::Name>& c) {
  if (c && currency_ && c->text != currency_->text)
    diag_.error("currency-mismatch", c->span,
                fmt::format("amount in {} in a product priced in {}", c->text, currency_->text),
                "amounts of a product are all in its currency");
}

bool Literals::one_of(const ast::Name& n, std::initializer_list<const char*> words, const char* what) {
  for (const char* w : words)
    if (n.text == w) return true;
  std::string list;
  std::vector<std::string> known;
  for (const char* w : words) list += (list.empty() ? "" : ", ") + std::string(w), known.emplace_back(w);
  diag_.error("unknown-word", n.span, fmt::format("unknown {} '{}'", what, n.text),
              with_suggestion(n.text, known, fmt::format("expected one of: {}", list)));
  return false;
}

void Literals::repeated(const ast::Name& item, const char* owner) {
  diag_.error("duplicate-item", item.span, fmt::format("{} is given twice", item.text),
              fmt::format("a {} states its {} once: the first is kept, remove this one", owner, item.text));
}

std::optional<int> Literals::month(const ast::Name& n) {
  auto m = parse_month(n.text);
  if (!m) diag_.error("bad-month", n.span, fmt::format("'{}' is not a month", n.text), "write a month like 2026-01");
  return m;
}

std::optional<std::pair<int, std::optional<int>>> Literals::month_or_day(const ast::Name& n) {
  auto d = parse_month_or_day(n.text);
  if (!d)
    diag_.error("bad-month", n.span, fmt::format("'{}' is not a month or a day of one", n.text),
                "write a month like 2026-01 or a day like 2026-01-15");
  return d;
}

}  // namespace tariff::lowering
