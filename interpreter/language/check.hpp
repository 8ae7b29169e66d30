#pragma once
// Semantic checks of a parsed rule file: everything the grammar cannot see. Every problem found
// is a diagnostic; checking goes on after one, so a file shows all its mistakes at once.
#include "interpreter/language/ast.hpp"
#include "interpreter/base/diagnostic.hpp"
#include "interpreter/language/prelude.hpp"

namespace tariff {

// Checks one product. The compiler may assume a product that passed without a diagnostic.
void check_product(const ast::Product& product, const Prelude& prelude, Diagnostics& diagnostics);

// Checks the prelude's settlement orders (known steps); units are valued, and checked, as they are
// defined, in order (load.cpp).
void check_prelude(const ast::File& file, const Prelude& prelude, Diagnostics& diagnostics);

}  // namespace tariff
