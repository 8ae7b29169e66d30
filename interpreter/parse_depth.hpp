#pragma once
// Bounded nesting for both parsers (internal to build_ast.cpp and script_parse.cpp). PEGTL
// matches recursively, so `((((…1…))))` or `- - - … 1` thousands deep would overflow the stack
// (found by tests/fuzz). Each level of nesting passes through an expression, a unary operand or a
// `not` operand (a bracket passes all three); counting those rules and failing past max_nesting
// turns such input into a syntax error long before the stack runs out (ASan builds survived ten
// times as deep), while no real script comes near: a hundred brackets deep is still accepted.
#include <cstddef>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "grammar/script.hpp"

namespace tariff::parse_depth {

constexpr std::size_t max_nesting = 400;

template<typename Rule>
constexpr bool nests = std::is_same_v<Rule, grammar::script::expression> || std::is_same_v<Rule, grammar::script::unary> ||
                       std::is_same_v<Rule, grammar::script::not_expr>;

// What a parser's control calls as its match(): the normal match, counted for the rules that nest.
template<typename Rule, tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template<typename...> class Action,
         template<typename...> class Control, typename ParseInput, typename... States>
bool match(ParseInput& in, States&&... st) {
  if constexpr (nests<Rule>) {
    struct Guard {
      std::size_t& depth;
      ~Guard() { --depth; }
    } guard{++in.private_depth};
    if (guard.depth > max_nesting)
      throw tao::pegtl::parse_error("expressions nest too deeply\nname the inner parts with let", in);
    return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
  } else {
    return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
  }
}

}  // namespace tariff::parse_depth
