#pragma once
// Every diagnostic code tariff reports, in one table: rule-file checks, syntax, the CLI's input
// errors, billing errors and script errors. A code is a contract (tests and tools match on it);
// tests/unit/test_codes.cpp fails on a code used anywhere that is not listed here, and on a listed
// code nothing uses.
#include <span>
#include <string_view>

namespace tariff {

struct DiagnosticCode {
  std::string_view code;     // "band-gap"
  std::string_view summary;  // one line: what it means
};

std::span<const DiagnosticCode> diagnostic_codes();  // sorted by code
const DiagnosticCode* find_code(std::string_view code);

// The longer explanation of a code, with an example of the mistake and its fix (what `tariff
// explain CODE` prints, as rustc --explain does); empty for a code without one yet.
std::string_view code_explanation(std::string_view code);

}  // namespace tariff
