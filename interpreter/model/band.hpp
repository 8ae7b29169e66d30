#pragma once
// A band of a volume price list: an interval of quantities with explicit open/closed ends,
// and the schedule of bands that one price table shares among its rows.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"
#include "interpreter/base/source.hpp"
#include "interpreter/model/price.hpp"

namespace tariff {

struct Band {
  Decimal lower;
  std::optional<Decimal> upper;  // nullopt: ∞
  bool lower_closed = false, upper_closed = false;
  std::string text;  // as the rule file writes it: "(300万, 1500万]"
  Span span;         // where the rule file writes it

  bool contains(const Decimal& q) const;
  bool below(const Decimal& q) const;  // the whole band lies below q
  // How many whole units k with first <= k <= last fall in this band (graduated pricing).
  Decimal units_within(const Decimal& first, const Decimal& last) const;
};

// volume (阶梯到达): every unit at the price of the band the quantity reaches.
// graduated: each unit at the price of the band it falls in.
enum class BandMode { volume, graduated };

// Which quantity selects the band: what is left for postpaid after free quota, grant and packs
// (what every seed's worked examples imply), or the month's whole usage.
enum class BandBasis { postpaid_quantity, usage };

struct BandSchedule {
  BandMode mode = BandMode::volume;
  BandBasis basis = BandBasis::postpaid_quantity;
  std::vector<Band> bands;  // sorted, contiguous, checked

  // The band holding q, by binary search; nullopt when q lies outside every band.
  std::optional<std::size_t> find(const Decimal& q) const;
};

}  // namespace tariff
