#include "interpreter/model/payable_rounding.hpp"

#include <fmt/format.h>

namespace tariff {

std::string PayableRounding::text() const {
  return fmt::format("rounded {} to {} {}", to_string(mode), unit.to_string(), per_line ? "per line" : "on the total");
}

std::string PayableRounding::written(const Decimal& amount, char separator) const {
  std::string text = amount.to_string_fixed(unit.normalized().scale());
  if (separator == '\0') return text;
  std::size_t begin = text.starts_with('-') ? 1 : 0;
  std::size_t end = std::min(text.find('.'), text.size());
  for (std::size_t at = end; at > begin + 3; at -= 3) text.insert(at - 3, 1, separator);
  return text;
}

}  // namespace tariff
