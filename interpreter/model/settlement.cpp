#include "interpreter/model/settlement.hpp"

namespace tariff {

std::optional<SettlementStep> parse_settlement_step(std::string_view word) {
  if (word == "free") return SettlementStep::free;
  if (word == "grant") return SettlementStep::grant;
  if (word == "packs") return SettlementStep::packs;
  if (word == "postpaid") return SettlementStep::postpaid;
  return std::nullopt;
}

std::optional<PackOrderKey> parse_pack_order_key(std::string_view word) {
  if (word == "expiry") return PackOrderKey::expiry;
  if (word == "purchase") return PackOrderKey::purchase;
  return std::nullopt;
}

std::string_view to_string(SettlementStep step) {
  switch (step) {
    case SettlementStep::free:
      return "free";
    case SettlementStep::grant:
      return "grant";
    case SettlementStep::packs:
      return "packs";
    case SettlementStep::postpaid:
      return "postpaid";
  }
  return "?";
}

}  // namespace tariff
