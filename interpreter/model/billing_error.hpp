#pragma once
// A usage that cannot be billed as asked: a contact-sales band, a quantity below a minimum, a
// pack not sold. A Diagnostic like any other: a stable code (base/codes.cpp), a message naming
// what and why for the user to act on, a hint, and notes pointing at the rule-file places behind
// it (the contact-sales cell, the band that sets the minimum).
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/base/diagnostic.hpp"

namespace tariff {

struct BillingError : std::runtime_error {
  std::string code, hint;
  std::vector<Note> notes;
  BillingError(std::string c, const std::string& message, std::string h = {}, std::vector<Note> n = {})
      : std::runtime_error(message), code(std::move(c)), hint(std::move(h)), notes(std::move(n)) {}

  // As a diagnostic at `where` (none: a bill asked for on the command line), its message after
  // `prefix` ("cannot bill: ").
  Diagnostic diagnostic(const Span& where = {}, const std::string& prefix = {}) const {
    return {code, where, prefix + what(), hint, notes};
  }
};

}  // namespace tariff
