#include "interpreter/report/format_ledger.hpp"

#include <fmt/format.h>

#include "interpreter/model/month.hpp"

namespace tariff {

std::string ledger_entry_text(const Product& p, const LedgerEntry& e) {
  std::string text = fmt::format("{} {} of {}", to_string(e.kind), e.size_text, p.meters[e.meter].id);
  if (e.bought) text += fmt::format(", from {}", month_text(*e.bought));
  if (e.expires) text += fmt::format(", expires {}", month_text(*e.expires));
  return text;
}

}  // namespace tariff
