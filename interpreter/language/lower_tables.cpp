// Lowering the price tables: pack tables (sizes across, meters down) and postpaid tables (bands
// across, meters down). Each row names a meter once, with a cell per column.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/language/lower_bands.hpp"
#include "interpreter/language/lowering.hpp"

namespace tariff::lowering {

// Each row's meter, when the row names a known one, once, with as many cells as there are columns.
std::vector<std::optional<MeterIndex>> Lowering::rows(const ast::Table& t, std::set<MeterIndex>& claimed,
                                                      const char* what, const char* width_hint) {
  std::vector<std::optional<MeterIndex>> meters;
  for (const auto& row : t.rows) {
    auto m = meter(row.key);
    if (m && !claimed.insert(*m).second) {
      diag_.error("duplicate-row", row.key.span, fmt::format("meter '{}' already has {}", row.key.text, what));
      m.reset();
    }
    if (row.cells.size() != t.columns.size()) {
      diag_.error("row-width", row.span,
                  fmt::format("row has {} cells, the header has {} columns", row.cells.size(), t.columns.size()),
                  width_hint, {{t.label.span, "the header"}});
      m.reset();
    }
    meters.push_back(m);
  }
  return meters;
}

// A price cell; a percentage is that share of the row's first price (续期费用为第一年的10%).
std::optional<Price> Lowering::price(const ast::Row& row, std::size_t i, bool percent_allowed) {
  const ast::Cell& cell = row.cells[i];
  if (cell.kind == ast::Cell::Kind::not_sold) return Price{Price::Kind::not_sold, {}, std::nullopt, cell.span};
  if (cell.kind == ast::Cell::Kind::contact_sales)
    return Price{Price::Kind::contact_sales, {}, std::nullopt, cell.span};
  if (cell.value.percent && !percent_allowed)
    diag_.error("price-percent", cell.span, "a pack price is an amount, not a percentage");
  auto v = amount(cell.value);
  if (v && v->is_negative()) diag_.error("negative-price", cell.span, "a price cannot be negative");
  if (!v || !cell.value.percent) return v ? std::optional(Price::of(*v, cell.span)) : std::nullopt;
  const ast::Cell& first = row.cells.front();
  if (i == 0 || first.kind != ast::Cell::Kind::price || first.value.percent || first.flat) {
    if (percent_allowed)
      diag_.error("percent-of-nothing", cell.span, "a percentage price is a share of the row's first price",
                  "the first cell of the row must be an amount");
    return std::nullopt;
  }
  auto base = prelude_.value(first.value);
  return base ? std::optional(Price::of(*v * *base, cell.span)) : std::nullopt;
}

// packs valid 1 year, stackable, not refundable { | 资源包规格 | 100万 | ... | }
void Lowering::packs(const ast::Packs& p) {
  auto terms = std::make_unique<PackTerms>();
  if (p.validity)
    if (auto months = validity_months(*p.validity)) terms->valid_months = *months;
  terms->stackable = p.stackable;
  if (p.refunds)
    diag_.error("not-modelled", p.refunds->span,
                fmt::format("`{}` would change no bill: tariff does not model refunds", p.refunds->text),
                "say it in a comment, as the page does: # 不支持退款");
  if (p.requires_state) {
    state(*p.requires_state);
    terms->requires_state = p.requires_state->text;
  }
  std::vector<std::optional<Decimal>> sizes;
  std::map<Decimal, Span> seen;  // 100万 and 1000000 are one size: two prices for it would disagree
  for (const auto& col : p.table.columns) {
    std::optional<Decimal> size;
    if (col.band) {
      diag_.error("pack-header", col.span, "a pack table's header lists pack sizes, not bands",
                  "write the sizes the document sells: | 资源包规格 | 100万 | 1000万 |");
    } else if ((size = whole(*col.size, "a pack size"))) {
      auto [first, fresh] = seen.emplace(*size, col.span);
      if (size->is_zero())
        diag_.error("pack-size", col.span, "a pack size must be more than zero");
      else if (!fresh)
        diag_.error("duplicate-pack-size", col.span, fmt::format("the {} pack is listed twice", size->to_string()),
                    "give each pack size one column", {{first->second, "the first"}});
      if (size->is_zero() || !fresh) size.reset();
    }
    sizes.push_back(size);
  }
  auto meters = rows(p.table, packed_, "a pack row", "give every column a cell: '-' marks a pack that is not sold");
  for (std::size_t r = 0; r < p.table.rows.size(); ++r) {
    const ast::Row& row = p.table.rows[r];
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (row.cells[i].kind == ast::Cell::Kind::contact_sales) {
        diag_.error("pack-contact", row.cells[i].span, "a pack is sold at a price or not at all",
                    "write '-' for a pack that is not sold");
        continue;
      }
      if (row.cells[i].flat) {
        diag_.error("flat-pack", row.cells[i].span,
                    "a pack is sold at one price: a flat sum belongs to a postpaid band",
                    "write the pack's price alone, like 3100");
        continue;
      }
      auto cell = price(row, i, false);
      if (meters[r] && cell && sizes[i])
        out_->meters[*meters[r]].packs.push_back(
            {*sizes[i], *cell, text_of(p.table.columns[i].span), terms.get()});
    }
    if (meters[r]) {
      auto& packs = out_->meters[*meters[r]].packs;
      std::stable_sort(packs.begin(), packs.end(), [](const Pack& a, const Pack& b) { return a.size < b.size; });
    }
  }
  out_->pack_terms.push_back(std::move(terms));
}

