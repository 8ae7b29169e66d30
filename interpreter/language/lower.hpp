#pragma once
// Syntax tree → the evaluator's Product, in one pass that checks and compiles together: each item
// is checked and, when sound, compiled at once, so that no name is resolved twice and nothing is
// compiled that was not checked. Names a user wrote (rows, free quotas, examples) are resolved by
// the one request builder (model/request_builder.hpp). Every problem is a diagnostic, and lowering
// goes on after one, so that a file shows all its mistakes at once.
#include <memory>
#include <optional>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/ast.hpp"
#include "interpreter/language/prelude.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// The product, or nullptr when anything was reported (a product with an error is not billed).
std::unique_ptr<Product> lower_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics);

// An example of `product` (or a scenario's), checked and resolved; nullopt when anything was
// reported.
std::optional<Example> lower_example(const ast::Example& example, const Product& product, const Prelude& prelude,
                                     Diagnostics& diagnostics);

// A scenario (an example outside a product, naming it): its product found in `catalog`.
std::optional<Scenario> lower_scenario(const ast::Example& scenario, const Catalog& catalog, const Prelude& prelude,
                                       Diagnostics& diagnostics);

// Checks a dated product `next` as the version after `previous` (null for its first) of the same
// product (lower_versions.cpp): in order of their months, pricing the meters of the one before
// (then those added), a retired meter retired still (`next`'s retired meters learn the month they
// retired from); the examples of each within the months its version is in force. Reported
// otherwise; false when `next` cannot be a version.
bool check_version(const Product* previous, Product& next, Diagnostics& diagnostics);
// `added` or `retired` on a meter with no version before it (`where`: "a product without
// versions", "the first version of shop"): meter-added-first or meter-retired-first at `at`.
void no_version_before(const std::string& meter, bool added, const Span& at, const std::string& where,
                       Diagnostics& diagnostics);

// draw packs by expiry, then purchase: the keys, each known and given once (reported otherwise).
PackOrder lower_draw_order(const ast::DrawOrder& order, Diagnostics& diagnostics);

// Checks a prelude file's settlement orders (known steps); units are valued, and checked, as
// they are defined (load.cpp).
void check_prelude(const ast::File& file, Diagnostics& diagnostics);

}  // namespace tariff
