#pragma once
// Syntax tree → the evaluator's Product, in one pass that checks and compiles together: each item
// is checked and, when sound, compiled at once, so that no name is resolved twice and nothing is
// compiled that was not checked. Names a user wrote (rows, free quotas, examples) are resolved by
// the one request builder (model/request_builder.hpp). Every problem is a diagnostic, and lowering
// goes on after one, so that a file shows all its mistakes at once.
#include <memory>

#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/ast.hpp"
#include "interpreter/language/prelude.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// The product, or nullptr when anything was reported (a product with an error is not billed).
std::unique_ptr<Product> lower_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics);

// Checks a prelude file's settlement orders (known steps); units are valued, and checked, as
// they are defined (load.cpp).
void check_prelude(const ast::File& file, Diagnostics& diagnostics);

}  // namespace tariff
