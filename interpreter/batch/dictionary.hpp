#pragma once
// The products and meter names of a rule set, resolved once into a table every reading thread
// shares read-only (internal to batch/): a row's product and meter cost a hash and, nearly
// always, one comparison.
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/batch/keys.hpp"
#include "interpreter/language/load.hpp"

namespace tariff::rate::detail {

// Product and meter names resolved once, shared read-only by every reading thread.
class Dictionary {
 public:
  explicit Dictionary(const RuleSet& rules);
  const Units& units() const { return *units_; }
  // Product index (products are in id order), or -1.
  int product(std::string_view id) const;
  // Why a product of the rules cannot be batch rated (it does not fit a key), or null.
  const std::string* unratable(std::string_view id) const;
  // Meter index by id, name, alias or API action, or -1.
  int meter(int product, std::string_view name) const;
  // The product; of a product with versions, its last version, whose meters are every version's
  // (a version lists the meters of the one before first, then those it adds).
  const Product& at(std::size_t index) const { return *last_version_[index]; }
  // Whether the version in force at `month` bills usage of the meter: false before the version
  // that adds it and from the one that retires it (a month before the first version is left to
  // in_force). Two comparisons, for every row.
  bool priced(std::size_t index, int meter, int month) const {
    const MeterMonths& m = meter_months_[index][static_cast<std::size_t>(meter)];
    return month >= m.from && month < m.retired;
  }
  // Why a row of the meter at `month` is rejected when priced() is false: "meter speech is priced
  // from 2027-07", "meter legacy is retired from 2027-07".
  std::string unpriced(std::size_t index, int meter, int month) const;
  // The version of product `index` in force at `month`, as an index for version(): looked up once
  // per bill (account, month, product), never per row. Throws BillingError before the first.
  std::size_t in_force(std::size_t index, int month) const;
  const Product& version(std::size_t version_index) const { return *versions_[version_index]; }
  std::size_t version_count() const { return versions_.size(); }
  // Why a row naming a product or meter the table lacks is rejected, off the hot path: the request
  // builder's diagnostic on one line, with the choices and a did-you-mean, as for a rule file.
  std::string unknown_product(std::string_view id) const;
  std::string unknown_meter(int product, std::string_view name) const;
  std::size_t size() const { return products_.size(); }

 private:
  // Every (product, meter name) in one small open-addressing table: a lookup is a hash of a
  // short text and, nearly always, one comparison.
  struct Name {
    std::uint64_t hash = 0;
    int product = -1, meter = -1;
    std::string text;
  };
  // The months a meter takes usage in: from the version that adds it until the one retiring it.
  struct MeterMonths {
    int from = std::numeric_limits<int>::min(), retired = std::numeric_limits<int>::max();
  };
  std::vector<const Product*> products_;
  std::vector<const Product*> last_version_;            // per product
  std::vector<std::vector<MeterMonths>> meter_months_;  // per product, per meter of its last version
  std::vector<const Product*> versions_;  // every product's versions, in products_' order
  std::vector<std::size_t> first_version_;  // per product: its first version's index in versions_
  std::vector<std::pair<std::string, std::string>> unratable_;  // product id, why
  std::vector<Name> names_;
  const Units* units_;
  const Catalog* catalog_;
  void add_name(int product, const std::string& text, int meter);
  std::vector<MeterMonths> months_of(std::size_t index) const;
};

}  // namespace tariff::rate::detail
