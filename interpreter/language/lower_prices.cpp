// Lowering a postpaid table's prices: per N units (per 1000 calls: each Price holds the exact
// price of one unit), in whole packages (packages of 100 GB rounded up: each Price is per
// package), and the flat sum a band may carry (flat 20 + 0.5).
#include <fmt/format.h>

#include "interpreter/language/lowering.hpp"

namespace tariff::lowering {

// Whether a row of the table prices a meter whose usage is decimal: its bands must then meet
// exactly, with no whole step between them.
bool Lowering::prices_decimal_meter(const ast::Table& t) const {
  for (const auto& row : t.rows)
    if (auto m = out_->find_meter(row.key.text); m && out_->meters[*m].decimal) return true;
  return false;
}

// per 1000 calls | packages of 100 GB rounded up: one of them, once.
void Lowering::price_basis(const ast::Postpaid& p, BandSchedule& schedule) {
  if (!p.per.empty() && !p.packages.empty())
    diag_.error("price-basis", p.packages.front().span, "a table's prices are per N units or per package, not both",
                "keep one: `per 1000 calls` prices each unit, `packages of 1000` bills whole packages",
                {{p.per.front().span, "the prices are per units here"}});
  for (std::size_t i = 1; i < p.per.size(); ++i) repeated({"per", p.per[i].span}, "postpaid table");
  for (std::size_t i = 1; i < p.packages.size(); ++i) repeated({"packages", p.packages[i].span}, "postpaid table");
  // A size must be above zero; amount() has reported one that is no number at all.
  auto nonpositive = [&](const ast::PriceBasis& b, const std::optional<Decimal>& size) {
    return size && (b.size.percent || size->is_zero());
  };
  const char* hint = "write it like: per 1000 calls, packages of 100";
  if (!p.per.empty()) {
    const ast::PriceBasis& b = p.per.front();
    auto size = amount(b.size);
    if (nonpositive(b, size))
      diag_.error("price-per", b.size.span, "the units a price is for must be a number of units above zero", hint);
    else if (size)
      schedule.per = *size;
    if (b.unit) schedule.per_unit = b.unit->text;
  }
  if (!p.packages.empty()) {
    const ast::PriceBasis& b = p.packages.front();
    auto size = amount(b.size);
    bool down = b.rounding && b.rounding->text == "down";
    if (nonpositive(b, size))
      diag_.error("package-size", b.size.span, "a package must be a number of units above zero", hint);
    else if (size)
      schedule.packages = Packaging{*size, down, b.unit ? b.unit->text : ""};
  }
}

// The unit word of `per 1000 calls` names what every row's meter counts (call or calls).
void Lowering::check_unit_word(const ast::PriceBasis& b, const ast::Table& t,
                               const std::vector<std::optional<MeterIndex>>& meters) {
  if (!b.unit) return;
  for (std::size_t r = 0; r < meters.size(); ++r) {
    if (!meters[r]) continue;
    const Meter& m = out_->meters[*meters[r]];
    if (b.unit->text == m.unit || b.unit->text == m.unit + "s") continue;
    diag_.error("unit-mismatch", b.unit->span,
                fmt::format("the table prices {}, but meter '{}' counts {}", b.unit->text, m.id, m.unit),
                "write the unit the table's meters count, or leave the word out",
                {{t.rows[r].key.span, "this row's meter"}});
    return;
  }
}

// A postpaid band's price: a unit price, contact sales, or a flat sum with or without a unit
// price; in a table per N units, the unit price is divided by N here, exactly.
std::optional<Price> Lowering::band_price(const ast::Row& row, std::size_t i, const BandSchedule& schedule) {
  const ast::Cell& cell = row.cells[i];
  std::optional<Price> price;
  if (!cell.flat) {
    price = this->price(row, i, true);
  } else if (cell.flat->percent || cell.value.percent) {
    diag_.error("price-percent", cell.span, "a flat sum and its unit price are amounts, not percentages",
                "write it like: flat 20 + 0.5");
  } else {
    auto flat = amount(*cell.flat);
    auto unit = cell.value.digits.empty() ? std::optional(Decimal()) : amount(cell.value);
    if (flat && unit) {
      price = Price::of(*unit, cell.span);
      price->flat = *flat;
    }
  }
  if (!price || !price->sold() || schedule.per == Decimal(1)) return price;
  auto one = Decimal::divide_exact(price->amount, schedule.per);
  if (!one) {
    diag_.error(
        "price-per", cell.span,
        fmt::format("{} per {} has no exact price per unit", price->amount.to_string(), schedule.per.to_string()),
        "price per a number of units the price divides exactly (per 1000, per 50), or bill whole packages");
    return std::nullopt;
  }
  price->amount = *one;
  return price;
}

}  // namespace tariff::lowering
