#include "interpreter/analysis/lint.hpp"

#include <algorithm>

namespace tariff {

Diagnostics lint_product(const Product& product) {
  Diagnostics found;
  for (const Meter& meter : product.meters) {
    find_volume_cliffs(product, meter, found);
    find_rising_prices(product, meter, found);
    find_unreachable_bands(product, meter, found);
    find_packs_never_cheaper(product, meter, found);
    find_dearer_larger_packs(product, meter, found);
  }
  // In the order of the rule file, as a compiler reports; findings on one cell keep their kind's order.
  std::vector<Diagnostic> list = found.list();
  std::stable_sort(list.begin(), list.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  Diagnostics sorted;
  for (auto& d : list) sorted.warning(d.code, d.span, d.message, d.hint, d.notes);
  return sorted;
}

Diagnostics lint(const Catalog& catalog) {
  Diagnostics all;
  for (const auto& product : catalog.products) all.append(lint_product(*product));
  return all;
}

}  // namespace tariff
