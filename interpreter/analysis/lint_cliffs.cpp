// volume-cliff: in volume banding every unit is billed at the price of the band reached, so the
// first quantity past a band's end can cost less than the band's last quantity. The run of
// quantities that cost less is named exactly: from the first quantity past the end to the last one
// whose cost is still below, which may cross more bands.
#include <fmt/format.h>

#include "interpreter/analysis/lint.hpp"
#include "interpreter/analysis/lint_support.hpp"
#include "interpreter/billing/charge.hpp"

namespace tariff {

using namespace lint_detail;

namespace {

// The run of postpaid quantities after a band's end that cost less than `ceiling`, the cost of
// the band's last quantity. `last` is nullopt when the run never ends (a free band to ∞).
struct Run {
  Decimal first;
  std::optional<Decimal> last;
};

// The postpaid quantities from band `from` on (the first of which, `first`, costs less than
// `ceiling`) that cost less, up to the first that does not. In volume banding a band's cost is
// q × price, so within band j the run ends at the last q with q × price < ceiling.
Run cheaper_run(const Product& p, const Meter& m, std::size_t from, const Decimal& first, const Decimal& ceiling,
                const std::optional<FreeBefore>& free) {
  const PostpaidPrices& prices = *m.postpaid;
  const auto& bands = prices.schedule->bands;
  Decimal offset = band_offset(m, free);
  Run run{first, first};
  for (std::size_t j = from; j < bands.size(); ++j) {
    if (j > from) {
      if (!prices.prices[j].sold()) break;  // a contact-sales band: billing refuses it, the run stops before it
      Decimal start = first_whole(bands[j]) - offset;
      if (postpaid_cost(p, m, start, free) >= ceiling) break;
    }
    auto band_last = last_whole(bands[j]);
    std::optional<Decimal> end = band_last ? std::optional(*band_last - offset) : std::nullopt;
    const Decimal& price = prices.prices[j].amount;
    if (!price.is_zero()) {
      Decimal below = Decimal::divide(ceiling, price, 0, RoundingMode::ceiling) - 1;  // q × price < ceiling
      if (!end || below < *end) {
        run.last = below;
        return run;
      }
    }
    run.last = end;
    if (!end) return run;
  }
  return run;
}

std::string usage_clause(const Meter& m, const Run& run, const std::optional<FreeBefore>& free) {
  if (!free) return fmt::format("; in usage the same (no monthly free quota is drawn first)");
  std::string last = run.last ? grouped(*run.last + free->quantity) : "on";
  std::string lost = free->lost_when ? fmt::format(", for accounts that are not {}", *free->lost_when) : "";
  return fmt::format("; in usage, with the {} free {} a month drawn first{}: {} to {}", grouped(free->quantity),
                     units(m), lost, grouped(run.first + free->quantity), last);
}

// The boundary after band `b`: a warning when the quantity after it costs less than the last in it.
void check_boundary(const Product& p, const Meter& m, std::size_t b, const std::optional<FreeBefore>& free,
                    Diagnostics& out) {
  const PostpaidPrices& prices = *m.postpaid;
  const auto& bands = prices.schedule->bands;
  if (!prices.prices[b].sold() || !prices.prices[b + 1].sold()) return;
  Decimal offset = band_offset(m, free);
  Decimal end = *last_whole(bands[b]) - offset, next = first_whole(bands[b + 1]) - offset;
  if (end < 1) return;
  Decimal at_end = postpaid_cost(p, m, end, free), at_next = postpaid_cost(p, m, next, free);
  if (at_next >= at_end) return;
  Run run = cheaper_run(p, m, b + 1, next, at_end, free);
  std::string last = run.last ? fmt::format("to {}", grouped(*run.last)) : "on";
  out.warning(
      "volume-cliff", prices.prices[b + 1].span,
      fmt::format("{}: {} postpaid {} cost {} but {} cost {}: every postpaid quantity from {} {} costs less than {} "
                  "does{}",
                  meter_label(p, m), grouped(end), units(m), grouped(at_end), grouped(next), grouped(at_next),
                  grouped(next), last, grouped(end), usage_clause(m, run, free)),
      fmt::format("volume banding bills every {} at the price of the band reached, so passing {} lowers the whole "
                  "bill; graduated banding (`postpaid graduated`) prices each {} in its own band and has no cliff",
                  m.unit, bands[b].text, m.unit),
      rule_note(bands[b].span, fmt::format("the band {} it follows", bands[b].text)));
}

}  // namespace

void find_volume_cliffs(const Product& product, const Meter& meter, Diagnostics& out) {
  if (!meter.postpaid || meter.postpaid->schedule->mode != BandMode::volume) return;
  auto free = free_before_postpaid(product, meter);
  for (std::size_t b = 0; b + 1 < meter.postpaid->schedule->bands.size(); ++b)
    check_boundary(product, meter, b, free, out);
}

}  // namespace tariff
