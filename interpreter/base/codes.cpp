#include "interpreter/base/codes.hpp"

#include <algorithm>
#include <array>

namespace tariff {

namespace {

// clang-format off
constexpr std::array codes = std::to_array<DiagnosticCode>({
  {"above-maximum", "a quantity is beyond the last band of its table"},
  {"arithmetic", "a script's arithmetic overflowed, or needed more decimal places than a number holds"},
  {"arity", "a script function was called with the wrong arguments"},
  {"assert-failed", "an assert statement's condition was false"},
  {"band-after-infinity", "a band follows one that runs to ∞"},
  {"band-empty", "a band holds no quantity: its upper bound is not above its lower"},
  {"band-gap", "two bands leave quantities between them without a price"},
  {"band-header", "a postpaid table's header lists sizes instead of bands"},
  {"band-infinite", "a band is closed at ∞, which is never reached"},
  {"band-negative", "a band starts below zero"},
  {"band-overlap", "a band overlaps the band before it"},
  {"band-percent", "a band's bound is written as a percentage"},
  {"below-minimum", "a quantity is below the first band of its table (a minimum)"},
  {"builtin-redefined", "a script defines a function with a built-in's name"},
  {"contact-sales", "a quantity reaches a band or limit without a list price: contact sales"},
  {"currency", "a script combines or compares amounts of two currencies"},
  {"currency-mismatch", "an amount in a currency other than its product's"},
  {"division-by-zero", "a script divides by zero"},
  {"duplicate-definition", "a unit or settlement order is defined a second time"},
  {"duplicate-dimension", "a fee's dimension is given twice"},
  {"duplicate-fee", "a fee id is defined twice"},
  {"duplicate-free", "a meter is given a second free quota"},
  {"duplicate-grant", "a meter is given a second grant"},
  {"duplicate-item", "an item a product or example states once is given again"},
  {"duplicate-name", "a name picks out two meters or two fees"},
  {"duplicate-pack-size", "a pack table lists one size twice"},
  {"duplicate-parameter", "a script function names two parameters alike"},
  {"duplicate-product", "a product id is defined twice"},
  {"duplicate-row", "a meter has two rows in pack or postpaid tables"},
  {"duplicate-step", "a settlement step is listed twice"},
  {"example-expects-nothing", "an example checks nothing"},
  {"expect-failed", "an expect statement's comparison was false"},
  {"expect-shape", "an expectation takes an amount or a text, and was given the other"},
  {"fee-limit", "a fee bought outside its limits (range, step, most sold)"},
  {"fee-range", "a fee limit's range allows no quantity"},
  {"fee-requires-state", "a fee that only accounts in a state may buy"},
  {"fee-unit", "a fee is sold per zero units, or in steps of zero"},
  {"flat-fee", "a quantity given for a fee priced per nothing"},
  {"fractional-quantity", "a count that must be whole is fractional"},
  {"held-pack", "a held pack the account could not have"},
  {"inexact-division", "a script's division has no exact decimal value"},
  {"internal", "an internal error of the script evaluator"},
  {"invalid-utf8", "a rule file or script is not valid UTF-8"},
  {"larger-pack-dearer", "lint: a larger pack costs more per call than a smaller pack of the same meter"},
  {"missing-currency", "a product states no currency"},
  {"missing-settle", "a product states no settlement order"},
  {"negative-price", "a price or fee is negative"},
  {"negative-quantity", "a quantity is negative"},
  {"no-freeze", "a script asks for the freeze of a product that freezes nothing"},
  {"no-packs", "a script asks for the packs of a meter that sells none"},
  {"no-postpaid", "calls are left for postpaid on a meter without postpaid prices"},
  {"no-rule-files", "a directory holds no rule files"},
  {"no-such-file", "a rule file or directory does not exist"},
  {"not-percent", "a percentage is written without its %"},
  {"not-priced", "a plan's postpaid side cannot be priced"},
  {"not-sold", "a pack of a listed size is not sold"},
  {"not-whole", "a quantity that must be whole is not"},
  {"number-grouping", "a number's digits are not grouped in threes"},
  {"number-range", "a number has more digits or decimal places than a number holds"},
  {"overflow", "a bill's arithmetic overflowed"},
  {"pack-contact", "a pack table has a contact-sales cell"},
  {"pack-count", "a purchase of zero packs"},
  {"pack-header", "a pack table's header lists bands instead of sizes"},
  {"pack-never-cheaper", "lint: a pack costs at least its calls at the dearest postpaid price, so it never beats postpaid"},
  {"pack-not-sold", "a pack the table marks '-' is bought"},
  {"pack-not-stackable", "a pack bought while one is held, for a product whose packs do not stack"},
  {"pack-requires-state", "packs only accounts in a state may buy and use"},
  {"pack-size", "a pack size of zero"},
  {"percent-of-nothing", "a percentage price with no first price to be a share of"},
  {"places", "a rounding to more decimal places than a number holds"},
  {"plan-too-large", "a volume too large to plan exactly"},
  {"plan-volume", "a plan's volume is not a whole, positive number"},
  {"postpaid-not-last", "postpaid is not the last settlement step"},
  {"postpaid-requires-state", "postpaid prices only accounts in a state may use"},
  {"postpaid-unsold", "a postpaid table has a '-' cell"},
  {"price-percent", "a pack price or fee is written as a percentage"},
  {"price-rises", "lint: a band's unit price is higher than an earlier band's"},
  {"quantity", "a script gives a price look-up a quantity that is fractional or negative"},
  {"quantity-sign", "a quantity written with a sign"},
  {"quantity-syntax", "a quantity that is not a number, or a percentage where a quantity is wanted"},
  {"recursion", "a script function calls itself too deeply"},
  {"rounding-mode", "an unknown rounding mode"},
  {"row-width", "a table row has more or fewer cells than its header has columns"},
  {"syntax", "the text does not follow the grammar"},
  {"too-deep", "a script's evaluation nests too deeply"},
  {"too-many-calls", "a script statement makes too many function calls"},
  {"type", "a script value of the wrong kind"},
  {"unknown-dimension", "a fee is not priced per the dimension named"},
  {"unknown-fee", "a product has no fee of that name"},
  {"unknown-function", "a script calls a function nobody defined"},
  {"unknown-meter", "a product has no meter of that name"},
  {"unknown-name", "a script names nothing bound, no product and no meter"},
  {"unknown-pack", "a meter sells no pack of that size"},
  {"unknown-product", "no product has that id"},
  {"unknown-state", "a product has no rule for that account state"},
  {"unknown-step", "an unknown settlement step"},
  {"unknown-unit", "a number's unit is not defined"},
  {"unknown-word", "a word outside the ones an item takes (a billing cycle, a band mode, ...)"},
  {"unreachable-band", "lint: no postpaid quantity reaches a band (the free quota covers it, or it holds nothing above zero)"},
  {"unreadable", "a rule file cannot be read"},
  {"unsettled", "calls are left after the last settlement step"},
  {"unused-step", "the product has a kind of thing its settlement order never settles"},
  {"usage", "the command line is not one tariff understands: an unknown command or option, a missing argument"},
  {"validity-range", "a validity of more than a century"},
  {"volume-cliff", "lint: in volume banding, quantities past a band's end cost less than its last quantity"},
});
// clang-format on

static_assert(std::is_sorted(codes.begin(), codes.end(),
                             [](const DiagnosticCode& a, const DiagnosticCode& b) { return a.code < b.code; }));

}  // namespace

std::span<const DiagnosticCode> diagnostic_codes() { return codes; }

const DiagnosticCode* find_code(std::string_view code) {
  auto it = std::lower_bound(codes.begin(), codes.end(), code,
                             [](const DiagnosticCode& c, std::string_view want) { return c.code < want; });
  return it != codes.end() && it->code == code ? &*it : nullptr;
}

}  // namespace tariff
