#pragma once
// Script statements (let, fn, assert, expect, expressions) that may stand at the top level of a
// rule file, a script or the REPL. Only rules here; messages in grammar/script_errors.hpp.
//
// A statement ends at the end of its line unless something is still open: a bracket, an `if`
// waiting for `then`/`else`, or a binary operator at the end of the line. So a line that starts
// with `-` begins a new statement (`-1`), as in Lua and Go; break long lines after an operator.
#include "grammar/lexical.hpp"
#include "grammar/purchase.hpp"

namespace tariff::grammar {
namespace script {

using namespace tao::pegtl;

// clang-format off

// Keywords are the lexical ones (grammar/lexical.hpp); a script name is an identifier that is none
// of the words a script gives a meaning to. (A rule file's display_name differs: it may be quoted.)
struct reserved : sor<kw_let, kw_fn, kw_if, kw_then, kw_else, kw_assert, kw_expect, kw_true,
                      kw_false, kw_and, kw_or, kw_not> {};
struct name : seq<not_at<reserved>, identifier> {};
struct assign : seq<one<'='>, not_at<one<'='>>> {};
struct close_paren : one<')'> {};

// ---- literals: 350万, 12%, 10470 CNY, "text", true ---------------------------------------------
struct currency : seq<upper, upper, upper, not_at<ident_other>> {};
struct money : seq<quantity, plus<blank>, currency> {};
struct number_lit : quantity {};
struct text_lit : string_lit {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};

struct expression;
struct unary;

// ---- calls: bill(face_recognition, 人脸比对 = 350万, buy = 人脸比对 1000万 × 3) ---------------
// buy = 人脸比对 1000万 × 3, held = 人脸比对 300万 of 1000万: the one purchase syntax
// (grammar/purchase.hpp), with expressions; a size written as a literal is read as the command line
// reads it (1000万x3).
struct pack_meter : sor<string_lit, name> {};
struct pack_size_literal : purchase::size_literal {};
struct pack_size : sor<pack_size_literal, unary> {};
struct pack_count : seq<unary> {};
struct pack_left : sor<pack_size_literal, unary> {};
struct pack_of : seq<unary> {};
struct pack_buy : purchase::buy<pack_meter, pack_size, pack_count> {};
struct pack_held : purchase::held<pack_meter, pack_left, pack_of> {};
struct buy_key : kw_buy {};
struct held_key : kw_held {};
struct buy_arg : if_must<seq<buy_key, _, assign>, _, pack_buy> {};
struct held_arg : if_must<seq<held_key, _, assign>, _, pack_held> {};
struct pack_arg : sor<buy_arg, held_arg> {};
// fee = licence 2   fee = qps_upgrade activity = 1 day = 7 qps = 100: a bare quantity is the
// fee's first dimension; the dimensions are separated by blanks, as a comma ends the argument.
struct fee_name : name {};
struct fee_first : seq<unary> {};
struct fee_dim_name : name {};
struct fee_quantity : seq<unary> {};
struct fee_dim_start : seq<fee_dim_name, _, assign> {};
struct fee_dim : if_must<fee_dim_start, _, fee_quantity> {};
struct fee_spec : seq<fee_name, opt<plus<blank>, not_at<fee_dim_start>, fee_first>, star<plus<blank>, fee_dim>> {};
struct fee_arg : if_must<seq<kw_fee, _, assign>, _, fee_spec> {};
struct arg_name : name {};
struct named_arg : if_must<seq<arg_name, _, assign>, _, expression> {};
struct positional_arg : seq<expression> {};
struct arg : sor<pack_arg, fee_arg, named_arg, positional_arg> {};
struct args : seq<arg, star<comma, must<arg>>> {};
struct callee : name {};
struct call : if_must<seq<callee, one<'('>>, _, opt<args>, _, close_paren> {};

struct paren : if_must<one<'('>, _, expression, _, close_paren> {};
struct variable : name {};
struct primary : sor<paren, money, number_lit, text_lit, true_lit, false_lit, call, variable> {};

// ---- operators, loosest last; a binary operator stays on the line of its left operand ----------
struct negate : if_must<one<'-'>, _, unary> {};
struct unary : sor<negate, primary> {};
struct mul_op : sor<one<'*'>, utf8::one<U'×'>, one<'/'>> {};
struct mul_tail : if_must<seq<sp, mul_op>, _, unary> {};
struct product_expr : seq<unary, star<mul_tail>> {};
struct add_op : one<'+', '-'> {};
struct add_tail : if_must<seq<sp, add_op>, _, product_expr> {};
struct sum_expr : seq<product_expr, star<add_tail>> {};
struct cmp_op : sor<TAO_PEGTL_STRING("=="), TAO_PEGTL_STRING("!="), TAO_PEGTL_STRING("<="),
                    TAO_PEGTL_STRING(">="), one<'<'>, one<'>'>, utf8::one<U'≤'>, utf8::one<U'≥'>> {};
struct cmp_tail : if_must<seq<sp, cmp_op>, _, sum_expr> {};
struct comparison : seq<sum_expr, opt<cmp_tail>> {};
struct not_expr;
struct logical_not : if_must<kw_not, _, not_expr> {};
struct not_expr : sor<logical_not, comparison> {};
struct and_tail : if_must<seq<sp, kw_and>, _, not_expr> {};
struct and_expr : seq<not_expr, star<and_tail>> {};
struct or_tail : if_must<seq<sp, kw_or>, _, and_expr> {};
struct or_expr : seq<and_expr, star<or_tail>> {};
struct if_expr : if_must<kw_if, _, expression, _, kw_then, _, expression, _, kw_else, _, expression> {};
struct expression : sor<if_expr, or_expr> {};

// ---- statements ------------------------------------------------------------------------------
struct let_name : name {};
struct let_stmt : if_must<kw_let, _, let_name, _, assign, _, expression> {};
struct fn_name : name {};
struct param : name {};
struct params : seq<param, star<comma, must<param>>> {};
struct open_paren : one<'('> {};
struct fn_stmt : if_must<kw_fn, _, fn_name, sp, open_paren, _, opt<params>, _, close_paren, _, assign, _,
                         expression> {};
struct assert_stmt : if_must<kw_assert, _, expression> {};
struct expect_stmt : if_must<kw_expect, _, expression> {};
struct expr_stmt : expression {};
struct statement : sor<let_stmt, fn_stmt, assert_stmt, expect_stmt, expr_stmt> {};

// A whole script: statements, then the end of the input.
struct script_end : eof {};
struct script : seq<opt<utf8::bom>, _, star<statement, _>, must<script_end>> {};

// clang-format on

}  // namespace script

// In a rule file a statement must end its line, so a misspelt item (`products p {}`) is an error
// at its first word, not two expression statements `products` and `p`.
struct script_statement_end : seq<sp, sor<one<';'>, comment, eolf>> {};
struct script_statement_body : script::statement {};
struct script_statement : seq<script_statement_body, script_statement_end> {};

}  // namespace tariff::grammar
