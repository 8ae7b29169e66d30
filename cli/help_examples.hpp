#pragma once
// The help's examples that need a product are the loaded rules' own worked examples, so that the
// program names no product: a line of commands.txt writes a placeholder the rules fill.
//   {bill}        an example of one bill with usage only: PRODUCT METER=QTY...
//   {bill_buy}    one that also buys packs: PRODUCT METER=QTY... --buy METER=SIZExN
//   {product}     the product of {bill}
//   {plan}        the product and a meter of {bill_buy} with its usage: PRODUCT METER=QTY
//   {script_bill} {bill} as a script's bill(PRODUCT, METER = QTY, ...)
// An example whose placeholder the rules cannot fill (none of their examples fits) is left out.
#include <optional>
#include <string>

#include "interpreter/language/load.hpp"

namespace tariff::cli {

// `line` with its placeholders filled from help_rules(), or none when one cannot be.
std::optional<std::string> filled_example(const std::string& line);

// The rules the help fills its examples from: the bundled ones (or TARIFF_PATH's), loaded once;
// null when they do not load.
const RuleSet* help_rules();

}  // namespace tariff::cli
