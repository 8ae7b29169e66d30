// Quantity literals come from the command line and usage files: 3500000, 350万, 1.5亿, 12%.
// The input is two lines, a and b: each is parsed as a literal (then valued by the prelude) and
// as a plain decimal, and the values met are combined with every operation. DecimalError is
// the documented failure of arithmetic; anything else escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/language/literal.hpp"
#include "interpreter/language/load.hpp"
#include "interpreter/language/parse.hpp"

namespace {

const tariff::Prelude& prelude() {
  static const tariff::RuleSet rules = [] {
    tariff::Diagnostics d;
    return tariff::load_rules({}, d);
  }();
  return rules.prelude;
}

void values_of(std::string_view text, std::vector<tariff::Decimal>& out) {
  auto source = std::make_shared<const tariff::Source>(tariff::Source{"<fuzz>", std::string(text)});
  if (auto literal = tariff::parse_quantity_literal(source))
    if (auto v = prelude().value(*literal)) out.push_back(*v);
  if (auto v = tariff::Decimal::parse(text)) {
    // The canonical text must parse back to the same value.
    auto again = tariff::Decimal::parse(v->to_string());
    if (!again || *again != *v) __builtin_trap();
    out.push_back(*v);
  }
}

template <typename F>
void guarded(F f) {
  try {
    f();
  } catch (const tariff::DecimalError&) {
  }
}

void combine(const tariff::Decimal& a, const tariff::Decimal& b, int places) {
  using tariff::Decimal;
  guarded([&] { (void)(a + b); });
  guarded([&] { (void)(a - b); });
  guarded([&] { (void)(a * b); });
  guarded([&] { (void)Decimal::divide(a, b, places, tariff::RoundingMode::half_even); });
  guarded([&] { (void)Decimal::divide_exact(a, b); });
  guarded([&] { (void)a.round(places, tariff::RoundingMode::ceiling); });
  guarded([&] { (void)a.shifted(places); });
  (void)(a <=> b);
  (void)a.to_string_grouped();
  (void)a.to_string_fixed(places < 0 ? 0 : places);
  (void)a.normalized().hash();
  (void)a.to_int64();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t newline = text.find('\n');
  std::string_view first = text.substr(0, newline);
  std::string_view second = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  std::vector<tariff::Decimal> values;
  values_of(first, values);
  values_of(second, values);
  int places = static_cast<int>(size % 80) - 40;  // covers both ends of min_places..max_scale and beyond
  for (const auto& a : values)
    for (const auto& b : values) combine(a, b, places);
  return 0;
}
