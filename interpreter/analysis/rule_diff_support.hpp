#pragma once
// How rule_diff*.cpp compare (internal to analysis/): a recorder of one product's changes, and
// each kind of rule as a list of cells (a band's price, a pack's price, a fee's field).
#include <optional>
#include <string>
#include <vector>

#include "interpreter/analysis/rule_change.hpp"
#include "interpreter/model/product.hpp"

namespace tariff::diff_detail {

using Text = std::optional<std::string>;

// One cell of a rule: matched with the other side's by `key` (a band's interval by value, a pack's
// size), shown as `label` (as the file writes it), holding `text`.
struct Cell {
  std::string key, label, text;
};
using Cells = std::vector<Cell>;

// Records the changes of one product.
struct Recorder {
  std::string product;
  std::vector<RuleChange>& out;
  std::optional<std::string> version;  // "from 2027-01", of a product with versions

  // A change when the two texts differ.
  void compare(const std::string& item, const std::string& subject, const std::string& cell, const Text& before,
               const Text& after) const;
  // Cell by cell: the new side's cells in order (changed or added), then those only the old side has.
  void compare(const std::string& item, const std::string& subject, const Cells& before, const Cells& after) const;
};

std::string price_text(const Price& price);
std::string percent_text(const Decimal& fraction);  // 1.2 → "120%"
std::string join(const std::vector<std::string>& words, const std::string& separator);

// A meter's rules as cells (none for a meter that is not there).
Cells postpaid_cells(const Meter* meter);  // the table's mode, basis, state, then a price per band
Cells pack_cells(const Meter* meter);      // the pack terms, then a price per size
Cells quota_cells(const Meter* meter);     // the free quota and the grant
// A fee's price, dimensions, included packs and states (its product names the included packs' meters).
Cells fee_cells(const Product& product, const Fee* fee);
Cells recurring_cells(const RecurringFee* fee);  // its amount, cycle, states and proration
// A minimum, maximum or commitment as the rule writes it (none: not there).
Text limit_text(const std::optional<ChargeLimit>& limit, const std::string& currency);

}  // namespace tariff::diff_detail
