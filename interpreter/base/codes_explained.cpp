// The longer explanations of diagnostic codes, with an example of the mistake and of its fix:
// what `tariff explain CODE` prints. Kept beside the one table of codes (codes.cpp); the examples
// use made-up products, so that no C++ names a bundled one.
#include <algorithm>
#include <array>

#include "interpreter/base/codes.hpp"

namespace tariff {

namespace {

struct Explanation {
  std::string_view code, text;
};

// clang-format off
constexpr std::array explanations = std::to_array<Explanation>({
{"band-after-infinity", R"(A band that runs to ∞ holds every quantity above its start, so no band can follow it.

    | 月接口调用总量 | (0, 300万] | (300万, ∞) | (1500万, ∞) |     # error: the last band is never reached

Fix: end the band before it, or remove the band after it.

    | 月接口调用总量 | (0, 300万] | (300万, 1500万] | (1500万, ∞) |
)"},
{"band-empty", R"(A band holds no quantity: its upper bound is not above its lower bound, or it is open at a
bound it also starts at.

    | 月接口调用总量 | (0, 300万] | (300万, 300万] | (300万, ∞) |    # (300万, 300万] is empty

Fix: give the band the range the document prints, or remove it.
)"},
{"band-gap", R"(Two neighbouring bands leave quantities between them without a price: a bill that lands in
the gap could not be priced. Bands must follow each other without gap or overlap. Quantities are
whole units, so [50, 1000] followed by [1001, 5000] is contiguous.

    | 月接口调用总量 | (0, 300万] | (400万, 1500万] | (1500万, ∞) |   # nothing prices 300万 to 400万

Fix: start each band where the previous one ends, with the opposite bracket.

    | 月接口调用总量 | (0, 300万] | (300万, 1500万] | (1500万, ∞) |
)"},
{"band-header", R"(A postpaid table's header lists bands (intervals); this one lists a pack size instead.

    postpaid volume {
      | 月接口调用总量 | 300万 | 1500万 |          # sizes: these belong in a packs table
      | asr            | 0.003 | 0.002  |
    }

Fix: write each column as an interval with explicit ends: (0, 300万], (300万, ∞).
)"},
{"band-overlap", R"(A band starts before the band in front of it ends, so some quantities would have two prices.

    | 月接口调用总量 | (0, 300万] | [300万, 1500万] | (1500万, ∞) |   # 300万 is in both

Fix: make the shared bound belong to one band only: (0, 300万] then (300万, 1500万].
)"},
{"contact-sales", R"(The quantity reaches a band (or a fee's limit) that the document prices as 联系商务 / contact
sales: there is no list price to bill it at. This is an input the rules cannot price (exit 2),
not a mistake in the rules.

Fix: nothing in the rules; ask sales for a quote, or bill a smaller quantity.
)"},
{"currency-mismatch", R"(An amount is written in a currency other than its product's: every amount of a product is in
the currency its `currency` line states.

    product speech 语音识别 {
      currency CNY
      example "one hour" { usage asr = 3600  expect total = 10 USD }    # USD in a CNY product

Fix: write the product's currency, or leave the currency out (expect total = 10).
)"},
{"duplicate-row", R"(A meter has two rows in the product's pack tables, or two in its postpaid tables: which price
would apply?

Fix: keep one row per meter; if the document really has two tables for one service, they are two
meters.
)"},
{"example-expects-nothing", R"(An example names usage but checks nothing, so `tariff test` could never fail on it.

    example "后付费 示例一" { usage asr = 100万 }

Fix: state what the document says the bill comes to.

    example "后付费 示例一" { usage asr = 100万  expect total = 1980 CNY }
)"},
{"meter-added-later", R"(Usage names a meter that the version in force does not have yet: a later version adds it, and
it is priced from that version's month. The usage row, example or bill is refused rather than
billed at no price.

    product shop 商店 from 2026-01 { meter api 接口 ... }
    product shop 商店 from 2027-07 { meter api 接口  meter speech 语音 added ... }
    tariff bill shop speech=100 --month 2027-06        # error: meter speech is priced from 2027-07

Fix: bill the meter from the month the version adding it is in force.
)"},
{"meter-retired", R"(Usage names a meter the version in force retires: it stays declared (so that it keeps its
place, and packs already held of it expire as their validity says) but takes no usage.

    product shop 商店 from 2027-07 { meter api 接口  meter old 旧接口 retired ... }
    tariff bill shop old=100 --month 2027-07           # error: meter old is retired from 2027-07

Fix: bill the meter's usage in a month before it retired, or bill the meter that replaces it.
)"},
{"meter-retired-priced", R"(A price table row, pack row, free quota, grant or included pack names a meter this version
retires: a retired meter prices nothing.

    meter old 旧接口 retired
    postpaid volume {
      | 量     | (0, ∞) |
      | 旧接口 | 0.01   |                 # error: old is retired
    }

Fix: leave its row out (a table need not list it); `free ... for each meter` already skips it.
)"},
{"missing-settle", R"(A product with meters must state the order in which free quotas, grants, packs and postpaid
prices settle its usage; the documents state it (结算顺序), and tariff does not guess.

Fix: add the order, e.g.

    settle free > packs > postpaid
)"},
{"no-version-in-force", R"(A product with versions is billed for a month before its first version: no price list is in
force then, and a bill of nothing would be a silent zero.

    product shop 商店 from 2026-01 { ... }
    tariff bill shop 接口=1000 --month 2025-12        # error: shop has no version in force in 2025-12

Fix: bill a month from the first version's on, or give the product a version for the earlier months.
)"},
{"pack-not-sold", R"(The pack table marks this size '-' for the meter: the document does not sell it.

    | 资源包规格 | 100 | 1000 |
    | asr        | -   | 930  |
    example "small pack" { buy asr 100  expect total = 99 }      # the 100 pack of asr is not sold

Fix: buy a size that is sold (1000 here).
)"},
{"postpaid-unsold", R"(A postpaid table has a '-' cell: every band of a postpaid row needs a price. Where the document
says to contact sales, write 联系商务 (or contact sales): billing into that band is then refused
with a message saying so.

    | asr | 0.003 | 0.002 | - |          →          | asr | 0.003 | 0.002 | 联系商务 |
)"},
{"proration-cycle", R"(A fee is prorated by the days of a month: a product billed per year or once has no month whose
days it could count.

    cycle year
    fee support 支持费 = 600 every year when active, prorated by day rounded to 0.01 half_up   # error

Fix: prorate only the monthly fees of a product billed per month, or drop `prorated ...`.
)"},
{"proration-state", R"(A fee prorated by day pays for the days of the month an account spends in a state (when
STATE) or out of one (unless STATE). A fee charged in every state has no part month: the
account's start and end are its states' (a state from 2027-01-15 until 2027-03-10).

    fee platform 平台费 = 50 every month, prorated by day rounded to 0.01 half_up    # error

Fix: name the state whose days it pays for.

    fee platform 平台费 = 50 every month when active, prorated by day rounded to 0.01 half_up
)"},
{"proration-unit", R"(A part month is prorated by its days: `prorated by day`, then the rounding of the part.

    fee platform 平台费 = 50 every month when active, prorated by week rounded to 0.01 half_up   # error

Fix: prorated by day rounded to 0.01 half_up (17 of 31 days of 50 = 27.42).
)"},
{"row-width", R"(A table row has more or fewer cells than the header has columns, so a price cannot be matched
to its band or pack size.

    | 资源包规格 | 100万 | 1000万 |
    | asr        | 3100  |                 # one cell for two columns

Fix: give every column a cell; '-' marks a pack that is not sold, 联系商务 a band without a price.
)"},
{"syntax", R"(The text does not follow the grammar. The caret shows the first character the parser could not
take, the message says what it expected there and the hint how such a line is written. A PEG
parser cannot resynchronise reliably, so a file shows its first syntax error only.

Common causes: a misspelt keyword (cylce → cycle: the hint names the nearest keyword), a decimal
comma in a price (0,0032 → 0.0032), a missing '|' at the end of a table row, an unclosed string.
)"},
{"unknown-fee", R"(The product has no fee of that name. Fees are named by id or display name.

    tariff bill speech --fee licnce=1        # did you mean 'licence'?

Fix: use a name the product's `fee` lines define (the hint lists them).
)"},
{"unknown-meter", R"(The product has no meter (billable item) of that name. A meter may be named by its id, any of
its display names, an alias (`aka`) or one of its API actions; API actions are scoped by product.
The hint names the nearest names and lists the product's meters.

    tariff bill speech asr_fast=100          # did you mean 'asr'?
)"},
{"unknown-pack", R"(The meter sells no pack of that size. Sizes are compared by value, so 500万 and 5000000 are
the same size; the hint lists the sizes the pack table sells.

    tariff bill speech asr=600万 --buy asr=500万        # sizes: 100万, 1000万
)"},
{"unknown-product", R"(No loaded rule file defines a product with that id. Products are named by id (the word after
`product`), not by display name. `tariff check` lists how many products the rules hold; the
rules come from --rules, $TARIFF_PATH or the bundled rules, in that order.
)"},
{"unknown-state", R"(The product's rules mention no rule for that account state: it would change nothing in the
bill, so it is refused rather than ignored. The states a product knows are those its rules
mention (`unless STATE`, `when STATE`, `requires STATE`, `grants STATE`).

    tariff bill speech asr=100 --state promo        # its rules mention: in_arrears
)"},
{"unknown-step", R"(A settlement step is none of free, grant, packs and postpaid, nor a settlement order named in
the prelude. The hint names the nearest step; the follow-on complaint that a kind of thing is
never settled is left out when a misspelt step caused it.

    settle free > pakcs > postpaid           # did you mean 'packs'?
)"},
{"unknown-word", R"(A word is not one of the words this item takes: a billing cycle (month, year, once), a band
mode (volume, graduated), a band basis (postpaid_quantity, usage), a unit of time, an
expectation (total, freeze, notice, alert, error). The hint names the nearest.

    postpaid volumn { … }                    # did you mean 'volume'?
)"},
{"unused-step", R"(The product has something its settlement order never settles: a free quota without `free` in
the order, packs without `packs`, and so on. Those calls would be billed as if it did not exist.

    free 1000 per month for each meter
    settle packs > postpaid                  # the free quota is never used

Fix: add the step where the document puts it: settle free > packs > postpaid.
)"},
{"usage", R"(The command line is not one tariff understands: an unknown command or option, a missing or
extra argument, a value of the wrong form. The hint names the nearest command or option;
`tariff COMMAND --help` shows a command's synopsis, options and an example. Exit code 2.
)"},
{"version-example", R"(An example inside a version of a product bills months of that version: a month before it, or
from the next version's month on, would be billed with other prices.

    product shop 商店 from 2026-01 {
      example "e" { month 2027-01 { ... } }         # error: 2027-01 is the next version's
    }
    product shop 商店 from 2027-01 { ... }

Fix: move the month to the version in force then, or play months across versions in a scenario:

    scenario "across the change" { product shop  month 2026-12 { ... }  month 2027-01 { ... } }
)"},
{"version-meters", R"(Every version of a product lists the meters of the version before it first, in the same order
and the same unit, then the meters it adds, so that a usage row, a ledger's pack and a month's
usage mean the same meter whichever version bills them. A new meter says so (`added`), so that a
typo does not become one; a meter leaves by staying declared, `retired`, in every later version.

    product shop 商店 from 2026-01 { meter api 接口 ... }
    product shop 商店 from 2027-01 { meter web 网页 ... }    # error: other meters
    product shop 商店 from 2027-07 { meter api 接口  meter speech 语音 ... }   # error: not `added`

Fix: keep the meters (their prices may change), add one at the end with `added`, retire one with
`retired` (it keeps its place), or make a product with other meters another id.

    product shop 商店 from 2027-07 { meter api 接口 retired  meter speech 语音 added ... }
)"},
{"version-month", R"(A product with versions is billed, shown or compared without a month: which version is meant
would be a guess.

    tariff bill shop 接口=1000                        # error: shop has versions from 2026-01, 2027-01

Fix: say the month, and the version in force then is used.

    tariff bill shop 接口=1000 --month 2027-01
)"},
{"version-order", R"(A product's versions are listed in the order of their months: each is in force from its month
until the next version's, so a month has exactly one version in force.

    product shop 商店 from 2027-01 { ... }
    product shop 商店 from 2026-01 { ... }      # error: 2026-01 comes before 2027-01

Fix: list the older version first.

    product shop 商店 from 2026-01 { ... }
    product shop 商店 from 2027-01 { ... }
)"},
{"version-overlap", R"(Two versions of a product say they are in force from the same month: that month would have
two price lists.

    product shop 商店 from 2027-01 { ... }
    product shop 商店 from 2027-01 { ... }      # error: two versions in force from 2027-01

Fix: give the later version the month its prices begin.
)"},
});
// clang-format on

}  // namespace

std::string_view code_explanation(std::string_view code) {
  auto it =
      std::find_if(explanations.begin(), explanations.end(), [&](const Explanation& e) { return e.code == code; });
  return it == explanations.end() ? std::string_view{} : it->text;
}

}  // namespace tariff
