// Each kind of rule as cells, for rule_diff.cpp to compare.
#include <fmt/format.h>

#include "interpreter/analysis/rule_diff_support.hpp"

namespace tariff::diff_detail {

std::string price_text(const Price& price) {
  switch (price.kind) {
    case Price::Kind::contact_sales:
      return "contact sales";
    case Price::Kind::not_sold:
      return "not sold";
    case Price::Kind::amount:
      break;
  }
  if (!price.flat) return price.amount.to_string();
  return price.amount.is_zero() ? "flat " + price.flat->to_string()
                                : fmt::format("flat {} + {}", price.flat->to_string(), price.amount.to_string());
}

std::string percent_text(const Decimal& fraction) { return (fraction * 100).normalized().to_string() + "%"; }

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

namespace {

// A band's interval by value, so that (0, 300万] and (0, 3_000_000] are one band.
std::string band_key(const Band& band) {
  return fmt::format("{}{}, {}{}", band.lower_closed ? '[' : '(', band.lower.to_string(),
                     band.upper ? band.upper->to_string() : "∞", band.upper_closed ? ']' : ')');
}

std::string months_text(int months) {
  if (months % 12 == 0) return fmt::format("{} year{}", months / 12, months == 12 ? "" : "s");
  return fmt::format("{} month{}", months, months == 1 ? "" : "s");
}

}  // namespace

Cells postpaid_cells(const Meter* m) {
  if (!m || !m->postpaid) return {};
  const PostpaidPrices& prices = *m->postpaid;
  const BandSchedule& s = *prices.schedule;
  Cells cells{{"mode", "mode", s.mode == BandMode::volume ? "volume" : "graduated"},
              {"basis", "band by", s.basis == BandBasis::usage ? "usage" : "postpaid_quantity"}};
  if (prices.requires_state) cells.push_back({"requires", "requires", *prices.requires_state});
  if (s.per != 1) cells.push_back({"per", "per", fmt::format("{} {}", s.per.to_string(), s.per_unit)});
  if (const auto& p = s.packages)
    cells.push_back({"packages", "packages", fmt::format("of {}{} rounded {}", p->size.to_string(),
                                                         p->unit.empty() ? "" : " " + p->unit,
                                                         p->round_down ? "down" : "up")});
  for (std::size_t b = 0; b < s.bands.size(); ++b)
    cells.push_back({band_key(s.bands[b]), s.bands[b].text, price_text(prices.prices[b])});
  return cells;
}

Cells pack_cells(const Meter* m) {
  if (!m || m->packs.empty()) return {};
  Cells cells;
  if (const PackTerms* t = m->packs.front().terms) {
    cells.push_back({"valid", "valid", t->valid_months ? months_text(*t->valid_months) : "never expire"});
    cells.push_back({"stackable", "stackable", t->stackable ? "yes" : "no"});
    if (t->requires_state) cells.push_back({"requires", "requires", *t->requires_state});
  }
  for (const Pack& p : m->packs) cells.push_back({"size " + p.size.to_string(), p.size_text, price_text(p.price)});
  return cells;
}

Cells quota_cells(const Meter* m) {
  Cells cells;
  if (m && m->free) {
    const FreeQuota& f = *m->free;
    cells.push_back(
        {"free", "free",
         fmt::format("{} per {}{}", f.quantity.to_string(), f.period, f.lost_when ? " unless " + *f.lost_when : "")});
  }
  if (m && m->grant) {
    const Grant& g = *m->grant;
    cells.push_back(
        {"grant", "grant",
         fmt::format("{} valid {} when {}", g.quantity.to_string(), months_text(g.valid_months), g.when_state)});
  }
  return cells;
}

namespace {

std::string dimension_text(const FeeDimension& d) {
  std::string out = "per " + d.per.to_string();
  if (d.from) out += fmt::format(", from {}", d.from->to_string());
  if (d.to) out += fmt::format(" to {}", d.to->to_string());
  if (d.step) out += fmt::format(", step {}", d.step->to_string());
  if (d.up_to)
    out += fmt::format(", up to {}{}", d.up_to->to_string(), d.beyond_is_contact_sales ? " else contact sales" : "");
  return out;
}

}  // namespace

Cells fee_cells(const Product& product, const Fee* fee) {
  if (!fee) return {};
  Cells cells{{"price", "price", fee->price.to_string()}};
  for (const auto& d : fee->dimensions) cells.push_back({"per " + d.name, d.name, dimension_text(d)});
  for (const auto& inc : fee->includes) {
    const std::string& meter = product.meters.at(inc.meter).id;
    cells.push_back({"includes " + meter, "includes", fmt::format("pack {} {}", meter, inc.size_text)});
  }
  if (fee->grants_state) cells.push_back({"grants", "grants", *fee->grants_state});
  if (fee->requires_state) cells.push_back({"requires", "requires", *fee->requires_state});
  return cells;
}

Cells recurring_cells(const RecurringFee* fee) {
  if (!fee) return {};
  Cells cells{{"amount", "amount", fee->amount.to_string()}, {"every", "every", fee->period}};
  if (fee->when_state) cells.push_back({"when", "when", *fee->when_state});
  if (fee->unless_state) cells.push_back({"unless", "unless", *fee->unless_state});
  if (const auto& p = fee->prorated)
    cells.push_back(
        {"prorated", "prorated", fmt::format("by day rounded to {} {}", p->unit.to_string(), to_string(p->mode))});
  return cells;
}

Text limit_text(const std::optional<ChargeLimit>& limit, const std::string& currency) {
  if (!limit) return std::nullopt;
  return fmt::format("{} {} per {}", limit->amount.to_string(), currency, limit->period);
}

}  // namespace tariff::diff_detail
