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
  // A product with versions is one product here, its versions in the order of their months (the
  // loader keeps them so): its rows are keyed alike, and each bill finds the version in force.
  std::vector<const Product*> all;
  for (const auto& p : rules.catalog.products) all.push_back(p.get());
  std::stable_sort(all.begin(), all.end(), [](const Product* a, const Product* b) { return a->id < b->id; });
  for (const Product* p : all) {
    if (!products_.empty() && products_.back()->id == p->id) {
      versions_.push_back(p);
      last_version_.back() = p;
      continue;
    }
    if (unratable(p->id)) continue;
    // The last version has the most meters: every earlier one's, then those later ones add.
    const Product* last = p;
    for (const Product* next = p->next_version; next; next = next->next_version) last = next;
    if (last->meters.size() >= (1U << meter_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} has {} meters, more than batch rating can key ({})", p->id,
                                                 last->meters.size(), (1U << meter_bits) - 1));
    else if (products_.size() + 1 >= (1U << product_bits))
      unratable_.emplace_back(p->id, fmt::format("product {} is past the {} products batch rating can key", p->id,
                                                 (1U << product_bits) - 1));
    else {
      products_.push_back(p);
      first_version_.push_back(versions_.size());
      versions_.push_back(p);
      last_version_.push_back(p);
    }
  }
  for (std::size_t i = 0; i < products_.size(); ++i) meter_months_.push_back(months_of(i));
  std::size_t count = 0;
  for (const Product* p : versions_) count += p->meter_names.size() + p->meters.size();
  std::size_t size = 64;
  while (size < 4 * count) size *= 2;
  names_.resize(size);
  // Every version's names: a meter keeps its index from version to version (check_version).
  for (std::size_t i = 0; i < products_.size(); ++i)
    for (std::size_t v = first_version_[i]; v < versions_.size() && versions_[v]->id == products_[i]->id; ++v) {
      const Product& p = *versions_[v];
      for (const auto& [name, index] : p.meter_names) add_name(static_cast<int>(i), name, static_cast<int>(index));
      for (std::size_t m = 0; m < p.meters.size(); ++m)
        add_name(static_cast<int>(i), p.meters[m].id, static_cast<int>(m));
    }
}

std::size_t Dictionary::in_force(std::size_t index, int month) const {
  std::size_t first = first_version_[index], end = index + 1 < first_version_.size() ? first_version_[index + 1]
                                                                                      : versions_.size();
  if (end - first == 1 && !versions_[first]->from) return first;  // a product without versions
  std::vector<const Product*> versions(versions_.begin() + static_cast<std::ptrdiff_t>(first),
                                       versions_.begin() + static_cast<std::ptrdiff_t>(end));
  const Product& v = version_in_force(versions, month);
  return first + static_cast<std::size_t>(std::find(versions.begin(), versions.end(), &v) - versions.begin());
}

// Each meter's months: a meter added by a version takes usage from its month, one retired by a
// version until its month (a meter keeps its index from version to version).
std::vector<Dictionary::MeterMonths> Dictionary::months_of(std::size_t index) const {
  std::vector<MeterMonths> out(last_version_[index]->meters.size());
  for (std::size_t v = first_version_[index]; v < versions_.size() && versions_[v]->id == products_[index]->id; ++v) {
    const Product& p = *versions_[v];
    for (std::size_t m = 0; m < p.meters.size(); ++m) {
      if (p.meters[m].added && p.from) out[m].from = *p.from;
      // A version in force at every month (diff --at undates one) retires its meter at every month.
      if (p.meters[m].retired_from)
        out[m].retired = std::min(out[m].retired, p.from ? *p.meters[m].retired_from : out[m].from);
    }
  }
  return out;
}

std::string Dictionary::unpriced(std::size_t index, int meter, int month) const {
  const MeterMonths& m = meter_months_[index][static_cast<std::size_t>(meter)];
  const Meter& found = last_version_[index]->meters[static_cast<std::size_t>(meter)];
  return month < m.from ? priced_from_text(found, m.from) : retired_text(found);
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
  const Product& p = *last_version_.at(static_cast<std::size_t>(product));  // every version's meters
  return rejection(
      [&] {
        resolve_meter(p, {std::string(name), {}});
      },
      fmt::format("unknown meter '{}' of product {}", printable(name), p.id));
}

}  // namespace tariff::rate::detail
