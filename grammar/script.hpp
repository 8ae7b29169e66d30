#pragma once
// Script statements (let, fn, assert, expect, expressions) that may stand at the top level of a
// rule file, a script or the REPL. Placeholder until the scripting layer lands: matches nothing.
#include "grammar/lexical.hpp"

namespace tariff::grammar {

struct script_statement : failure {};

}  // namespace tariff::grammar
