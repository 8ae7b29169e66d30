#pragma once
// tariff diff's output: the rule changes as a table cell by cell (old and new side by side), the
// bill impact as a table of accounts and a summary per currency; and both as one JSON object with
// every number an exact decimal string.
#include <optional>
#include <string>

#include "interpreter/analysis/bill_impact.hpp"
#include "interpreter/analysis/rule_diff.hpp"

namespace tariff {

std::string format_rule_diff_text(const RuleDiff& diff);
std::string format_impact_text(const BillImpact& impact);
// {"changes": [...], "products": {"old": n, "new": n}, "impact": {...} when there is one}
std::string format_diff_json(const RuleDiff& diff, const BillImpact* impact);

}  // namespace tariff
