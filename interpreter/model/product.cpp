#include "interpreter/model/product.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/month.hpp"

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

std::vector<const Product*> Catalog::versions(std::string_view id) const {
  std::vector<const Product*> out;
  for (const auto& p : products)
    if (p->id == id) out.push_back(p.get());
  return out;
}

std::size_t Catalog::product_count() const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < products.size(); ++i)
    count += std::none_of(products.begin(), products.begin() + static_cast<std::ptrdiff_t>(i),
                          [&](const auto& p) { return p->id == products[i]->id; });
  return count;
}

const Product& version_in_force(const std::vector<const Product*>& versions, int month) {
  const Product* found = nullptr;
  for (const Product* p : versions)
    if (!p->from || *p->from <= month) found = p;
  if (found) return *found;
  const Product& first = *versions.at(0);
  throw BillingError("no-version-in-force",
                     fmt::format("product {} has no version in force in {}: its first version is in force from {}",
                                 first.id, month_text(month), month_text(*first.from)),
                     fmt::format("bill {} or a later month", month_text(*first.from)),
                     {{first.from_span, "the first version begins here"}});
}

const Product* Catalog::in_force(std::string_view id, int month) const {
  auto all = versions(id);
  return all.empty() ? nullptr : &version_in_force(all, month);
}

std::optional<std::pair<const Product*, MeterIndex>> added_later(const Product& version, std::string_view name) {
  for (const Product* later = version.next_version; later; later = later->next_version)
    if (auto m = later->find_meter(name)) return std::pair{later, *m};
  return std::nullopt;
}

std::string priced_from_text(const Meter& meter, int month) {
  return fmt::format("meter {} is priced from {}", meter.id, month_text(month));
}

std::string retired_from_text(const Meter& meter) {
  return "retired from " + month_text(meter.retired_from.value_or(0));
}

std::string retired_text(const Meter& meter) { return fmt::format("meter {} is {}", meter.id, retired_from_text(meter)); }

}  // namespace tariff
