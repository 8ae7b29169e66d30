#include "interpreter/model/product.hpp"

namespace tariff {

std::optional<MeterIndex> Product::find_meter(std::string_view name) const {
  auto it = meter_names.find(std::string(name));
  if (it == meter_names.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> Product::find_fee(std::string_view name) const {
  for (std::size_t i = 0; i < fees.size(); ++i) {
    if (fees[i].id == name) return i;
    for (const auto& n : fees[i].names)
      if (n == name) return i;
  }
  return std::nullopt;
}

const Product* Catalog::find(std::string_view id) const {
  for (const auto& p : products)
    if (p->id == id) return p.get();
  return nullptr;
}

}  // namespace tariff
