#pragma once
// The bands of a postpaid table's header, checked: each well formed (not negative, not empty, ∞
// open), and each following the one before without gap or overlap.
#include <optional>
#include <vector>

#include "interpreter/language/ast.hpp"
#include "interpreter/money/decimal.hpp"
#include "interpreter/base/diagnostic.hpp"

namespace tariff {

// A band whose bounds evaluated (bands with an unknown unit were already reported and are left out).
struct CheckedBand {
  const ast::Interval* in;
  Decimal lower;
  std::optional<Decimal> upper;
};

// Reports a band that holds nothing or closes at ∞; returns whether it is well formed.
bool check_band(const ast::Interval& in, const Decimal& lower, const std::optional<Decimal>& upper,
                Diagnostics& diagnostics);

// Reports each band that overlaps the one before it, leaves a gap after it, or follows ∞. With
// `whole_units` (no row of the table counts decimal usage), a band closed at n may be followed by
// one closed at n + 1; decimal usage would fall between them.
void check_band_sequence(const std::vector<CheckedBand>& bands, Diagnostics& diagnostics, bool whole_units = true);

}  // namespace tariff
