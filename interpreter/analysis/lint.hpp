#pragma once
// Price analysis before publishing (tariff lint): what a rule set's prices do that its authors may
// not mean. Each finding is a warning Diagnostic (base/diagnostic.hpp) with exact figures, a caret
// on the cell that causes it and notes on the cells it is compared with. Nothing here bills
// differently from billing/: every cost quoted is what charge_postpaid() charges.
//
// The figures are for one account in one cycle with no packs and no grant: postpaid quantity is
// what is left for postpaid, usage is that plus the monthly free quota drawn before it (when the
// meter has one, settled before postpaid and not lost in the state postpaid requires).
#include "interpreter/base/diagnostic.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// Every finding of every product, in the order of the rule files.
Diagnostics lint(const Catalog& catalog);
// Every finding of one product, in the order of its rule file.
Diagnostics lint_product(const Product& product);

// One finding kind each, for one meter; each appends its warnings to `out`.

// volume-cliff: in volume banding, a quantity just past a band's end costs less than the band's
// last quantity does. Names the whole run of quantities that cost less, in postpaid quantity and
// in usage.
void find_volume_cliffs(const Product& product, const Meter& meter, Diagnostics& out);

// price-rises: a band's unit price is higher than an earlier band's (the cheapest before it).
void find_rising_prices(const Product& product, const Meter& meter, Diagnostics& out);

// unreachable-band: a band no postpaid quantity can reach, because the free quota covers every
// usage in it (bands by usage) or it holds no quantity above zero (bands by postpaid quantity).
void find_unreachable_bands(const Product& product, const Meter& meter, Diagnostics& out);

// pack-never-cheaper: a pack of S calls priced P with P >= S x the highest unit price among the
// bands postpaid can reach. No use of the pack, in any month, saves more than that, so the pack
// never costs less than postpaid for its own calls. Not said of a meter whose prices rise with
// volume under volume banding by postpaid quantity, where a pack can save more (price-rises).
void find_packs_never_cheaper(const Product& product, const Meter& meter, Diagnostics& out);

// larger-pack-dearer: a larger pack costs more per call than a smaller pack of the same meter.
void find_dearer_larger_packs(const Product& product, const Meter& meter, Diagnostics& out);

}  // namespace tariff
