#pragma once
// The order in which a month's usage is settled (结算顺序), e.g. 赠送的资源包 > 购买的资源包 > 后付费.
#include <optional>
#include <string_view>
#include <vector>

namespace tariff {

enum class SettlementStep { free, grant, packs, postpaid };

std::optional<SettlementStep> parse_settlement_step(std::string_view word);
std::string_view to_string(SettlementStep step);

using SettlementOrder = std::vector<SettlementStep>;

// The order the packs an account holds are drawn in, by these keys in turn, as the prelude (or a
// product) states it: `draw packs by expiry, then purchase` (earliest first; a pack without the
// month sorts last). Packs bought in the bill itself come after the packs held, in their order.
enum class PackOrderKey { expiry, purchase };
using PackOrder = std::vector<PackOrderKey>;
std::optional<PackOrderKey> parse_pack_order_key(std::string_view word);

}  // namespace tariff
