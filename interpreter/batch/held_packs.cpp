// The packs file of batch rating: `account,product,meter,remaining`, packs an account holds
// without dates, drawn month by month in the run. Any row it cannot read stops the run (exit 2):
// a held pack left out would bill its calls postpaid.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/base/utf8.hpp"
#include "interpreter/batch/csv_file.hpp"
#include "interpreter/batch/account_data.hpp"
#include "interpreter/language/literal.hpp"

namespace tariff::rate {

namespace {

using detail::resolved;
using detail::RowRejected;

void read_pack_row(const RuleSet& rules, const std::vector<std::string>& f, HeldPacks& packs) {
  if (f[0].empty() || !is_valid_utf8(f[0])) throw RowRejected(fmt::format("bad account '{}'", printable(f[0])));
  // Names are resolved as a rule file's or the command line's are: the same message and choices.
  // A product with versions: the file names no month, so any version that settles and sells
  // packs for the meter will do; each bill checks the pack against the version in force.
  const Product* product = rules.catalog.find(f[1]);
  if (!product) product = &resolved([&]() -> const Product& { return resolve_product(rules.catalog, {f[1], {}}); });
  MeterIndex meter = resolved([&] { return resolve_meter(*product, {f[2], {}}); });
  bool settles = false, sold = false;
  for (const Product* v : rules.catalog.versions(f[1])) {
    const auto& order = v->settlement;
    settles = settles || std::find(order.begin(), order.end(), SettlementStep::packs) != order.end();
    sold = sold || (meter < v->meters.size() && !v->meters[meter].packs.empty());
    for (const Fee& fee : v->fees)
      for (const IncludedPack& inc : fee.includes) sold = sold || inc.meter == meter;
  }
  if (!settles) throw RowRejected(fmt::format("product {} settles no packs: a held pack could never be drawn", f[1]));
  if (!sold) throw RowRejected(fmt::format("no packs are sold for {} {}", f[1], product->meters[meter].id));
  LiteralValue remaining = parse_quantity_text(f[3], rules.prelude.units);
  if (!remaining.value || !remaining.value->is_integer())
    throw RowRejected(fmt::format("bad remaining calls '{}': a whole number of calls, like 300万", printable(f[3])));
  packs.entries.push_back({f[0], product, HeldPack{meter, *remaining.value, std::nullopt, std::nullopt, std::nullopt}});
}

}  // namespace

HeldPacks read_packs(const RuleSet& rules, const std::string& path) {
  HeldPacks packs;
  detail::read_csv_rows({path, "packs file", {"account,product,meter,remaining"},
                         [&](std::uint64_t, const std::vector<std::string>& f, std::size_t) { read_pack_row(rules, f, packs); },
                         [&](std::uint64_t line, const std::string& why) {
                           throw RateError(fmt::format("{}:{}: {}", path, line, why));
                         }});
  return packs;
}

}  // namespace tariff::rate