// The header's bands, each well formed and following the one before without gap or overlap.
std::shared_ptr<BandSchedule> Lowering::bands(const ast::Table& t, bool whole_units) {
  auto schedule = std::make_shared<BandSchedule>();
  std::vector<CheckedBand> checked;
  for (const auto& col : t.columns) {
    if (!col.band) {
      diag_.error("band-header", col.span, "a postpaid table's header lists bands, not sizes",
                  "write each band as an interval: (0, 300万], (300万, 1500万], (1500万, ∞)");
      continue;
    }
    const ast::Interval& in = *col.band;
    for (const ast::Number* bound : {&in.lower, in.upper ? &*in.upper : nullptr})
      if (bound && bound->percent)
        diag_.error("band-percent", bound->span, "a band's bounds are quantities, not percentages",
                    "write them like (0, 300万]");
    auto lower = amount(in.lower);
    std::optional<Decimal> upper;
    if (in.upper && !(upper = amount(*in.upper))) continue;
    if (!lower) continue;
    if (!check_band(in, *lower, upper, diag_)) continue;
    checked.push_back({&in, *lower, upper});
    schedule->bands.push_back({*lower, upper, in.lower_closed, in.upper_closed, text_of(in.span), in.span});
  }
  check_band_sequence(checked, diag_, whole_units);
  return schedule;
}

// postpaid volume, band by postpaid_quantity, requires licensed, per 1000 calls | packages of 100
// { | 月接口调用总量 | (0, 300万] | ... | }
void Lowering::postpaid(const ast::Postpaid& p) {
  bool mode = one_of(p.mode, {"volume", "graduated"}, "band mode");
  if (p.requires_state) state(*p.requires_state);
  bool basis = !p.basis || one_of(*p.basis, {"postpaid_quantity", "usage"}, "band basis");
  auto schedule = bands(p.table, !prices_decimal_meter(p.table));
  if (mode) schedule->mode = p.mode.text == "graduated" ? BandMode::graduated : BandMode::volume;
  if (basis && p.basis && p.basis->text == "usage") schedule->basis = BandBasis::usage;
  price_basis(p, *schedule);
  auto meters = rows(p.table, priced_, "postpaid prices",
                     "give every band a price: 联系商务 marks a band without a list price");
  for (const auto* bases : {&p.per, &p.packages})
    for (const auto& b : *bases) check_unit_word(b, p.table, meters);
  for (std::size_t r = 0; r < p.table.rows.size(); ++r) {
    const ast::Row& row = p.table.rows[r];
    PostpaidPrices prices{schedule, {}, p.requires_state ? std::optional(p.requires_state->text) : std::nullopt};
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (row.cells[i].kind == ast::Cell::Kind::not_sold)
        diag_.error("postpaid-unsold", row.cells[i].span, "every band of a postpaid row needs a price",
                    "write 联系商务 (or: contact sales) where the document says to contact sales");
      if (auto cell = band_price(row, i, *schedule)) prices.prices.push_back(*cell);
    }
    if (meters[r] && prices.prices.size() == schedule->bands.size())
      out_->meters[*meters[r]].postpaid = std::move(prices);
  }
}

}  // namespace tariff::lowering
