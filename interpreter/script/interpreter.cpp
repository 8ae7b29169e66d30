// The core of script evaluation: statements, names, operators and script functions.
// The built-in functions (calls into the rules, rounding) are the table of builtins.cpp.
#include "interpreter/script/interpreter.hpp"

#include <fmt/format.h>

#include "interpreter/base/suggest.hpp"
#include "interpreter/model/request_builder.hpp"
#include "interpreter/script/builtins.hpp"

namespace tariff::script {

namespace {
constexpr std::size_t max_depth = 200;  // script functions may recurse; a runaway one must not crash
// Depth alone does not bound time: f(n) = f(n - 1) + f(n - 1) makes 2^200 calls within it. No
// pricing script needs anywhere near this many calls for one statement.
constexpr std::uint64_t max_calls = 100000;
// Nested evaluation (brackets, operands, calls of script functions within each other): deep
// enough for any real script (a function recursing to max_depth with a few levels per call),
// shallow enough for the stack of an ASan build.
constexpr std::size_t max_evaluation_depth = 2000;

std::string source_text(const Span& s) { return s.source->text.substr(s.begin, s.end - s.begin); }
}  // namespace

void fail(const Span& span, std::string code, std::string message, std::string hint) {
  Diagnostics d;
  d.error(std::move(code), span, std::move(message), std::move(hint));
  throw DiagnosticError(std::move(d));
}

Interpreter::Interpreter(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}

void Interpreter::set_rules(std::shared_ptr<const RuleSet> rules) { rules_ = std::move(rules); }

void Interpreter::define_loaded(Diagnostics& diagnostics) {
  for (const auto& s : rules_->statements) {
    if (s->kind != Statement::Kind::let && s->kind != Statement::Kind::fn) continue;
    try {
      run(*s);
    } catch (const DiagnosticError& e) {
      diagnostics.append(e.diagnostics);
    }
  }
}

Outcome Interpreter::run(const Statement& s) {
  frames_.clear();
  calls_ = 0;
  depth_ = 0;
  Outcome out;
  switch (s.kind) {
    case Statement::Kind::let:
      out.kind = Outcome::Kind::bound;
      out.value = evaluate(*s.body);
      globals_[s.name.text] = *out.value;
      return out;
    case Statement::Kind::fn:
      if (find_builtin(s.name.text))
        fail(s.name.span, "builtin-redefined", fmt::format("{} is a built-in function", s.name.text),
             "choose another name");
      for (std::size_t i = 0; i < s.params.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (s.params[i].text == s.params[j].text)
            fail(s.params[i].span, "duplicate-parameter",
                 fmt::format("{} has two parameters named {}", s.name.text, s.params[i].text), "name each once");
      functions_[s.name.text] = std::make_shared<Statement>(s);
      out.kind = Outcome::Kind::defined;
      return out;
    case Statement::Kind::expression:
      out.value = evaluate(*s.body);
      return out;
    case Statement::Kind::assert_:
    case Statement::Kind::expect:
      break;
  }
  // assert COND; expect A op B shows both sides when it fails.
  const Expr& body = *s.body;
  bool comparison = s.kind == Statement::Kind::expect && body.kind == Expr::Kind::chain && body.ops.size() == 1 &&
                    is_comparison(body.ops[0]);
  if (comparison) {
    Value a = evaluate(*body.operands[0]), b = evaluate(*body.operands[1]);
    bool ok = truth(body, compare(body.span, body.ops[0], a, b), "expect");
    out.kind = ok ? Outcome::Kind::passed : Outcome::Kind::failed;
    if (!ok)
      out.failure = Diagnostic{
          "expect-failed",
          s.span,
          fmt::format("expect failed: {} {} {}", format_value(a), op_text(body.ops[0]), format_value(b)),
          fmt::format("left: {}   right: {}", source_text(body.operands[0]->span), source_text(body.operands[1]->span)),
          {}};
    return out;
  }
  bool ok = truth(body, evaluate(body), s.kind == Statement::Kind::expect ? "expect" : "assert");
  out.kind = ok ? Outcome::Kind::passed : Outcome::Kind::failed;
  if (!ok)
    out.failure =
        Diagnostic{"assert-failed", s.span, fmt::format("assertion failed: {}", source_text(body.span)), "", {}};
  return out;
}

Value Interpreter::evaluate(const Expr& e) {
  // The parser bounds how deeply an expression nests, but script functions can call each other
  // within expressions: this bounds the two together, long before the stack would run out.
  struct Depth {
    std::size_t& depth;
    ~Depth() { --depth; }
  } guard{++depth_};
  if (depth_ > max_evaluation_depth)
    fail(e.span, "too-deep", "evaluation nests too deeply", "a recursive function that goes deep: bound it");
  switch (e.kind) {
    case Expr::Kind::number:
    case Expr::Kind::money: {
      LiteralValue v = rules_->prelude.evaluate(e.number);
      if (!v.value) fail(e.span, v.code, v.message, v.hint);
      if (e.kind == Expr::Kind::money) return Money{std::move(*v.value), e.text};
      return std::move(*v.value);
    }
    case Expr::Kind::text:
      return e.text;
    case Expr::Kind::boolean:
      return e.flag;
    case Expr::Kind::variable:
      return variable(e);
    case Expr::Kind::call:
      return call(e);
    case Expr::Kind::negate: {
      Value v = evaluate(*e.operands[0]);
      if (auto* d = std::get_if<Decimal>(&v)) return -*d;
      if (auto* m = std::get_if<Money>(&v)) return Money{-m->amount, std::move(m->currency)};
      fail(e.span, "type", fmt::format("cannot negate {}", kind_name(v)));
    }
    case Expr::Kind::logical_not:
      return !truth(e, evaluate(*e.operands[0]), "not");
    case Expr::Kind::chain:
      return chain(e, e.operands.size());
    case Expr::Kind::if_:
      return truth(*e.operands[0], evaluate(*e.operands[0]), "if") ? evaluate(*e.operands[1])
                                                                   : evaluate(*e.operands[2]);
  }
  fail(e.span, "internal", "unknown expression");
}

// A name is a local (a function's parameter), a binding, a product of the rules, a rounding mode
// or a meter's name.
Value Interpreter::variable(const Expr& e) {
  if (!frames_.empty())
    if (auto it = frames_.back().find(e.text); it != frames_.back().end()) return it->second;
  if (auto it = globals_.find(e.text); it != globals_.end()) return it->second;
  if (const Product* p = rules_->catalog.find(e.text)) {
    // A product with versions: which one is meant is the month's (month_bill, in_force).
    bool versions = rules_->catalog.versions(e.text).size() > 1 || p->from;
    return ProductRef{p, rules_, versions};
  }
  // Rounding modes and meter names stand for themselves: round(x, 2, half_up), unit_price(p, 人脸比对, q).
  if (parse_rounding_mode(e.text)) return e.text;
  for (const auto& p : rules_->catalog.products)
    if (p->find_meter(e.text)) return e.text;
  fail(e.span, "unknown-name", fmt::format("unknown name '{}'", e.text),
       with_suggestion(e.text, value_names(), "bind it with `let`, or name a product (:products lists them)"));
}


bool Interpreter::bound(const std::string& name) const {
  return globals_.contains(name) || (!frames_.empty() && frames_.back().contains(name));
}

bool Interpreter::truth(const Expr& e, const Value& v, const char* what) {
  const bool* b = std::get_if<bool>(&v);
  if (!b) fail(e.span, "type", fmt::format("{} needs a condition (true or false), not {}", what, kind_name(v)));
  return *b;
}

// The first `n` operands of a chain, left to right: `and` and `or` stop at the first operand
// that decides. An error points at the part of the chain read so far, as `a + b` in `a + b + c`.
Value Interpreter::chain(const Expr& e, std::size_t n) {
  if (e.ops.front() == Op::and_ || e.ops.front() == Op::or_) {
    const char* what = op_text(e.ops.front());
    bool stop_on = e.ops.front() == Op::or_;
    for (std::size_t i = 0; i < n; ++i)
      if (truth(*e.operands[i], evaluate(*e.operands[i]), what) == stop_on) return stop_on;
    return !stop_on;
  }
  Value left = evaluate(*e.operands[0]);
  for (std::size_t i = 1; i < n; ++i) {
    Value right = evaluate(*e.operands[i]);
    Span span = e.prefix_span(i + 1);
    try {
      left = is_comparison(e.ops[i - 1]) ? compare(span, e.ops[i - 1], left, right)
                                         : arithmetic(span, e.ops[i - 1], left, right, e.operands[i]->span);
    } catch (const DecimalError& error) {
      fail(span, "arithmetic", error.what());
    }
  }
  return left;
}

Value Interpreter::arithmetic(const Span& span, Op op, const Value& a, const Value& b, const Span& right) {
  const Decimal *x = numeric(a), *y = numeric(b);
  if (!x || !y)
    fail(span, "type",
         fmt::format("'{}' needs numbers or money, not {} and {}", op_text(op), kind_name(a), kind_name(b)));
  const Money *am = std::get_if<Money>(&a), *bm = std::get_if<Money>(&b);
  if (am && bm && am->currency != bm->currency)
    fail(span, "currency", fmt::format("cannot combine {} with {}", am->currency, bm->currency),
         "convert one amount first; tariff has no exchange rates");
  // The result: money in the currency of the operand that is money, else a number.
  auto result = [&](Decimal r, bool money) -> Value {
    if (money) return Money{std::move(r), (am ? am : bm)->currency};
    return r;
  };
  if (op == Op::add || op == Op::subtract) {
    if (!am != !bm)
      fail(span, "type", fmt::format("cannot {} money and a plain number", op == Op::add ? "add" : "subtract"),
           "write the currency: 100 CNY");
    return result(op == Op::add ? *x + *y : *x - *y, am);
  }
  if (op == Op::divide) {
    if (bm && !am) fail(span, "type", "cannot divide a number by money");
    if (y->is_zero()) fail(right, "division-by-zero", "division by zero");
    auto q = Decimal::divide_exact(*x, *y);
    if (!q)
      fail(span, "inexact-division", fmt::format("{} / {} has no exact decimal value", x->to_string(), y->to_string()),
           "say how to round it: round(a / b, 2, half_up)");
    return result(std::move(*q), am && !bm);
  }
  if (am && bm) fail(span, "type", "cannot multiply money by money");
  return result(*x * *y, am || bm);
}

Value Interpreter::compare(const Span& span, Op op, const Value& a, const Value& b) {
  bool equality = op == Op::equal || op == Op::not_equal;
  if (a.index() == b.index() && (std::holds_alternative<bool>(a) || std::holds_alternative<std::string>(a))) {
    if (!equality) fail(span, "type", fmt::format("'{}' does not order {}", op_text(op), kind_name(a)));
    bool same = std::holds_alternative<bool>(a) ? std::get<bool>(a) == std::get<bool>(b)
                                                : std::get<std::string>(a) == std::get<std::string>(b);
    return op == Op::equal ? same : !same;
  }
  // Money compares with money of its currency, and with zero (x > 0).
  const Decimal *x = numeric(a), *y = numeric(b);
  if (!x || !y) fail(span, "type", fmt::format("cannot compare {} with {}", kind_name(a), kind_name(b)));
  const Money *am = std::get_if<Money>(&a), *bm = std::get_if<Money>(&b);
  if (!am != !bm && !(am ? y : x)->is_zero())
    fail(span, "type", fmt::format("cannot compare {} with {}", kind_name(a), kind_name(b)),
         "write the currency: 100 CNY");
  if (am && bm && am->currency != bm->currency)
    fail(span, "currency", fmt::format("cannot compare {} with {}", am->currency, bm->currency));
  auto order = *x <=> *y;
  switch (op) {
    case Op::equal:
      return order == 0;
    case Op::not_equal:
      return order != 0;
    case Op::less:
      return order < 0;
    case Op::less_equal:
      return order <= 0;
    case Op::greater:
      return order > 0;
    default:
      return order >= 0;
  }
}

Value Interpreter::call(const Expr& e) {
  if (auto it = functions_.find(e.text); it != functions_.end()) return call_function(e, *it->second);
  if (const Builtin* b = find_builtin(e.text)) return call_builtin(*b, e);
  std::vector<std::string> functions = builtin_names();
  for (const auto& [name, f] : functions_) functions.push_back(name);
  Span name = e.span;  // the caret under the name, not the whole call
  if (name.valid() && std::string_view(name.source->text).substr(name.begin).starts_with(e.text))
    name.end = name.begin + e.text.size();
  fail(name, "unknown-function", fmt::format("unknown function '{}'", e.text),
       with_suggestion(e.text, functions, "define it with fn NAME(a, b) = expression"));
}

Value Interpreter::call_function(const Expr& e, const Statement& fn) {
  if (frames_.size() >= max_depth) fail(e.span, "recursion", fmt::format("{} calls itself too deeply", fn.name.text));
  if (++calls_ > max_calls)
    fail(e.span, "too-many-calls", fmt::format("this statement makes more than {} function calls", max_calls),
         "a function that calls itself twice or more per call takes exponential time");
  if (e.args.size() != fn.params.size())
    fail(e.span, "arity",
         fmt::format("{} takes {} argument{}, given {}", fn.name.text, fn.params.size(),
                     fn.params.size() == 1 ? "" : "s", e.args.size()));
  Frame frame;
  for (std::size_t i = 0; i < fn.params.size(); ++i) {
    const Arg& a = e.args[i];
    if (!a.value || a.name) fail(a.span, "arity", fmt::format("{} takes positional arguments only", fn.name.text));
    frame[fn.params[i].text] = evaluate(*a.value);
  }
  frames_.push_back(std::move(frame));
  Value v = evaluate(*fn.body);
  frames_.pop_back();
  return v;
}

}  // namespace tariff::script
