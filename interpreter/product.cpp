#include "interpreter/product.hpp"

namespace tariff {

std::optional<MeterIndex> Product::find_meter(std::string_view name) const {
  auto it = meter_names.find(std::string(name));
  if (it == meter_names.end()) return std::nullopt;
  return it->second;
}

const Product* Catalog::find(std::string_view id) const {
  for (const auto& p : products)
    if (p->id == id) return p.get();
  return nullptr;
}

}  // namespace tariff
