#pragma once
// A worked example of a price page, kept beside the rules it tests: a bill request, resolved like
// any other, and what the document says its bill comes to.
#include <optional>
#include <string>
#include <vector>

#include "interpreter/base/source.hpp"
#include "interpreter/model/bill_request.hpp"

namespace tariff {

struct Example {
  struct Expect {
    std::string subject;  // total | payable | freeze | notice | alert | error
    std::optional<Decimal> value;
    std::string text;  // for error, notice and alert: a part of the message
  };
  std::string title, source;
  BillRequest request;
  std::vector<Expect> expects;
  // The document's example disagrees with its own table: both figures are shown, see replay.hpp.
  std::optional<std::string> discrepancy;
  Span span;
};

}  // namespace tariff
