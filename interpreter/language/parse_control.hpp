#pragma once
// The PEGTL control both parsers use (internal to the language layer's parse.cpp and its script parser): errors only
// under must<>, with the message from the one table, and bounded nesting.
//
// Bounded nesting: PEGTL
// matches recursively, so `((((…1…))))` or `- - - … 1` thousands deep would overflow the stack
// (found by tests/fuzz). Each level of nesting passes through an expression, a unary operand or a
// `not` operand (a bracket passes all three); counting those rules and failing past max_nesting
// turns such input into a syntax error long before the stack runs out (ASan builds survived ten
// times as deep), while no real script comes near: a hundred brackets deep is still accepted.
#include <cstddef>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"
#include "grammar/script.hpp"
#include "interpreter/base/diagnostic.hpp"

namespace tariff::parse_control {

constexpr std::size_t max_nesting = 400;

// Bounded work: every operand of a script expression is a `unary`. Chains are matched and
// evaluated in loops, so their length costs no stack, but each operand costs a parse-tree node: a
// source with more than max_operands of them (a generated 5-million-term sum) is refused before
// its tree takes gigabytes. No real script or rule file comes near; a parse resets the count.
constexpr std::size_t max_operands = 100000;
inline thread_local std::size_t operands_seen = 0;

template <typename Rule>
constexpr bool nests = std::is_same_v<Rule, grammar::script::expression> ||
                       std::is_same_v<Rule, grammar::script::unary> || std::is_same_v<Rule, grammar::script::not_expr>;

// What a parser's control calls as its match(): the normal match, counted for the rules that nest.
template <typename Rule, tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
          template <typename...> class Control, typename ParseInput, typename... States>
bool bounded_match(ParseInput& in, States&&... st) {
  if constexpr (nests<Rule>) {
    struct Guard {
      std::size_t& depth;
      ~Guard() { --depth; }
    } guard{++in.private_depth};
    if (guard.depth > max_nesting)
      throw tao::pegtl::parse_error("expressions nest too deeply\nname the inner parts with let", in);
    if (std::is_same_v<Rule, grammar::script::unary> && ++operands_seen > max_operands)
      throw tao::pegtl::parse_error("too many values: more than 100000 in one file or script\nsplit it into several", in);
    return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
  } else {
    return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
  }
}

// Only a failure under must<> is an error, and its message comes from grammar/errors.hpp (which
// includes the script grammar's); a rule that fails elsewhere (one alternative of a sor) just lets
// the parser try the next.
template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <typename Input, typename... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    static_assert(grammar::errors::message<Rule> != nullptr,
                  "a rule under must<> needs a message in grammar/errors.hpp");
    throw tao::pegtl::parse_error(grammar::errors::message<Rule>, in);
  }
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    return bounded_match<Rule, A, M, Action, Control>(in, st...);
  }
};

// A parse error as a diagnostic: the message's first line, the rest as the hint, the caret on the
// offending character (one whole, possibly multi-byte, character) — or on the whole word, when a
// word stands where the grammar wanted something else: then the hint names the nearest of the
// words the message lists (`cylce` → did you mean 'cycle'?), so a misspelt keyword reads as one.
// A decimal comma in a number (1,5) is said to be one. `offset` is where the parsed text starts in
// the source (a statement re-parsed alone).
void report(const tao::pegtl::parse_error& e, const SourcePtr& source, std::size_t offset, Diagnostics& diagnostics);

}  // namespace tariff::parse_control
