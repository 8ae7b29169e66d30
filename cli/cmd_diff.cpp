// tariff diff OLD NEW [--usage USAGE.csv] [--json]: what changed from one rule set to another, cell
// by cell, and with a usage file the bill impact: every account's total under both, the change and
// a summary. Exit 0 when it ran (a difference is not a failure), 1 when usage rows were rejected
// (as rate), 2 on bad input.
#include <fmt/format.h>
#include <sys/stat.h>

#include <iostream>

#include "cli/common.hpp"
#include "interpreter/analysis/format_diff.hpp"

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

}  // namespace

int cmd_diff(Args args) {
  auto usage = args.take("--usage");
  bool as_json = args.take_flag("--json");
  args.expect_no_options();
  if (args.words.size() != 2) throw UsageError("diff needs OLD and NEW: two rule files or directories");
  if (usage) check_usage_path(*usage);
  auto before = std::make_optional(load({args.words[0]}));
  auto after = std::make_optional(load({args.words[1]}));
  RuleDiff diff = diff_catalogs(before->catalog, after->catalog);
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
