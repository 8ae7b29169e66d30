#pragma once
// Evaluating script statements against a rule set. The interpreter keeps the session: bindings
// (`let`), functions (`fn`) and the rules, which :reload may replace while the bindings stay.
// It never prints: each statement returns an Outcome; an error throws DiagnosticError with one
// diagnostic pointing at the expression that failed.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/language/script_ast.hpp"
#include "interpreter/script/value.hpp"

namespace tariff {
class RequestBuilder;
}

namespace tariff::script {

struct Outcome {
  enum class Kind { value, bound, defined, passed, failed };
  Kind kind = Kind::value;
  std::optional<Value> value;         // value: the expression's; bound: the new binding's
  std::optional<Diagnostic> failure;  // failed: which assert or expect, and both sides
};

class Interpreter {
 public:
  explicit Interpreter(std::shared_ptr<const RuleSet> rules);

  // Replaces the rules (after :reload or :load); bindings and functions stay.
  void set_rules(std::shared_ptr<const RuleSet> rules);
  const RuleSet& rules() const { return *rules_; }

  // Runs the let and fn statements the loaded files hold (the prelude's functions first).
  // Problems go to `diagnostics`; the statements that worked stay defined.
  void define_loaded(Diagnostics& diagnostics);

  // Runs one statement. Throws DiagnosticError when it cannot be evaluated.
  Outcome run(const Statement& statement);
  Value evaluate(const Expr& expr);

  // Hears of each bill behind a value as a statement is evaluated (bill() computes one, total()
  // and freeze() read one): how the REPL's :explain finds the bill behind `total(b)`, as cel-cpp
  // reports evaluation to a listener. Null (the default): nobody listens.
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void bill_used(const std::shared_ptr<const Bill>& bill) = 0;
  };
  void set_listener(Listener* listener) { listener_ = listener; }

  // Bound names and function names (user's and built-in), for completion.
  std::vector<std::string> names() const;
  static const std::vector<std::string>& builtin_names();

 private:
  using Frame = std::unordered_map<std::string, Value>;

  Value variable(const Expr& e);
  Value chain(const Expr& e, std::size_t operands);
  Value arithmetic(const Span& span, Op op, const Value& a, const Value& b, const Span& right);
  Value compare(const Span& span, Op op, const Value& a, const Value& b);
  bool truth(const Expr& e, const Value& v, const char* what);
  Value call(const Expr& e);
  Value call_function(const Expr& e, const Statement& fn);
  std::optional<Value> call_builtin(const Expr& e);

  // Helpers of the built-ins (script_builtins.cpp).
  Value bill_call(const Expr& e);
  const Product& product_arg(const Expr& e, std::size_t i);
  MeterIndex meter_arg(const Expr& call, const Product& p, const Expr& arg);
  Name meter_name(const Expr& call, const Product& p, const Expr& arg);
  Name meter_name(const Expr& call, const Product& p, const ast::Name& written);
  Decimal number_arg(const Expr& call, std::size_t i);
  Decimal quantity_of(const Expr& e);
  RoundingMode mode_arg(const Expr& call, std::size_t i);
  int places_arg(const Expr& call, std::size_t i);
  const Expr& positional(const Expr& call, std::size_t i);
  void expect_args(const Expr& call, std::size_t n, const char* usage);
  Value money_of(const Product& p, Decimal amount) const;

  // Fees and plans (script_fees.cpp).
  Value fee_call(const Expr& e);
  Value plan_call(const Expr& e);
  Value plan_part(const Expr& e);
  std::size_t fee_index(const Product& p, const Expr& arg);
  void add_fee(RequestBuilder& request, const Product& p, const FeeSpec& spec);

  std::shared_ptr<const RuleSet> rules_;
  Frame globals_;
  std::unordered_map<std::string, std::shared_ptr<const Statement>> functions_;
  std::vector<Frame> frames_;  // calls of script functions; only the innermost is visible
  std::uint64_t calls_ = 0;    // script function calls in the statement being run (bounded)
  std::size_t depth_ = 0;      // nested evaluate() calls (bounded)
  Listener* listener_ = nullptr;
  void bill_used(const std::shared_ptr<const Bill>& bill) {
    if (listener_) listener_->bill_used(bill);
  }
};

// Raises an evaluation error at `span`.
[[noreturn]] void fail(const Span& span, std::string code, std::string message, std::string hint = {});

}  // namespace tariff::script
