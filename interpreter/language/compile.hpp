#pragma once
// Checked syntax tree → the evaluator's Product: ids resolved to indices, numbers to decimals,
// band tables to sorted arrays shared by their rows.
#include <memory>

#include "interpreter/language/ast.hpp"
#include "interpreter/language/prelude.hpp"
#include "interpreter/model/product.hpp"

namespace tariff {

// Precondition: check_product reported nothing for `product`.
std::unique_ptr<Product> compile_product(const ast::Product& product, const Prelude& prelude);

}  // namespace tariff
