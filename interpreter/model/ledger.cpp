#include "interpreter/model/ledger.hpp"

#include "interpreter/model/product.hpp"

namespace tariff {

const char* to_string(LedgerEntry::Kind kind) {
  switch (kind) {
    case LedgerEntry::Kind::pack:
      return "pack";
    case LedgerEntry::Kind::included:
      return "included";
    case LedgerEntry::Kind::grant:
      return "grant";
    case LedgerEntry::Kind::free:
      return "free";
    case LedgerEntry::Kind::commitment:
      return "commitment";
  }
  return "pack";
}

std::optional<LedgerEntry::Kind> parse_ledger_kind(std::string_view word) {
  for (auto kind : {LedgerEntry::Kind::pack, LedgerEntry::Kind::included, LedgerEntry::Kind::grant,
                    LedgerEntry::Kind::free, LedgerEntry::Kind::commitment})
    if (word == to_string(kind)) return kind;
  return std::nullopt;
}

std::string ledger_meter_id(const Product& product, const LedgerEntry& entry) {
  return entry.holds_calls() ? product.meters.at(entry.meter).id : std::string();
}

LedgerFlow& LedgerFlow::operator+=(const LedgerFlow& o) {
  opening += o.opening;
  bought += o.bought;
  included += o.included;
  granted += o.granted;
  drawn += o.drawn;
  expired += o.expired;
  closing += o.closing;
  return *this;
}

}  // namespace tariff
