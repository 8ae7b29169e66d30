#include "interpreter/batch/dictionary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/hash.hpp"
#include "interpreter/model/request_builder.hpp"

namespace tariff::rate::detail {

Dictionary::Dictionary(const RuleSet& rules) : units_(&rules.prelude.units), catalog_(&rules.catalog) {
  // Sorted by id, so that a product's index is its place in the output order. A product that does
  // not fit a key is left out, and its rows are rejected (not the whole run): more than 255
  // meters, or past the 127th product.
  std::vector<const Product*> all;
  for (const auto& p : rules.catalog.products) all.push_back(p.get());
  std::sort(all.begin(), all.end(), [](const Product* a, const Product* b) { return a->id < b->id; });
  for (const Product* p : all) {
    if (p->meters.size() >= (1U << meter_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} has {} meters, more than batch rating can key ({})", p->id,
                                                 p->meters.size(), (1U << meter_bits) - 1));
    else if (products_.size() + 1 >= (1U << product_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} is past the {} products batch rating can key", p->id,
                                                 (1U << product_bits) - 1));
    else
      products_.push_back(p);
  }
  std::size_t count = 0;
  for (const Product* p : products_) count += p->meter_names.size() + p->meters.size();
  std::size_t size = 64;
  while (size < 4 * count) size *= 2;
  names_.resize(size);
  for (std::size_t i = 0; i < products_.size(); ++i) {
    const Product& p = *products_[i];
    for (const auto& [name, index] : p.meter_names) add_name(static_cast<int>(i), name, static_cast<int>(index));
    for (std::size_t m = 0; m < p.meters.size(); ++m)
      add_name(static_cast<int>(i), p.meters[m].id, static_cast<int>(m));
  }
}

void Dictionary::add_name(int product, const std::string& text, int meter) {
  std::uint64_t h = hash_text(text) + static_cast<std::uint64_t>(product);
  std::size_t mask = names_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Name& n = names_[i];
    if (n.product == product && n.text == text) return;  // an id that is also a name
    if (n.product < 0) {
      n = {h, product, meter, text};
      return;
    }
  }
}

int Dictionary::product(std::string_view id) const {
  for (std::size_t i = 0; i < products_.size(); ++i)
    if (products_[i]->id == id) return static_cast<int>(i);
  return -1;
}

const std::string* Dictionary::unratable(std::string_view id) const {
  for (const auto& [product, why] : unratable_)
    if (product == id) return &why;
  return nullptr;
}

int Dictionary::meter(int product, std::string_view name) const {
  std::uint64_t h = hash_text(name) + static_cast<std::uint64_t>(product);
  std::size_t mask = names_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Name& n = names_[i];
    if (n.product < 0) return -1;
    if (n.hash == h && n.product == product && n.text == name) return n.meter;
  }
}

namespace {

// The resolver's reason; `fallback` if it resolves a name the table does not hold (it cannot: the
// table holds every name a product answers to).
template <typename Resolve>
std::string rejection(Resolve resolve, std::string fallback) {
  try {
    resolve();
  } catch (const DiagnosticError& e) {
    return one_line(e);
  }
  return fallback;
}

}  // namespace

std::string Dictionary::unknown_product(std::string_view id) const {
  return rejection(
      [&] {
        resolve_product(*catalog_, {std::string(id), {}});
      },
      fmt::format("unknown product '{}'", printable(id)));
}

std::string Dictionary::unknown_meter(int product, std::string_view name) const {
  const Product& p = *products_.at(static_cast<std::size_t>(product));
  return rejection(
      [&] {
        resolve_meter(p, {std::string(name), {}});
      },
      fmt::format("unknown meter '{}' of product {}", printable(name), p.id));
}

}  // namespace tariff::rate::detail
