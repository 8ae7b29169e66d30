// Lowering fees: charges for what is not metered calls, priced per dimensions with limits, with
// the packs they include and the states they grant or require.
#include <fmt/format.h>

#include "interpreter/base/suggest.hpp"
#include "interpreter/language/lowering.hpp"

namespace tariff::lowering {

namespace {

std::vector<std::string> dimension_names(const Fee& fee) {
  std::vector<std::string> out;
  for (const auto& d : fee.dimensions) out.push_back(d.name);
  return out;
}

}  // namespace

// What every fee states, bought or recurring: an amount (neither a percentage nor negative), and
// an id and names that each pick out one fee of the product. Returns the amount.
std::optional<Decimal> Lowering::fee_heading(const ast::Name& id, const std::vector<ast::Name>& names,
                                             const ast::Number& price, std::vector<std::string>& out_names) {
  if (price.percent) diag_.error("price-percent", price.span, "a fee is an amount, not a percentage");
  auto value = amount(price);
  if (value && value->is_negative()) diag_.error("negative-price", price.span, "a fee cannot be negative");
  if (!fee_ids_.insert(id.text).second)
    diag_.error("duplicate-fee", id.span, fmt::format("fee '{}' is defined twice", id.text));
  std::set<std::string> own{id.text};
  for (const auto& n : names) {
    out_names.push_back(n.text);
    if (!own.insert(n.text).second) continue;
    auto [it, fresh] = fee_names_.emplace(n.text, n.span);
    if (!fresh)
      diag_.error("duplicate-name", n.span, fmt::format("'{}' already names another fee", n.text),
                  "a fee is named by its id or name: each must pick out one fee", {{it->second, "first used here"}});
  }
  fee_names_.emplace(id.text, id.span);
  if (price.percent || (value && value->is_negative())) return std::nullopt;
  return value;
}

// fee licence 技术授权费 = 20000 per activity per year { includes pack 人脸融合 30万  grants licensed }
void Lowering::fee(const ast::Fee& f) {
  Fee fee;
  fee.id = f.id.text;
  fee.span = f.span;
  auto price = fee_heading(f.id, f.names, f.price, fee.names);
  if (price) fee.price = *price;
  fee_dimensions(f, fee);
  for (const auto& inc : f.includes) {
    auto m = meter(inc.meter);
    auto size = whole(inc.size, "an included pack");
    if (size && size->is_zero()) diag_.error("pack-size", inc.size.span, "a pack size must be more than zero");
    std::optional<int> months;
    if (inc.validity) months = validity_months(*inc.validity);
    if (m && size) fee.includes.push_back({*m, *size, text_of(inc.size.span), months});
  }
  if (f.grants_state) {
    state(*f.grants_state);
    fee.grants_state = f.grants_state->text;
  }
  if (f.requires_state) {
    state(*f.requires_state);
    fee.requires_state = f.requires_state->text;
  }
  fee.notes = f.notes;
  out_->fees.push_back(std::move(fee));
}

// per 50 qps, and the limits on each dimension: day from 1 to 30, qps step 50, up to 250 else
// contact sales.
void Lowering::fee_dimensions(const ast::Fee& f, Fee& fee) {
  std::set<std::string> dims;
  for (const auto& d : f.per) {
    FeeDimension& dim = fee.dimensions.emplace_back();
    dim.name = d.name.text;
    if (d.size)
      if (auto size = whole(*d.size, "a fee's unit")) {
        if (size->is_zero())
          diag_.error("fee-unit", d.size->span, "a fee is sold per a unit of more than zero", "write it like: per 50 qps");
        dim.per = *size;
      }
    if (!dims.insert(d.name.text).second)
      diag_.error("duplicate-dimension", d.name.span, fmt::format("the fee is per {} twice", d.name.text));
  }
  for (const auto& limit : f.limits) {
    auto dim = std::find_if(fee.dimensions.begin(), fee.dimensions.end(),
                            [&](const FeeDimension& d) { return d.name == limit.dimension.text; });
    if (dim == fee.dimensions.end())
      diag_.error("unknown-dimension", limit.dimension.span,
                  fmt::format("fee '{}' is not priced per {}", f.id.text, limit.dimension.text),
                  with_suggestion(limit.dimension.text, dimension_names(fee),
                                  "limit a dimension the fee is priced per, like: day from 1 to 30"));
    std::optional<Decimal> from, to, step, up_to;
    if (limit.from) from = whole(*limit.from, "a fee limit");
    if (limit.to) to = whole(*limit.to, "a fee limit");
    if (limit.step) step = whole(*limit.step, "a fee limit");
    if (limit.up_to) up_to = whole(*limit.up_to, "a fee limit");
    if (step && step->is_zero())
      diag_.error("fee-unit", limit.step->span, "a step of zero sells nothing", "write a step of 1 or more");
    if (from && to && *to < *from)
      diag_.error("fee-range", limit.from->span,
                  fmt::format("{} from {} to {} allows no quantity", limit.dimension.text, from->to_string(),
                              to->to_string()),
                  "write the lower end first");
    if (dim == fee.dimensions.end()) continue;
    if (from) dim->from = from;
    if (to) dim->to = to;
    if (step) dim->step = step;
    if (up_to) dim->up_to = up_to;
    dim->beyond_is_contact_sales = dim->beyond_is_contact_sales || limit.beyond_is_contact_sales;
  }
}

}  // namespace tariff::lowering
