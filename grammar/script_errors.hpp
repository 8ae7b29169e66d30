#pragma once
// Messages for the commit points of the script grammar (grammar/script.hpp), in the form of
// grammar/errors.hpp: "expected ...", then the hint after a newline.
#include "grammar/script.hpp"

namespace tariff::grammar {

// clang-format off
template<> inline constexpr auto error_message<script::expression> = "expected an expression, like 350万, 10470 CNY or bill(PRODUCT, METER = 350万)";
template<> inline constexpr auto error_message<script::unary> = "expected a value after the operator";
template<> inline constexpr auto error_message<script::product_expr> = "expected a value after the operator";
template<> inline constexpr auto error_message<script::sum_expr> = "expected a value after the comparison";
template<> inline constexpr auto error_message<script::not_expr> = "expected a condition";
template<> inline constexpr auto error_message<script::and_expr> = "expected a condition after 'or'";
template<> inline constexpr auto error_message<script::close_paren> = "expected ')'\nan argument list reads (a, b, name = value)";
template<> inline constexpr auto error_message<script::open_paren> = "expected '(' and the function's parameters\nfn name(a, b) = expression";
template<> inline constexpr auto error_message<script::arg> = "expected an argument after ','";
template<> inline constexpr auto error_message<script::pack_buy> = "expected a meter and a pack size, like 人脸比对 1000万 × 3\nbuy = METER SIZE [× COUNT], held = METER LEFT [of SIZE]";
template<> inline constexpr auto error_message<script::pack_held> = "expected a meter and what is left of its pack, like 人脸比对 300万 of 1000万\nbuy = METER SIZE [× COUNT], held = METER LEFT [of SIZE]";
template<> inline constexpr auto error_message<script::pack_size> = "expected the pack size, like 1000万";
template<> inline constexpr auto error_message<script::pack_left> = "expected how many calls the held pack has left, like 300万";
template<> inline constexpr auto error_message<script::pack_count> = "expected how many packs, like 3";
template<> inline constexpr auto error_message<script::pack_of> = "expected the held pack's size, like 1000万";
template<> inline constexpr auto error_message<script::fee_spec> = "expected a fee and its quantities, like licence 2\nfee = NAME [QUANTITY] [DIMENSION = QUANTITY ...], e.g. fee = qps_upgrade activity = 1 day = 7 qps = 100";
template<> inline constexpr auto error_message<script::fee_quantity> = "expected the fee's quantity for this dimension, like 7";
template<> inline constexpr auto error_message<kw_then> = "expected 'then'\nif CONDITION then VALUE else VALUE";
template<> inline constexpr auto error_message<kw_else> = "expected 'else'\nif CONDITION then VALUE else VALUE";
template<> inline constexpr auto error_message<script::let_name> = "expected a name to bind\nlet name = expression";
template<> inline constexpr auto error_message<script::assign> = "expected '='";
template<> inline constexpr auto error_message<script::fn_name> = "expected the function's name\nfn name(a, b) = expression";
template<> inline constexpr auto error_message<script::param> = "expected a parameter name";
template<> inline constexpr auto error_message<script::script_end> = "expected a statement: let, fn, assert, expect or an expression";
// clang-format on

}  // namespace tariff::grammar
