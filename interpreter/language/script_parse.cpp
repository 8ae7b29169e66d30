// Script text → script syntax tree. PEGTL's parse_tree keeps the meaningful rules (a selector),
// which are then turned at once into the tree of interpreter/script_ast.hpp.
#include "interpreter/language/script_parse.hpp"

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/errors.hpp"
#include <fmt/format.h>

#include "interpreter/language/literal.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/language/parse_control.hpp"

namespace tariff {
namespace g = grammar::script;
namespace pegtl = tao::pegtl;
using script::Expr;
using script::ExprPtr;

namespace {

// clang-format off
template<typename Rule> using selector = pegtl::parse_tree::selector<Rule,
  pegtl::parse_tree::store_content::on<
    g::money, g::number_lit, g::text_lit, g::true_lit, g::false_lit, g::variable, g::call, g::callee,
    g::pack_arg, g::pack_key, g::pack_meter, g::pack_size, g::pack_count, g::pack_of, g::fee_arg,
    g::fee_name, g::fee_first, g::fee_dim, g::fee_dim_name, g::fee_quantity, g::named_arg,
    g::arg_name, g::positional_arg, g::negate, g::logical_not, g::mul_op, g::add_op, g::cmp_op,
    g::product_expr, g::sum_expr, g::comparison, g::and_expr, g::or_expr, g::if_expr,
    g::let_stmt, g::let_name, g::fn_stmt, g::fn_name, g::param, g::assert_stmt, g::expect_stmt,
    g::expr_stmt>>;
// clang-format on

using parse_control::control;

using Node = pegtl::parse_tree::node;

struct Converter {
  SourcePtr source;

  Span span(const Node& n) const {
    auto base = source->text.data();
    return Span{source, static_cast<std::size_t>(n.m_begin.data - base), static_cast<std::size_t>(n.m_end.data - base)};
  }
  ast::Name name(const Node& n) const { return {n.string(), span(n)}; }

  // The grammar matched the literal; its digits and unit are split, not parsed again.
  ast::Number number(const std::string& text, const Span& s) const { return make_number(text, s); }

  ExprPtr leaf(const Node& n) const {
    auto e = std::make_shared<Expr>();
    e->span = span(n);
    std::string text = n.string();
    if (n.is_type<g::number_lit>()) {
      e->kind = Expr::Kind::number;
      e->number = number(text, e->span);
    } else if (n.is_type<g::money>()) {
      // "10470 CNY": the quantity, blanks, then the currency.
      e->kind = Expr::Kind::money;
      std::size_t blank = text.find_first_of(" \t");
      e->number = number(text.substr(0, blank), e->span);
      e->text = text.substr(text.find_last_of(" \t") + 1);
    } else if (n.is_type<g::text_lit>()) {
      e->kind = Expr::Kind::text;
      e->text = text.substr(1, text.size() - 2);
    } else if (n.is_type<g::true_lit>() || n.is_type<g::false_lit>()) {
      e->kind = Expr::Kind::boolean;
      e->flag = n.is_type<g::true_lit>();
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
      if (c.is_type<g::fee_first>())
        f.first = expr(*c.children.front());
      else
        f.dimensions.emplace_back(name(*c.children[0]), expr(*c.children[1]->children.front()));
    }
    return f;
  }

  script::Arg arg(const Node& n) const {
    script::Arg a;
    a.span = span(n);
    if (n.is_type<g::pack_arg>()) {
      script::PackSpec p;
      p.held = n.children[0]->string() == "held";
      p.meter = name(*n.children[1]);
      p.size = expr(*n.children[2]);
      if (n.children.size() > 3) p.extra = expr(*n.children[3]);
      a.pack = std::move(p);
    } else if (n.is_type<g::fee_arg>()) {
      a.fee = fee(n);
    } else if (n.is_type<g::named_arg>()) {
      a.name = name(*n.children[0]);
      a.value = expr(*n.children[1]);
    } else {
      a.value = expr(*n.children[0]);
    }
    return a;
  }

