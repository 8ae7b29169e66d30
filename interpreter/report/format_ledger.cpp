#include "interpreter/report/format_ledger.hpp"

#include <fmt/format.h>

#include "interpreter/model/month.hpp"

namespace tariff {

std::string ledger_entry_text(const Product& p, const LedgerEntry& e) {
  std::string text = e.holds_calls() ? fmt::format("{} {} of {}", to_string(e.kind), e.size_text, p.meters[e.meter].id)
                                     : fmt::format("commitment of {} {} per {}", e.size_text, p.currency, e.origin);
  if (e.bought) text += fmt::format(", from {}", month_text(*e.bought));
  if (e.expires) text += fmt::format(", expires {}", month_text(*e.expires));
  return text;
}

}  // namespace tariff
