#pragma once
// A band of a volume price list: an interval of quantities with explicit open/closed ends,
// and the schedule of bands that one price table shares among its rows.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/money/decimal.hpp"
#include "interpreter/base/source.hpp"
#include "interpreter/model/packaging.hpp"
#include "interpreter/model/price.hpp"

namespace tariff {

struct Band {
  Decimal lower;
  std::optional<Decimal> upper;  // nullopt: ∞
  bool lower_closed = false, upper_closed = false;
  std::string text;  // as the rule file writes it: "(300万, 1500万]"
  Span span;         // where the rule file writes it

  // Inline, as BandSchedule::find: every postpaid charge finds its band.
  bool contains(const Decimal& q) const {
    bool above_lower = lower_closed ? q >= lower : q > lower;
    bool below_upper = !upper || (upper_closed ? q <= *upper : q < *upper);
    return above_lower && below_upper;
  }
  bool below(const Decimal& q) const { return upper && (upper_closed ? *upper < q : *upper <= q); }  // all of it
  // How many whole units k with first <= k <= last fall in this band (graduated pricing).
  Decimal units_within(const Decimal& first, const Decimal& last) const;
  // How much of the continuous quantity (from, to] falls in this band (graduated pricing of a
  // meter whose usage is decimal: 2177.42 GB): open and closed ends hold no quantity apart.
  Decimal measure_within(const Decimal& from, const Decimal& to) const;
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
  // The prices are per this many units as the table writes them (per 1000 calls); each Price
  // holds the exact price of one unit, so this is for showing them as written.
  Decimal per = 1;
  std::string per_unit;               // the unit word after `per 1000`, or empty
  std::optional<Packaging> packages;  // the prices are per package of units

  // The band holding q, by binary search; nullopt when q lies outside every band.
  std::optional<std::size_t> find(const Decimal& q) const {
    // First band whose upper end is not below q; then it holds q or q falls in no band.
    auto it = std::partition_point(bands.begin(), bands.end(), [&](const Band& b) { return b.below(q); });
    if (it == bands.end() || !it->contains(q)) return std::nullopt;
    return static_cast<std::size_t>(it - bands.begin());
  }
};

}  // namespace tariff
