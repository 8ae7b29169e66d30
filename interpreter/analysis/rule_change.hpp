#pragma once
// One change between two rule sets: a cell of a product's rules, before and after. Apart from
// rule_diff.hpp so that rule_diff_support.hpp (which rule_diff.cpp includes) need not include it.
#include <optional>
#include <string>

namespace tariff {

struct RuleChange {
  std::string product;  // the product's id
  std::string item;     // product, name, currency, cycle, settle, freeze, alert, notice, meter, postpaid, pack, ...
  std::string subject;  // the meter or fee it is about (display name), empty for the product itself
  std::string cell;     // the band, pack size or field of the item ("(300万, 1500万]", "1亿", "price")
  std::optional<std::string> before, after;  // as the rules say it; nullopt: not there (added / removed)
  std::optional<std::string> version;        // of a product with versions: "from 2027-01"

  bool added() const { return !before; }
  bool removed() const { return !after; }
};

}  // namespace tariff
