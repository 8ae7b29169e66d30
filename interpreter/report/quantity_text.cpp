#include "interpreter/report/quantity_text.hpp"

namespace tariff {

std::optional<std::string> in_wan(const Decimal& d) {
  static const Decimal wan = 10000, yi = 100000000;
  if (d.is_zero() || !d.is_integer()) return std::nullopt;
  Decimal magnitude = d.is_negative() ? -d : d;
  if (magnitude >= yi) {
    auto q = Decimal::divide_exact(d, yi);
    if (q && q->scale() <= 4) return q->to_string() + "亿";
  }
  if (magnitude >= wan) {
    auto q = Decimal::divide_exact(d, wan);
    if (q && q->is_integer()) return q->to_string() + "万";
  }
  return std::nullopt;
}

std::string quantity_text(const Decimal& quantity, QuantityStyle style) {
  if (style == QuantityStyle::wan)
    if (auto text = in_wan(quantity)) return *text;
  return quantity.to_string_grouped(',');
}

}  // namespace tariff
