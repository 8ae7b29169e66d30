#pragma once
// The REPL's help: `:help` for the whole of it, `:help TOPIC` for one command (:show), one
// built-in (bill, with its usage from the built-ins' table), one function of the prelude or the
// session (its definition), or one statement (let, fn, assert, expect, if).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/script/interpreter.hpp"

namespace tariff::cli {

// The REPL's commands, as typed (":help", ":show", ...).
const std::vector<std::string>& repl_commands();

// The whole help.
std::string repl_help();

// The help on `topic`; nullopt when it names nothing, with `suggestion` set to the nearest topics
// ("did you mean ':show'?"), or empty.
std::optional<std::string> repl_help(const script::Interpreter& interp, std::string_view topic,
                                     std::string& suggestion);

}  // namespace tariff::cli
