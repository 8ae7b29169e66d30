// Lowering what a bill comes to beyond its prices: recurring fees (charged in every bill), the
// minimum and maximum of a cycle, a minimum commitment over a longer period, and the rounding of
// the payable amount.
#include <fmt/format.h>

#include "interpreter/language/lowering.hpp"

namespace tariff::lowering {

// A recurring fee or a limit recurs with the bills: its period is the product's cycle.
bool Lowering::cycle_period(const ast::Name& period, const char* what) {
  if (!one_of(period, {"month", "year"}, "period")) return false;
  if (period.text == out_->cycle) return true;
  std::string billed = out_->cycle == "once" ? "billed once" : "billed per " + out_->cycle;
  diag_.error("cycle-mismatch", period.span, fmt::format("{} per {} in a product {}", what, period.text, billed),
              out_->cycle == "once" ? "a one-time purchase has no recurring charges"
                                    : fmt::format("a bill covers one {}: state it per {}", out_->cycle, out_->cycle));
  return false;
}

// fee platform 平台费 = 50 every month [when STATE | unless STATE] [, prorated by day ...]
void Lowering::recurring_fee(const ast::RecurringFee& f) {
  RecurringFee fee;
  fee.id = f.id.text;
  fee.span = f.span;
  auto price = fee_heading(f.id, f.names, f.amount, fee.names);
  bool period = cycle_period(f.period, "a recurring fee");
  for (const auto* s : {&f.when_state, &f.unless_state})
    if (*s) state(**s);
  if (f.when_state) fee.when_state = f.when_state->text;
  if (f.unless_state) fee.unless_state = f.unless_state->text;
  fee.period = f.period.text;
  if (f.prorated) fee.prorated = proration(f);
  if (price && period) {
    fee.amount = *price;
    out_->recurring.push_back(std::move(fee));
  }
}

// , prorated by day rounded to UNIT MODE: for the days of the month in (or out of) the fee's
// state, so the fee names one, in a product billed per month.
std::optional<Proration> Lowering::proration(const ast::RecurringFee& f) {
  const ast::Prorated& p = *f.prorated;
  bool ok = true;
  if (p.unit.text != "day") {
    diag_.error("proration-unit", p.unit.span, fmt::format("a fee is prorated by day, not by {}", p.unit.text),
                "write: prorated by day rounded to 0.01 half_up");
    ok = false;
  }
  if (out_->cycle != "month") {
    diag_.error("proration-cycle", p.span, "a fee prorated by day in a product not billed per month",
                "a part month is counted in days: prorate the fees of a product with cycle month");
    ok = false;
  }
  if (!f.when_state && !f.unless_state) {
    diag_.error("proration-state", p.span, "no state makes this fee part of a month",
                "a prorated fee pays for the days in a state: write `every month when STATE, prorated ...` "
                "(or unless STATE)");
    ok = false;
  }
  auto rule = rounding_rule(p.rounding, p.mode, "a prorated fee", "charged");
  if (!ok || !rule) return std::nullopt;
  return Proration{rule->first, rule->second};
}

// rounded to UNIT MODE, for a prorated fee or the payable amount: a unit above zero and a mode
// the language names, each mistake reported on its word; `what` is rounded, the unit is the
// smallest amount `paid`.
std::optional<std::pair<Decimal, RoundingMode>> Lowering::rounding_rule(const ast::Number& unit, const ast::Name& mode,
                                                                        const char* what, const char* paid) {
  auto value = amount(unit);
  if (value && (unit.percent || value->is_zero())) {
    diag_.error("rounding-unit", unit.span, fmt::format("{} is rounded to a unit above zero", what),
                fmt::format("write the smallest amount {}, like 0.01 (a cent) or 1", paid));
    value.reset();
  }
  auto rounding = parse_rounding_mode(mode.text);
  if (!rounding)
    diag_.error("rounding-mode", mode.span, fmt::format("unknown rounding mode '{}'", mode.text),
                "half_up, half_even, half_down, up, down, floor or ceiling");
  if (!value || !rounding) return std::nullopt;
  return std::pair{*value, *rounding};
}

// minimum | maximum AMOUNT [CUR] per PERIOD: an amount of the product's currency, per a period.
std::optional<ChargeLimit> Lowering::charge_limit(const ast::ChargeLimit& l, const char* what) {
  if (l.amount.percent)
    diag_.error("price-percent", l.amount.span, fmt::format("a {} is an amount, not a percentage", what));
  auto value = amount(l.amount);
  currency(l.currency);
  bool period = one_of(l.period, {"month", "year"}, "period");
  if (!value || !period || l.amount.percent) return std::nullopt;
  return ChargeLimit{*value, l.period.text, l.span};
}

// A minimum per cycle, or per a year of monthly bills (a commitment); a maximum per cycle, not
// below the minimum.
void Lowering::charge_limits() {
  if (ast_.minimum) {
    auto limit = charge_limit(*ast_.minimum, "minimum");
    if (limit && limit->period != out_->cycle && out_->cycle == "month" && limit->period == "year")
      out_->limits.commitment = limit;
    else if (limit && cycle_period(ast_.minimum->period, "a minimum"))
      out_->limits.minimum = limit;
  }
  if (ast_.maximum) {
    auto limit = charge_limit(*ast_.maximum, "maximum");
    if (limit && cycle_period(ast_.maximum->period, "a maximum")) out_->limits.maximum = limit;
  }
  const auto &low = out_->limits.minimum, &high = out_->limits.maximum;
  if (low && high && high->amount < low->amount)
    diag_.error(
        "limit-order", ast_.maximum->amount.span,
        fmt::format("the maximum {} is below the minimum {}", high->amount.to_string(), low->amount.to_string()),
        "no bill could satisfy both: raise the maximum or lower the minimum", {{ast_.minimum->span, "the minimum"}});
}

// payable rounded to UNIT MODE on total | per line
void Lowering::payable() {
  if (!ast_.payable) return;
  const ast::PayableRounding& p = *ast_.payable;
  if (auto rule = rounding_rule(p.unit, p.mode, "a payable amount", "paid"))
    out_->payable = PayableRounding{rule->first, rule->second, p.per_line};
}

}  // namespace tariff::lowering
