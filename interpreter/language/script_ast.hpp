#pragma once
// The syntax tree of script statements: what a script, the REPL or a rule file's top level says
// beside products. Every node keeps its span into the original source, so an evaluation error
// points at the expression that failed.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/language/ast.hpp"

namespace tariff::script {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

// buy = 人脸比对 1000万 × 3   held = 人脸搜索 300万 of 1000万
struct PackSpec {
  bool held = false;
  ast::Name meter;
  ExprPtr size;   // for held: what is left
  ExprPtr extra;  // buy: the count; held: the pack's size; may be null
};

// fee = licence 2   fee = qps_upgrade activity = 1 day = 7 qps = 100
struct FeeSpec {
  ast::Name fee;
  ExprPtr first;  // the first dimension's quantity, when given bare; may be null
  std::vector<std::pair<ast::Name, ExprPtr>> dimensions;
};

struct Arg {
  std::optional<ast::Name> name;  // `name = value`; none for a positional argument
  ExprPtr value;                  // null for a pack or a fee
  std::optional<PackSpec> pack;
  std::optional<FeeSpec> fee;
  Span span;
};

// Binary operators, resolved once when the tree is built.
enum class Op { add, subtract, multiply, divide, equal, not_equal, less, less_equal, greater, greater_equal, and_, or_ };
const char* op_text(Op op);  // "+", "<=", "and", ...
bool is_comparison(Op op);

struct Expr {
  enum class Kind { number, money, text, boolean, variable, call, negate, logical_not, chain, if_ };
  Kind kind = Kind::number;
  ast::Number number;             // number, money
  std::string text;               // money: currency; text: the string; variable, call: the name
  bool flag = false;              // boolean
  std::vector<ExprPtr> operands;  // negate/not: 1; chain: 2 or more; if: condition, then, else
  // chain: a op b op c … of one precedence level, left to right; ops[i] joins the operands before
  // it to operands[i + 1]. Kept flat rather than nested, so a chain of any length is evaluated in
  // a loop and costs no stack.
  std::vector<Op> ops;
  std::vector<Arg> args;  // call
  Span span;

  // The span of the first `n` operands of a chain: what a left-to-right step has read so far.
  Span prefix_span(std::size_t n) const;
};

struct Statement {
  enum class Kind { let, fn, assert_, expect, expression };
  Kind kind = Kind::expression;
  ast::Name name;                 // let, fn
  std::vector<ast::Name> params;  // fn
  ExprPtr body;
  Span span;
};

using StatementPtr = std::shared_ptr<const Statement>;

}  // namespace tariff::script