  ExprPtr expr(const Node& n) const {
    if (n.is_type<g::product_expr>() || n.is_type<g::sum_expr>() || n.is_type<g::comparison>())
      return chain(n, std::nullopt);
    if (n.is_type<g::and_expr>()) return chain(n, script::Op::and_);
    if (n.is_type<g::or_expr>()) return chain(n, script::Op::or_);
    if (n.is_type<g::pack_size>() || n.is_type<g::pack_count>() || n.is_type<g::pack_of>())
      return expr(*n.children.front());
    auto e = std::make_shared<Expr>();
    e->span = span(n);
    if (n.is_type<g::negate>() || n.is_type<g::logical_not>()) {
      e->kind = n.is_type<g::negate>() ? Expr::Kind::negate : Expr::Kind::logical_not;
      e->operands = {expr(*n.children.front())};
    } else if (n.is_type<g::if_expr>()) {
      e->kind = Expr::Kind::if_;
      for (const auto& c : n.children) e->operands.push_back(expr(*c));
    } else if (n.is_type<g::call>()) {
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
    if (n.is_type<g::let_stmt>()) {
      s->kind = script::Statement::Kind::let;
      s->name = name(*n.children.front());
    } else if (n.is_type<g::fn_stmt>()) {
      s->kind = script::Statement::Kind::fn;
      s->name = name(*n.children.front());
      for (std::size_t i = 1; i + 1 < n.children.size(); ++i) s->params.push_back(name(*n.children[i]));
    } else if (n.is_type<g::assert_stmt>()) {
      s->kind = script::Statement::Kind::assert_;
    } else if (n.is_type<g::expect_stmt>()) {
      s->kind = script::Statement::Kind::expect;
    }
    return s;
  }
};

template <typename Rule>
std::unique_ptr<Node> parse_tree_of(const SourcePtr& source, std::size_t begin, std::size_t end) {
  pegtl::memory_input in(source->text.data() + begin, source->text.data() + end, source->name);
  parse_control::operands_seen = 0;
  return pegtl::parse_tree::parse<Rule, selector, pegtl::nothing, control>(in);
}

}  // namespace

std::shared_ptr<const script::Statement> parse_script_statement(const Span& span) {
  // The span may go on past the statement (the end of its line, a comment): that is not ours.
  struct whole : pegtl::seq<g::statement, pegtl::star<pegtl::any>> {};
  auto root = parse_tree_of<whole>(span.source, span.begin, span.end);
  if (!root) throw std::logic_error("a script statement the rule grammar accepted does not parse alone");
  return Converter{span.source}.statement(*root->children.front());
}

std::optional<std::vector<script::StatementPtr>> parse_script(SourcePtr source, Diagnostics& diagnostics,
                                                              std::size_t from) {
  std::string_view text = std::string_view(source->text).substr(from);
  if (std::size_t bad = utf8_valid_prefix(text); bad < text.size()) {
    diagnostics.error("invalid-utf8", Span{source, from + bad, from + bad + 1},
                      fmt::format("the script is not valid UTF-8: byte 0x{:02x}", static_cast<unsigned char>(text[bad])),
                      "write scripts in UTF-8");
    return std::nullopt;
  }
  try {
    auto root = parse_tree_of<g::script>(source, from, source->text.size());
    std::vector<script::StatementPtr> statements;
    for (const auto& n : root->children) statements.push_back(Converter{source}.statement(*n));
    return statements;
  } catch (const pegtl::parse_error& e) {
    parse_control::report(e, source, from, diagnostics);
    return std::nullopt;
  }
}

bool script_incomplete(SourcePtr source, std::size_t from) {
  try {
    parse_tree_of<g::script>(source, from, source->text.size());
    return false;
  } catch (const pegtl::parse_error& e) {
    return from + e.positions().front().byte >= source->text.size();
  }
}

}  // namespace tariff
