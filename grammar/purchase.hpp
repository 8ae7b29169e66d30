#pragma once
// The one purchase syntax, shared by rule files (`buy`, `held` in an example), scripts (`buy =`,
// `held =` in bill()) and the command line (`--buy`, `--held`): a meter, then its pack size, then
// how many packs (or, for a pack already held, what is left of it and of what size).
//
//   buy 人脸比对 1000万 × 3        buy = 人脸比对 1000万 × 3        --buy 人脸比对=1000万x3
//   held 人脸比对 300万 of 1000万  held = 人脸比对 300万 of 1000万  --held 人脸比对=300万/1000万
//
// The meter and the size are separated by layout, '=' or both; the count follows a times sign, ×, x
// or *, the held size `of` or '/', with or without blanks. (The three front ends had three
// syntaxes; each spelling any of them took is taken by all.) Rule files and the command line give
// literals, scripts expressions: the front ends pass their operand rules, and name them, so that
// each operand has its message in grammar/errors.hpp. Only rules here.
#include <tao/pegtl.hpp>

#include "grammar/lexical.hpp"

namespace tariff::grammar::purchase {

using namespace tao::pegtl;

// clang-format off

struct times_sign : sor<utf8::one<U'×'>, one<'x'>, one<'*'>> {};
struct held_of : sor<kw_of, one<'/'>> {};

// A size as the command line writes it, 100万x3: its unit stops before an `x` and a digit, so
// that the count may follow with no blank (a unit `万x3` could not be meant).
struct times_x : seq<one<'x'>, digit> {};
struct size_unit : seq<not_at<times_x>, ident_first, star<not_at<times_x>, ident_other>> {};
struct size_literal : seq<number, opt<sor<percent_sign, size_unit>>> {};

struct meter_equals : one<'='> {};
struct meter_gap : seq<_, opt<meter_equals, _>> {};

// METER SIZE [× COUNT]
template <typename Meter, typename Size, typename Count>
struct buy : seq<Meter, meter_gap, must<Size>, opt<_, if_must<times_sign, _, Count>>> {};

// METER LEFT [of SIZE]
template <typename Meter, typename Remaining, typename Size>
struct held : seq<Meter, meter_gap, must<Remaining>, opt<_, if_must<held_of, _, Size>>> {};

// clang-format on

}  // namespace tariff::grammar::purchase
