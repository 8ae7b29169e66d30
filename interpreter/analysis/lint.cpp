#include "interpreter/analysis/lint.hpp"

#include <algorithm>

namespace tariff {

// The price analyses read a band's price as the cost of each unit in it. A band with a flat sum,
// or a table priced per package, costs otherwise: they are left out rather than misread (a known
// limit, said in the README), and only the band reachability and the packs are looked at.
bool priced_per_unit(const Meter& meter) {
  if (!meter.postpaid) return true;
  if (meter.postpaid->schedule->packages) return false;
  return std::none_of(meter.postpaid->prices.begin(), meter.postpaid->prices.end(),
                      [](const Price& p) { return p.flat.has_value(); });
}

Diagnostics lint_product(const Product& product) {
  Diagnostics found;
  for (const Meter& meter : product.meters) {
    bool linear = priced_per_unit(meter);
    if (linear) find_volume_cliffs(product, meter, found);
    if (linear) find_rising_prices(product, meter, found);
    find_unreachable_bands(product, meter, found);
    if (linear) find_packs_never_cheaper(product, meter, found);
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
