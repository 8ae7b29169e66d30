#pragma once
// Replaying a document's worked example against the rules that encode it.
#include <string>

#include "interpreter/model/product.hpp"

namespace tariff {

// discrepancy: the example disagrees with the document's own table, as its rule file records;
// both numbers are reported, the example neither passes nor fails the run.
enum class ExampleStatus { passed, failed, discrepancy };

struct ExampleResult {
  ExampleStatus status = ExampleStatus::passed;
  std::string detail;  // for failed and discrepancy: what was expected and what the rules give
};

ExampleResult run_example(const Product& product, const Example& example);

}  // namespace tariff
