// Versions of a product (product ID from 2027-01 { ... }): each is in force from its month until
// the next one's, so versions in order of their months leave no gap and no overlap between them.
// A version prices the meters of the one before it, in the same order, then any it adds (`added`);
// one it retires stays declared (`retired`), so that a month's usage, a ledger's packs and a usage
// file's rows mean the same meter, by the same index, whichever version bills them.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/language/lower.hpp"
#include "interpreter/model/month.hpp"

namespace tariff {

namespace {

std::string meter_ids(const Product& p) {
  std::string out;
  for (const Meter& m : p.meters) out += (out.empty() ? "" : ", ") + m.id;
  return out.empty() ? "none" : out;
}

void meters_differ(const Product& previous, const Product& next, Diagnostics& diagnostics) {
  diagnostics.error("version-meters", next.from_span,
                    fmt::format("this version of {} prices the meters {}, the version before it {}", next.id,
                                meter_ids(next), meter_ids(previous)),
                    "a version lists the meters of the version before it first, in the same order, then any it "
                    "adds (meter ID NAME ... added); a meter leaves by staying declared, retired (meter ID NAME "
                    "... retired)",
                    {{previous.from_span, "the version before it"}});
}

void standing_error(const Meter& m, const Meter& before, std::string message, std::string hint,
                    Diagnostics& diagnostics) {
  diagnostics.error("version-meters", m.standing_span.valid() ? m.standing_span : m.span, std::move(message),
                    std::move(hint), {{before.span, "the version before it"}});
}

// A meter both versions have: the same meter, read alike (a usage row is read the same whichever
// version bills it), neither added again nor brought back once retired. Sets when it retired.
bool follows(const Meter& before, Meter& m, Diagnostics& diagnostics) {
  if (m.added)
    standing_error(m, before, fmt::format("meter {} is not new: the version before it prices it", m.id),
                   "only a meter the version before does not have is `added`: drop the word", diagnostics);
  else if (before.retired() && !m.retired())
    standing_error(m, before,
                   fmt::format("meter {} is retired from {}: a later version cannot price it again", m.id,
                               month_text(*before.retired_from)),
                   "a retired meter stays declared `retired` in every later version; a meter sold again is "
                   "a new meter, with its own id",
                   diagnostics);
  else if (before.decimal != m.decimal || before.unit != m.unit)
    standing_error(
        m, before,
        fmt::format("meter {} is counted in {} here, in {} in the version before it", m.id,
                    m.unit + (m.decimal ? " decimal" : ""), before.unit + (before.decimal ? " decimal" : "")),
        "a meter's unit is the same in every version, so that a usage row reads alike", diagnostics);
  else {
    if (before.retired()) m.retired_from = before.retired_from;  // retired still, from the first month
    return true;
  }
  return false;
}

// A version prices the meters of the one before first, in the same order, then those it adds,
// each saying so: a meter keeps its index, so ledgers, usage files and batch keys need no
// translation, and a typo does not become a new meter.
bool meters_follow(const Product& previous, Product& next, Diagnostics& diagnostics) {
  std::size_t common = std::min(previous.meters.size(), next.meters.size());
  for (std::size_t i = 0; i < common; ++i)
    if (previous.meters[i].id != next.meters[i].id) return meters_differ(previous, next, diagnostics), false;
  if (common < previous.meters.size()) {
    const Meter& dropped = previous.meters[common];
    diagnostics.error(
        "version-meters", next.from_span,
        fmt::format("this version of {} drops the meter {}, which the version before it prices", next.id, dropped.id),
        fmt::format("a meter stays declared in every later version, retired if it is sold no more "
                    "(meter {} ... retired), so that it keeps its place",
                    dropped.id),
        {{dropped.span, "the version before it"}});
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < previous.meters.size(); ++i)
    ok = follows(previous.meters[i], next.meters[i], diagnostics) && ok;
  for (std::size_t i = previous.meters.size(); i < next.meters.size(); ++i) {
    const Meter& m = next.meters[i];
    if (m.added) continue;
    ok = false;
    if (m.retired())
      diagnostics.error("version-meters", m.standing_span,
                        fmt::format("meter {} is retired here, but the version before it does not price it", m.id),
                        "a version retires a meter the version before it prices; a meter never sold needs no "
                        "line",
                        {{previous.from_span, "the version before it"}});
    else
      diagnostics.error(
          "version-meters", m.span,
          fmt::format("meter {} is not in the version before it (from {})", m.id, month_text(*previous.from)),
          fmt::format("a meter a version adds says so: meter {} ... added; else check its id "
                      "against the version before: {}",
                      m.id, meter_ids(previous)),
          {{previous.from_span, "the version before it"}});
  }
  return ok;
}

// `added` or `retired` in a product's first version: there is no version before it to speak of.
bool first_standing(const Product& first, Diagnostics& diagnostics) {
  bool ok = true;
  for (const Meter& m : first.meters) {
    if (!m.added && !m.retired()) continue;
    ok = false;
    no_version_before(m.id, m.added, m.standing_span, "the first version of " + first.id, diagnostics);
  }
  return ok;
}

// An example over months is played with its own version: its months lie where that version is in
// force (a scenario plays a product across its versions). Checked as the version is met (months
// before it) and as the next one is (months from the next one on).
void examples_within(const Product& version, std::optional<int> until, Diagnostics& diagnostics) {
  for (const Example& e : version.examples)
    for (const ExampleMonth& m : e.months) {
      bool before = !until && m.month < *version.from, after = until && m.month >= *until;
      if (!before && !after) continue;
      diagnostics.error(
          "version-example", m.span,
          fmt::format("month {} is {} the version of {} this example is in (from {})", month_text(m.month),
                      before ? "before" : "after", version.id, month_text(*version.from)),
          before ? "an example of a version bills months it is in force"
                 : fmt::format("the next version is in force from {}: play months across versions in a "
                               "scenario, scenario \"...\" {{ product ID  month ... }}",
                               month_text(*until)));
    }
}

}  // namespace

void no_version_before(const std::string& meter, bool added, const Span& at, const std::string& where,
                       Diagnostics& diagnostics) {
  std::string message = fmt::format("meter {} is {} in {}", meter, added ? "added" : "retired", where);
  if (added)
    diagnostics.error("meter-added-first", at, message,
                      "a meter is added by a later version of a product (product ID from YYYY-MM { ... }): drop "
                      "the word");
  else
    diagnostics.error("meter-retired-first", at, message,
                      "a meter is retired by a later version of a product; a first version, or a product without "
                      "versions, simply leaves it out");
}

bool check_version(const Product* previous, Product& next, Diagnostics& diagnostics) {
  if (!next.from) return true;
  examples_within(next, std::nullopt, diagnostics);
  if (!previous) return first_standing(next, diagnostics);
  std::vector<Note> before{{previous->from_span, "the version before it"}};
  if (*next.from == *previous->from) {
    diagnostics.error("version-overlap", next.from_span,
                      fmt::format("two versions of {} are in force from {}", next.id, month_text(*next.from)),
                      "a month has one version in force: give this version its own month", before);
    return false;
  }
  if (*next.from < *previous->from) {
    diagnostics.error("version-order", next.from_span,
                      fmt::format("this version of {} (from {}) comes after a version from {}", next.id,
                                  month_text(*next.from), month_text(*previous->from)),
                      "list a product's versions in the order of their months", before);
    return false;
  }
  if (!meters_follow(*previous, next, diagnostics)) return false;
  examples_within(*previous, next.from, diagnostics);
  return true;
}

}  // namespace tariff
