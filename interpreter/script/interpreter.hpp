#pragma once
// Evaluating script statements against a rule set. The interpreter keeps the session: bindings
// (`let`), functions (`fn`) and the rules, which :reload may replace while the bindings stay.
// It never prints: each statement returns an Outcome; an error throws DiagnosticError with one
// diagnostic pointing at the expression that failed.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interpreter/language/script_ast.hpp"
#include "interpreter/script/value.hpp"

namespace tariff::script {

struct Builtin;  // builtins.hpp

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

  // The `fn` statement that defined `name` (the prelude's or the session's); null when none did.
  const Statement* function(const std::string& name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : it->second.get();
  }

  // Bound names and function names (user's and built-in).
  std::vector<std::string> names() const;
  // The built-ins' names, sorted: those of the table in builtins.cpp.
  static const std::vector<std::string>& builtin_names();
  // The words of the syntax (let, if, and, buy, ...) and the rounding modes, sorted.
  static const std::vector<std::string>& keywords();
  // Every word a script may write in this session, for the REPL's Tab completion: names(),
  // keywords(), the products and each meter's id, names, aliases and API actions.
  std::vector<std::string> completions() const;
  // The same for a word typed after `before` (the entry up to the word): inside a call whose
  // first argument is a product (bill(faceid, 人脸…), unit_price(p, …) with p bound to one), only
  // that product's meter words, with the names and keywords; elsewhere completions().
  std::vector<std::string> completions(std::string_view before) const;

  // Binds `name` as `let` would: the REPL's `_`, the last value it printed.
  void bind(const std::string& name, Value value) { globals_[name] = std::move(value); }

 private:
  friend class Call;  // a built-in's view of the interpreter (call.hpp)
  using Frame = std::unordered_map<std::string, Value>;

  Value variable(const Expr& e);
  Value chain(const Expr& e, std::size_t operands);
  Value arithmetic(const Span& span, Op op, const Value& a, const Value& b, const Span& right);
  Value compare(const Span& span, Op op, const Value& a, const Value& b);
  bool truth(const Expr& e, const Value& v, const char* what);
  Value call(const Expr& e);
  Value call_function(const Expr& e, const Statement& fn);
  Value call_builtin(const Builtin& builtin, const Expr& e);  // call.cpp
  // The names an expression may hold, for "did you mean" (interpreter.cpp).
  std::vector<std::string> value_names() const;
  // The product `name` is (a product's id, or a binding holding one); null otherwise.
  const Product* product_named(std::string_view name) const;
  // A binding or a parameter of the innermost call has this name.
  bool bound(const std::string& name) const;

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
