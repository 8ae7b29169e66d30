#pragma once
// Postpaid pricing: the band a quantity reaches and what it costs, in volume mode (every unit at
// the price of the band reached, plus its flat sum) or graduated mode (each unit at its own band's
// price, plus the flat sum of each band the units reach); in whole packages where the table says
// so. No allocation in volume mode, no lookup by name: the hot path of batch rating.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/model/billing_error.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// What one band charged: `quantity` units at `unit_price` (per package: `packages` of them), plus
// the band's flat sum.
struct BandCharge {
  std::size_t band = 0;
  Decimal quantity, unit_price, amount;
  Decimal flat;
  std::optional<Decimal> packages;  // in a table of packages: how many the quantity came to
};

struct PostpaidCharge {
  std::optional<std::size_t> band;  // the band reached; none for a zero quantity
  Decimal unit_price;               // of the band reached
  Decimal amount;
  Decimal flat;                     // volume mode: the flat sum of the band reached
  std::optional<Decimal> packages;  // volume mode, in a table of packages: the packages billed
  // Graduated pricing: each band the units crossed, lowest first (empty in volume mode, where
  // every unit is at the price of the band reached).
  std::vector<BandCharge> crossed;
};

// Prices `postpaid` units of a meter whose cycle's usage is `usage` (the band is chosen by either,
// as the meter's schedule says). Throws BillingError for a quantity below the first band, beyond
// the last, in a contact-sales band, or for a meter without postpaid prices.
PostpaidCharge charge_postpaid(const Product& product, const Meter& meter, const Decimal& postpaid,
                               const Decimal& usage);

// What each band charged for `postpaid` units: the crossed bands of a graduated charge, or the
// one band reached in volume mode; empty when nothing was charged.
std::vector<BandCharge> band_charges(const PostpaidCharge& charge, const Decimal& postpaid);

// The note a billing error gives to point at the rule that decided it; none where the product
// was not read from a file.
std::vector<Note> rule_note(const Span& at, std::string what);

// "face_recognition 人脸比对", for messages.
std::string meter_label(const Product& product, const Meter& meter);

// Throws BillingError unless `q` is a non-negative number, whole unless it counts the units of a
// meter whose usage is decimal (`of_units`: usage, what is left of a held pack). `what` names it
// in the message ("usage", "a pack count"); `of_units` adds the meter's unit ("a whole number of
// calls").
void require_whole(const Product& product, const Meter& meter, const Decimal& q, const char* what,
                   bool of_units = true);

}  // namespace tariff
