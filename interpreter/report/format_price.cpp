#include "interpreter/report/format_price.hpp"

#include <fmt/format.h>

namespace tariff {

namespace {

std::string number(const Decimal& d, bool grouped) { return grouped ? d.to_string_grouped(',') : d.to_string(); }

std::string with_unit(const std::string& unit) { return unit.empty() ? "" : " " + unit; }

}  // namespace

std::string price_text(const Price& price, const BandSchedule& schedule, bool grouped) {
  if (price.kind == Price::Kind::contact_sales) return "联系商务";
  if (price.kind == Price::Kind::not_sold) return "-";
  std::string unit = number(price.amount * schedule.per, grouped);
  if (schedule.packages)
    unit += fmt::format(" per package of {}{}", number(schedule.packages->size, grouped),
                        with_unit(schedule.packages->unit));
  else if (schedule.per != Decimal(1))
    unit += fmt::format(" per {}{}", number(schedule.per, grouped), with_unit(schedule.per_unit));
  if (!price.flat) return unit;
  std::string flat = "flat " + number(*price.flat, grouped);
  return price.amount.is_zero() ? flat : flat + " + " + unit;
}

std::string band_charge_text(const BandCharge& c, bool grouped) {
  std::string units = number(c.quantity, grouped);
  if (c.packages)
    units += fmt::format(" in {} package{}", number(*c.packages, grouped), *c.packages == Decimal(1) ? "" : "s");
  std::string sum = fmt::format("{} × {}", units, number(c.unit_price, grouped));
  if (!c.flat.is_zero()) sum = fmt::format("flat {} + {}", number(c.flat, grouped), sum);
  return fmt::format("{} = {}", sum, number(c.amount, grouped));
}

std::string recurring_days_text(const Product& product, const RecurringLine& line) {
  if (line.of == 0) return "";
  return fmt::format(" ({} of {} days of {})", line.days, line.of, number(product.recurring.at(line.fee).amount, true));
}

}  // namespace tariff
