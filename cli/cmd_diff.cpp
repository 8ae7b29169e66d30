// tariff diff OLD NEW [--usage USAGE.csv] [--json]: what changed from one rule set to another, cell
// by cell, and with a usage file the bill impact: every account's total under both, the change and
// a summary. tariff diff PRODUCT --at OLD_MONTH --at NEW_MONTH [--rules PATH]: the same for one
// product's versions in force at two months. Exit 0 when it ran (a difference is not a failure),
// 1 when usage rows were rejected (as rate), 2 on bad input.
#include <fmt/format.h>
#include <sys/stat.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/analysis/format_diff.hpp"
#include "interpreter/model/month.hpp"

namespace tariff::cli {

namespace {

std::vector<rate::Reject> rejects_of(rate::Result& r) {
  std::vector<rate::Reject> all;
  rate::for_each_reject(r, [&](const rate::Reject& j) { all.push_back(j); });
  return all;
}

void print_reject(const rate::Reject& j, const char* side) {
  std::cerr << fmt::format("tariff: line {}: {}{}{}\n", j.line, j.reason,
                           j.rows > 1 ? fmt::format(" ({} rows)", j.rows) : "", side);
}

// As rate prints them, in line order; a row both rule sets reject alike is printed once, one that
// only one rejects says which.
std::uint64_t print_rejects(BillImpact& impact) {
  auto before = rejects_of(impact.before), after = rejects_of(impact.after);
  std::size_t i = 0, k = 0;
  while (i < before.size() || k < after.size()) {
    bool take_before = k == after.size() || (i < before.size() && before[i].line < after[k].line);
    bool take_after = i == before.size() || (k < after.size() && after[k].line < before[i].line);
    if (take_before) {
      print_reject(before[i++], " (old rules only)");
    } else if (take_after) {
      print_reject(after[k++], " (new rules only)");
    } else if (before[i].reason == after[k].reason && before[i].rows == after[k].rows) {
      print_reject(before[i++], "");
      ++k;
    } else {
      print_reject(before[i++], " (old rules)");
      print_reject(after[k++], " (new rules)");
    }
  }
  std::uint64_t rejected = impact.before.reject_count + impact.after.reject_count;
  if (rejected > 0)
    std::cerr << fmt::format("diff: {} rows read; {} rejected under the old rules, {} under the new\n",
                             impact.after.summary.rows_read, impact.before.summary.rows_rejected,
                             impact.after.summary.rows_rejected);
  return rejected;
}

// The usage file is read once per rule set, so it must be a file that can be read twice.
void check_usage_path(const std::string& path) {
  struct stat st {};
  if (path == "-") throw UsageError("diff --usage needs a file, not standard input: it is read once per rule set");
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    throw UsageError(fmt::format("diff --usage needs a regular file: {} is read once per rule set", path));
}

// The rules with product `id` reduced to its version in force at `month`, undated: in force at
// every month, so that a usage file rated under them prices each of its rows with that version.
// Its month is returned in `from` (none for a product without versions).
RuleSet at_month(const std::vector<std::string>& paths, const std::string& id, const std::string& month,
                 std::optional<int>& from) {
  RuleSet rules = load(paths);
  const Product& version = find_product(rules, id, month);
  from = version.from;
  std::erase_if(rules.catalog.products, [&](const auto& p) { return p->id == id && p.get() != &version; });
  rules.catalog.scenarios.clear();  // a scenario may point at a version gone
  for (auto& p : rules.catalog.products)
    if (p.get() == &version) {
      p->from.reset();
      p->next_version = nullptr;  // gone with the other versions
    }
  return rules;
}

// diff PRODUCT --at OLD --at NEW: the product's two versions compared as two rule sets are, the
// months they are in force from first.
RuleDiff diff_versions(const RuleSet& before, const RuleSet& after, const std::string& id, std::optional<int> old_from,
                       std::optional<int> new_from) {
  RuleDiff diff;
  diff.before_products = diff.after_products = 1;
  auto text = [](std::optional<int> m) { return m ? month_text(*m) : std::string("every month"); };
  if (old_from != new_from) diff.changes.push_back({id, "product", "", "in force from", text(old_from), text(new_from)});
  diff_products(*before.catalog.find(id), *after.catalog.find(id), diff.changes);
  return diff;
}

}  // namespace

int cmd_diff(Args args) {
  auto usage = args.take("--usage");
  bool as_json = args.take_flag("--json");
  auto at = args.take_all("--at");
  std::vector<std::string> paths;
  if (!at.empty()) paths = rule_paths(args);
  args.expect_no_options();
  if (!at.empty() && (at.size() != 2 || args.words.size() != 1))
    throw UsageError("diff PRODUCT --at OLD_MONTH --at NEW_MONTH compares one product at two months");
  if (at.empty() && args.words.size() != 2)
    throw UsageError("diff needs OLD and NEW: two rule files or directories (or PRODUCT --at MONTH --at MONTH)");
  if (usage) check_usage_path(*usage);
  std::optional<RuleSet> before, after;
  RuleDiff diff;
  if (at.empty()) {
    before.emplace(load({args.words[0]}));
    after.emplace(load({args.words[1]}));
    diff = diff_catalogs(before->catalog, after->catalog);
  } else {
    std::optional<int> old_from, new_from;
    before.emplace(at_month(paths, args.words[0], at[0], old_from));
    after.emplace(at_month(paths, args.words[0], at[1], new_from));
    diff = diff_versions(*before, *after, args.words[0], old_from, new_from);
  }
  std::optional<BillImpact> impact;
  if (usage) {
    try {
      impact = rate_impact(*before, *after, *usage);
    } catch (const rate::RateError& e) {
      throw UsageError(e.what());
    }
  }
  if (as_json) {
    std::cout << format_diff_json(diff, impact ? &*impact : nullptr);
  } else {
    std::cout << format_rule_diff_text(diff);
    if (impact) std::cout << '\n' << format_impact_text(*impact);
  }
  std::uint64_t rejected = impact ? print_rejects(*impact) : 0;
  return rejected == 0 ? ok : problems;
}

}  // namespace tariff::cli
