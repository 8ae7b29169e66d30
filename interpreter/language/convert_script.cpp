// Script statements: parse-tree nodes (parse_tree.hpp) → the script syntax tree (script_ast.hpp).
// Chains of one precedence level stay flat, so that evaluation loops over them.
#include <stdexcept>

#include "interpreter/language/literal.hpp"
#include "interpreter/language/parse_tree.hpp"

namespace tariff::parsing {

using script::Expr;
using script::ExprPtr;

namespace {

struct Converter {
  const Reader& reader;

  Span span(const Node& n) const { return reader.span(n); }
  ast::Name name(const Node& n) const { return {n.string(), span(n)}; }
  // The grammar matched the literal; its digits and unit are split, not parsed again.
  ast::Number number(const std::string& text, const Span& s) const { return make_number(text, s); }

  ExprPtr leaf(const Node& n) const {
    auto e = std::make_shared<Expr>();
    e->span = span(n);
    std::string text = n.string();
    if (n.is_type<gs::number_lit>() || n.is_type<gs::pack_size_literal>()) {
      e->kind = Expr::Kind::number;
      e->number = number(text, e->span);
    } else if (n.is_type<gs::money>()) {
      // "10470 CNY": the quantity, blanks, then the currency.
      e->kind = Expr::Kind::money;
      std::size_t blank = text.find_first_of(" \t");
      e->number = number(text.substr(0, blank), e->span);
      e->text = text.substr(text.find_last_of(" \t") + 1);
    } else if (n.is_type<gs::text_lit>()) {
      e->kind = Expr::Kind::text;
      e->text = text.substr(1, text.size() - 2);
    } else if (n.is_type<gs::true_lit>() || n.is_type<gs::false_lit>()) {
      e->kind = Expr::Kind::boolean;
      e->flag = n.is_type<gs::true_lit>();
    } else {
      e->kind = Expr::Kind::variable;
      e->text = text;
    }
    return e;
  }

  static script::Op op_of(std::string_view text) {
    using script::Op;
    static constexpr std::pair<std::string_view, Op> ops[] = {
        {"+", Op::add},        {"-", Op::subtract},   {"*", Op::multiply},    {"×", Op::multiply},
        {"/", Op::divide},     {"==", Op::equal},     {"!=", Op::not_equal},  {"<", Op::less},
        {"<=", Op::less_equal}, {"≤", Op::less_equal}, {">", Op::greater},     {">=", Op::greater_equal},
        {"≥", Op::greater_equal}};
    for (const auto& [t, op] : ops)
      if (t == text) return op;
    throw std::logic_error("an operator the grammar accepts has no Op");
  }

  // a op b op c, one flat chain evaluated left to right. and/or chains carry no operator node:
  // the rule says which. A single operand is that operand.
  ExprPtr chain(const Node& n, std::optional<script::Op> implicit_op) const {
    if (n.children.size() == 1) return expr(*n.children.front());
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::chain;
    e->operands.push_back(expr(*n.children.front()));
    for (std::size_t i = 1; i < n.children.size();) {
      e->ops.push_back(implicit_op ? *implicit_op : op_of(n.children[i++]->string_view()));
      e->operands.push_back(expr(*n.children[i++]));
    }
    e->span = e->prefix_span(e->operands.size());
    return e;
  }

  // fee_arg: the fee's name, then a bare quantity (fee_first) and DIMENSION = QUANTITY pairs.
  script::FeeSpec fee(const Node& n) const {
    script::FeeSpec f;
    f.fee = name(*n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      if (c.is_type<gs::fee_first>())
        f.first = expr(*c.children.front());
      else
        f.dimensions.emplace_back(name(*c.children[0]), expr(*c.children[1]->children.front()));
    }
    return f;
  }

  script::Arg arg(const Node& n) const {
    script::Arg a;
    a.span = span(n);
    if (n.is_type<gs::pack_arg>()) {
      script::PackSpec p;
      p.held = n.children[0]->is_type<gs::held_key>();
      p.meter = reader.name(*n.children[1]);  // a quoted meter without its quotes
      p.size = expr(*n.children[2]);
      if (n.children.size() > 3) p.extra = expr(*n.children[3]);
      a.pack = std::move(p);
    } else if (n.is_type<gs::fee_arg>()) {
      a.fee = fee(n);
    } else if (n.is_type<gs::named_arg>()) {
      a.name = name(*n.children[0]);
      a.value = expr(*n.children[1]);
    } else {
      a.value = expr(*n.children[0]);
    }
    return a;
  }

  ExprPtr expr(const Node& n) const {
    if (n.is_type<gs::product_expr>() || n.is_type<gs::sum_expr>() || n.is_type<gs::comparison>())
      return chain(n, std::nullopt);
    if (n.is_type<gs::and_expr>()) return chain(n, script::Op::and_);
    if (n.is_type<gs::or_expr>()) return chain(n, script::Op::or_);
    if (n.is_type<gs::pack_size>() || n.is_type<gs::pack_left>() || n.is_type<gs::pack_count>() ||
        n.is_type<gs::pack_of>())
      return expr(*n.children.front());
    auto e = std::make_shared<Expr>();
    e->span = span(n);
    if (n.is_type<gs::negate>() || n.is_type<gs::logical_not>()) {
      e->kind = n.is_type<gs::negate>() ? Expr::Kind::negate : Expr::Kind::logical_not;
      e->operands = {expr(*n.children.front())};
    } else if (n.is_type<gs::if_expr>()) {
      e->kind = Expr::Kind::if_;
      for (const auto& c : n.children) e->operands.push_back(expr(*c));
    } else if (n.is_type<gs::call>()) {
      e->kind = Expr::Kind::call;
      e->text = n.children.front()->string();
      for (std::size_t i = 1; i < n.children.size(); ++i) e->args.push_back(arg(*n.children[i]));
    } else {
      return leaf(n);
    }
    return e;
  }

  script::StatementPtr statement(const Node& n) const {
    auto s = std::make_shared<script::Statement>();
    s->span = span(n);
    s->body = expr(*n.children.back());
    if (n.is_type<gs::let_stmt>()) {
      s->kind = script::Statement::Kind::let;
      s->name = name(*n.children.front());
    } else if (n.is_type<gs::fn_stmt>()) {
      s->kind = script::Statement::Kind::fn;
      s->name = name(*n.children.front());
      for (std::size_t i = 1; i + 1 < n.children.size(); ++i) s->params.push_back(name(*n.children[i]));
    } else if (n.is_type<gs::assert_stmt>()) {
      s->kind = script::Statement::Kind::assert_;
    } else if (n.is_type<gs::expect_stmt>()) {
      s->kind = script::Statement::Kind::expect;
    }
    return s;
  }
};

}  // namespace

script::StatementPtr convert_statement(const Reader& reader, const Node& statement) {
  return Converter{reader}.statement(statement);
}

ast::Number Reader::number(const Node& n) const { return make_number(n.string(), span(n)); }

}  // namespace tariff::parsing
