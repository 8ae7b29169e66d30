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

}  // namespace tariff
