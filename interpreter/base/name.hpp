#pragma once
// A name as a user wrote it — a meter, a fee, a state, in a rule file, a script, on the command
// line or in a CSV field — with where it was written (no span for the command line).
#include <string>

#include "interpreter/base/source.hpp"

namespace tariff {

struct Name {
  std::string text;
  Span span;
};

}  // namespace tariff
