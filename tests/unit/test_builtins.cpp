// The built-ins' table (interpreter/script/builtins.cpp) and what derives from it: the lookup, the
// arity errors, builtin_names(), the check that `fn` redefines no built-in, the REPL's completion;
// and the values built-ins return, which hold the rule set they point into.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "interpreter/language/parse.hpp"
#include "interpreter/script/builtins.hpp"
#include "interpreter/script/interpreter.hpp"

using namespace tariff;

namespace {

std::shared_ptr<const RuleSet> rules_of(std::vector<std::string> files) {
  Diagnostics d;
  for (auto& f : files) f = std::string(TARIFF_RULES_DIR) + "/" + f;
  auto rules = std::make_shared<const RuleSet>(load_rules(files, d));
  REQUIRE(d.empty());
  return rules;
}

// Face recognition (bills, packs, freeze), face fusion (fees), faceid (a plan with packs) and
// the translation illustration (versions).
std::shared_ptr<const RuleSet> all_rules() {
  static auto rules = rules_of(
      {"face_recognition.tariff", "face_fusion.tariff", "faceid.tariff", "illustration_translation.tariff"});
  return rules;
}

std::vector<script::StatementPtr> parse(const std::string& text) {
  Diagnostics d;
  auto statements = parse_script(std::make_shared<const Source>(Source{"<test>", text}), d);
  REQUIRE(statements);
  return *statements;
}

// The last value of `text`, run in `interp`.
script::Value run(script::Interpreter& interp, const std::string& text) {
  script::Value last;
  for (const auto& s : parse(text))
    if (auto out = interp.run(*s); out.value) last = *out.value;
  return last;
}

// The diagnostic `text` raises in a fresh session; code "none" if it raises none.
Diagnostic error_of(const std::string& text) {
  script::Interpreter interp(all_rules());
  try {
    run(interp, text);
  } catch (const DiagnosticError& e) {
    return e.diagnostics.list().front();
  }
  return Diagnostic{"none", {}, "", "", {}};
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the built-ins' table: names unique and sorted, each with a function and its usage", "[builtins]") {
  auto table = script::builtins();
  REQUIRE(table.size() >= 20);
  for (std::size_t i = 1; i < table.size(); ++i) {
    INFO(table[i - 1].name << " before " << table[i].name);
    CHECK(table[i - 1].name < table[i].name);  // sorted, hence no name twice
  }
  for (const auto& b : table) {
    INFO(b.name);
    CHECK(b.function != nullptr);
    CHECK(b.arity.min <= b.arity.max);
    // A usage text shows how to call this built-in, by its own name.
    CHECK(b.usage.find(std::string(b.name) + "(") != std::string_view::npos);
    // Placeholders, not names of the rules: no usage text names a product of the bundled rules.
    for (const auto& p : all_rules()->catalog.products) CHECK(b.usage.find(p->id) == std::string_view::npos);
    CHECK(script::find_builtin(b.name) == &b);
  }
  for (const char* name : {"", "a", "bil", "bills", "Round", "zzz", "min", "max"}) {
    INFO(name);
    CHECK(script::find_builtin(name) == nullptr);  // min and max are the prelude's, in the language
  }
}

TEST_CASE("builtin_names() is the table's names", "[builtins]") {
  std::vector<std::string> table;
  for (const auto& b : script::builtins()) table.emplace_back(b.name);
  CHECK(script::Interpreter::builtin_names() == table);
  CHECK(std::ranges::count(table, "round") == 1);
  CHECK(std::ranges::count(table, "plan_one_size") == 1);
}

TEST_CASE("every built-in has an example here, and it runs", "[builtins]") {
  // What each built-in returns for one call, with the bundled rules' prices. A built-in added to
  // the table without an example here fails this test; so does an entry that dispatches to the
  // wrong function (the built-ins that share a usage text give different figures here).
  const std::map<std::string, std::string> examples = {
      {"amount", "amount(10470 CNY)=10470"},
      {"band", "band(face_recognition, 人脸比对, 350万)=(300万, 1500万]"},
      {"bill", "total(bill(face_recognition, 人脸比对 = 350万))=10,470 CNY"},
      {"currency", "currency(10470 CNY)=CNY"},
      {"divide", "divide(10 CNY, 3, 2, up)=3.34 CNY"},
      {"fee", "fee(face_fusion, qps_upgrade, activity = 1, day = 7, qps = 100)=14,700 CNY"},
      {"free_quota", "free_quota(face_recognition, 人脸比对)=10000"},
      {"freeze", "freeze(bill(face_recognition, 人脸比对 = 350万))=12,600 CNY"},
      {"freeze_rate", "freeze_rate(face_recognition)=1.2"},
      // the version of a month: the 2027 price cut, 20000 calls after the free 1000 at 0.0004
      {"in_force", "total(bill(in_force(illustration_translation, \"2027-01\"), 文本翻译 = 21000))=8 CNY"},
      {"money", "money(3, \"USD\")=3 USD"},
      // an account over two months: the pack bought in January carries its 40万 calls into February
      {"month_bill", "total(month_bill(month_bill(face_recognition, \"2026-01\", 人脸比对 = 61万, buy = 人脸比对 100万), "
                     "\"2026-02\", 人脸比对 = 51万))=320 CNY"},
      {"pack_price", "pack_price(face_recognition, 人脸比对, 1000万)=30,400 CNY"},
      {"plan", "winner(plan(faceid, 活体人脸核身, 30万))=postpaid"},
      {"plan_cost", "plan_cost(plan(faceid, 活体人脸核身, 30万))=230,000 CNY"},
      {"plan_one_size", "plan_one_size(plan(faceid, 活体人脸核身, 30万))=240,000 CNY"},
      {"plan_postpaid", "plan_postpaid(plan(faceid, 活体人脸核身, 30万))=225,000 CNY"},
      {"postpaid_price", "postpaid_price(face_recognition, 人脸比对, 350万)=10,500 CNY"},
      {"remaining", "remaining(month_bill(face_recognition, \"2026-01\", 人脸比对 = 61万, buy = 人脸比对 100万), 人脸比对)=400000"},
      {"round", "round(10 / 3, 2, half_up)=3.33"},
      {"total", "total(bill(face_recognition, 人脸比对 = 1万))=0 CNY"},
      {"unit_price", "unit_price(face_recognition, 人脸比对, 350万)=0.003 CNY"},
      {"winner", "winner(plan(faceid, 活体人脸核身, 3000万))=packs"},
  };
  std::set<std::string> names;
  for (const auto& b : script::builtins()) names.emplace(b.name);
  std::set<std::string> covered;
  for (const auto& [name, example] : examples) covered.insert(name);
  CHECK(covered == names);
  script::Interpreter interp(all_rules());
  for (const auto& [name, example] : examples) {
    std::string call = example.substr(0, example.rfind('=')), expected = example.substr(example.rfind('=') + 1);
    INFO(call);
    REQUIRE(call.find(name + "(") != std::string::npos);
    script::Value v = run(interp, call);
    CHECK(script::format_value(v) == expected);
  }
}

TEST_CASE("a built-in given the wrong number of arguments: the table's message, its usage as hint", "[builtins]") {
  for (const auto& b : script::builtins()) {
    INFO(b.name);
    // One argument too many where there is a bound, else one too few.
    std::size_t given = b.arity.max != script::Arity::variadic ? b.arity.max + 1 : b.arity.min - 1;
    std::vector<std::string> args(given, "1");
    std::string call = fmt::format("{}({})", b.name, fmt::join(args, ", "));
    Diagnostic d = error_of(call);
    CHECK(d.code == "arity");
    if (given < b.arity.min && !b.too_few.empty()) {
      CHECK(d.message == b.too_few);
      CHECK(d.hint == (b.too_few_hint.empty() ? b.usage : b.too_few_hint));
    } else if (b.arity.min != b.arity.max) {  // a range, given one too many
      CHECK(d.message == fmt::format("{} takes {} to {} arguments", b.name, b.arity.min, b.arity.max));
      CHECK(d.hint == b.usage);
    } else {
      CHECK(d.message == fmt::format("{} takes {} argument{}", b.name, b.arity.min, b.arity.min == 1 ? "" : "s"));
      CHECK(d.hint == b.usage);
    }
    CHECK(d.span.begin == 0);
    CHECK(d.span.end == call.size());  // the whole call
  }
  // The messages tests and transcripts pin.
  CHECK(error_of("round(1 / 3)").message == "round takes 3 arguments");
  CHECK(error_of("round(1 / 3)").hint == "round(x, places, mode), e.g. round(a / b, 2, half_up)");
  CHECK(error_of("bill()").message == "bill needs a product first");
  CHECK(error_of("bill()").hint == ":products lists them");
  CHECK(error_of("fee(face_fusion)").message ==
        "fee takes a product, the fee's name, then DIMENSION = QUANTITY for each dimension");
  CHECK(error_of("total()").message == "total takes 1 argument");
  CHECK(error_of("divide(1, 2)").message == "divide takes 4 arguments");
  CHECK(error_of("remaining(1, 2, 3)").message == "remaining takes 1 to 2 arguments");
}

TEST_CASE("month_bill steps an account through months; its errors", "[builtins]") {
  script::Interpreter interp(all_rules());
  // The pack bought in January expires as 2027-01 begins with its 40万 calls: postpaid again.
  run(interp, "let jan = month_bill(face_recognition, \"2026-01\", 人脸比对 = 61万, buy = 人脸比对 100万)");
  CHECK(script::format_value(run(interp, "total(jan)")) == "3,100 CNY");
  CHECK(script::format_value(run(interp, "remaining(month_bill(jan, \"2026-12\", 人脸比对 = 1万))")) == "400000");
  CHECK(script::format_value(run(interp, "total(month_bill(jan, \"2027-01\", 人脸比对 = 11万))")) == "320 CNY");
  CHECK(error_of("month_bill(face_recognition, 2026)").code == "type");
  CHECK(error_of("month_bill(bill(face_recognition, 人脸比对 = 1), \"2026-01\")").code == "type");
  CHECK(error_of("remaining(bill(face_recognition, 人脸比对 = 1))").code == "type");
  CHECK(error_of("month_bill(month_bill(face_recognition, \"2026-02\"), \"2026-01\")").code == "month-order");
}

TEST_CASE("arity: exactly, a range, or at least; each with its message", "[builtins]") {
  CHECK(script::Arity::exactly(2).accepts(2));
  CHECK_FALSE(script::Arity::exactly(2).accepts(1));
  CHECK_FALSE(script::Arity::exactly(2).accepts(3));
  CHECK(script::Arity::between(1, 3).accepts(1));
  CHECK(script::Arity::between(1, 3).accepts(3));
  CHECK_FALSE(script::Arity::between(1, 3).accepts(0));
  CHECK_FALSE(script::Arity::between(1, 3).accepts(4));
  CHECK(script::Arity::at_least(2).accepts(1000));
  CHECK_FALSE(script::Arity::at_least(2).accepts(1));
  // No built-in takes a range today: the messages of the kinds no entry uses, on entries made here.
  auto message = [](const script::Builtin& b, const std::string& call) {
    auto statements = parse(call);
    try {
      script::check_arity(b, *statements.front()->body);
    } catch (const DiagnosticError& e) {
      const Diagnostic& d = e.diagnostics.list().front();
      return d.code + ": " + d.message + " / " + d.hint;
    }
    return std::string("accepted");
  };
  script::Builtin range{"f", script::Arity::between(1, 2), "f(a[, b])", nullptr};
  CHECK(message(range, "f()") == "arity: f takes 1 to 2 arguments / f(a[, b])");
  CHECK(message(range, "f(1, 2, 3)") == "arity: f takes 1 to 2 arguments / f(a[, b])");
  CHECK(message(range, "f(1, 2)") == "accepted");
  script::Builtin variadic{"g", script::Arity::at_least(1), "g(a, ...)", nullptr};
  CHECK(message(variadic, "g()") == "arity: g takes at least 1 argument / g(a, ...)");
  CHECK(message(variadic, "g(1, 2, 3, 4)") == "accepted");
  script::Builtin none{"h", script::Arity::exactly(0), "h()", nullptr};
  CHECK(message(none, "h(1)") == "arity: h takes 0 arguments / h()");
}

TEST_CASE("fn may not redefine a built-in, and only a built-in", "[builtins]") {
  for (const auto& b : script::builtins()) {
    INFO(b.name);
    Diagnostic d = error_of(fmt::format("fn {}(x) = x", b.name));
    CHECK(d.code == "builtin-redefined");
    CHECK(d.message == fmt::format("{} is a built-in function", b.name));
    CHECK(d.span.begin == 3);
  }
  CHECK(error_of("fn bills(x) = x").code == "none");
  CHECK(error_of("fn totals(x) = x\ntotals(1)").code == "none");
}

TEST_CASE("completion offers each built-in, each keyword, the rules' names and the session's", "[builtins]") {
  script::Interpreter interp(all_rules());
  Diagnostics d;
  interp.define_loaded(d);  // the prelude's functions
  REQUIRE(d.empty());
  run(interp, "let my_binding = 1\nfn my_function(x) = x");
  auto words = interp.completions();
  auto offers = [&](std::string_view w) { return std::ranges::count(words, w) > 0; };
  for (const auto& b : script::builtins()) {
    INFO(b.name);
    CHECK(offers(b.name));
  }
  for (const auto& k : script::Interpreter::keywords()) {
    INFO(k);
    CHECK(offers(k));
  }
  for (const char* w : {"my_binding", "my_function", "face_recognition", "人脸比对", "CompareFace", "half_even", "let",
                        "state", "min", "max"})  // min and max: the prelude's functions
    CHECK(offers(w));
  CHECK_FALSE(offers("nothing_of_that_name"));
}

TEST_CASE("the keywords: the grammar's, bill()'s argument names and the rounding modes", "[builtins]") {
  const auto& keywords = script::Interpreter::keywords();
  CHECK(std::ranges::is_sorted(keywords));
  CHECK(std::ranges::adjacent_find(keywords) == keywords.end());
  auto is_keyword = [&](const std::string& w) { return std::ranges::count(keywords, w) > 0; };
  // Every keyword the script grammar uses (kw_* in script.hpp, defined once in lexical.hpp) is a
  // keyword here, or a built-in (fee = ... in a bill).
  static const std::regex defined(R"re(TARIFF_KEYWORD\((kw_\w+), "(\w+)"\))re"), used(R"re(\b(kw_\w+)\b)re");
  std::string lexical = read(std::string(TARIFF_TEST_DIR) + "/../grammar/lexical.hpp");
  std::map<std::string, std::string> text_of;
  for (std::sregex_iterator it(lexical.begin(), lexical.end(), defined), end; it != end; ++it) text_of[(*it)[1]] = (*it)[2];
  // The script grammar and the purchase syntax it shares with rule files (buy = ..., held = ...).
  std::string grammar = read(std::string(TARIFF_TEST_DIR) + "/../grammar/script.hpp") +
                        read(std::string(TARIFF_TEST_DIR) + "/../grammar/purchase.hpp");
  std::set<std::string> in_grammar;
  for (std::sregex_iterator it(grammar.begin(), grammar.end(), used), end; it != end; ++it) {
    INFO((*it)[1]);
    REQUIRE(text_of.contains((*it)[1]));
    std::string w = text_of[(*it)[1]];
    INFO(w);
    in_grammar.insert(w);
    CHECK((is_keyword(w) || script::find_builtin(w)));
  }
  CHECK(in_grammar.size() >= 16);
  // ... and every keyword here is one of the grammar's, a named argument of bill() or a rounding mode.
  for (const auto& w : keywords) {
    INFO(w);
    CHECK((in_grammar.contains(w) || w == "state" || parse_rounding_mode(w)));
  }
  for (const char* mode : {"half_up", "half_even", "half_down", "down", "up", "floor", "ceiling"})
    CHECK(is_keyword(mode));
}

TEST_CASE("script values are small types; kind names and formats as before", "[builtins]") {
  script::Interpreter interp(all_rules());
  struct Case {
    const char* text;
    const char* kind;
    const char* shown;
    const char* json;
  };
  const Case cases[] = {
      {"1.50", "a number", "1.5", "\"1.5\""},
      {"10470 CNY", "money", "10,470 CNY", R"({"amount":"10470","currency":"CNY"})"},
      {"1 < 2", "a boolean", "true", "true"},
      {"\"text\"", "a string", "text", "\"text\""},
      {"face_recognition", "a product", "product face_recognition 人脸识别", R"({"product":"face_recognition"})"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    script::Value v = run(interp, c.text);
    CHECK(std::string(script::kind_name(v)) == c.kind);
    CHECK(script::format_value(v) == c.shown);
    CHECK(script::format_value_json(v) == c.json);
  }
  CHECK(std::string(script::kind_name(run(interp, "bill(face_recognition, 人脸比对 = 1)"))) == "a bill");
  CHECK(std::string(script::kind_name(run(interp, "plan(faceid, 活体人脸核身, 30万)"))) == "a plan");
  const Product& p = *all_rules()->catalog.find("face_recognition");
  script::Value meter = script::MeterRef{&p, 0, all_rules()};
  CHECK(std::string(script::kind_name(meter)) == "a meter");
  CHECK(script::format_value(meter) ==
        fmt::format("meter face_recognition.{} {}", p.meters[0].id, p.meters[0].display_name()));
  CHECK(script::format_value_json(meter) ==
        fmt::format(R"({{"product":"face_recognition","meter":"{}"}})", p.meters[0].id));
  // A default value is the number 0.
  CHECK(script::format_value(script::Value{}) == "0");
}

TEST_CASE("a value that points into a rule set keeps it alive after the rules are replaced", "[builtins]") {
  // Each kind of value on its own: the binding, then :reload (new rules), then the binding used.
  struct Case {
    const char* binding;
    const char* use;
    const char* shown;
  };
  const Case cases[] = {
      {"face_recognition", "x", "product face_recognition 人脸识别"},
      {"face_recognition", "total(bill(x, 人脸比对 = 350万))", "10,470 CNY"},
      {"bill(face_recognition, 人脸比对 = 350万)", "total(x)", "10,470 CNY"},
      {"bill(face_recognition, 人脸比对 = 350万)", "freeze(x)", "12,600 CNY"},
      {"plan(faceid, 活体人脸核身, 30万)", "plan_cost(x)", "230,000 CNY"},
      {"plan(faceid, 活体人脸核身, 30万)", "winner(x)", "postpaid"},
  };
  for (const auto& c : cases) {
    INFO(c.binding << " then " << c.use);
    auto first = rules_of({"face_recognition.tariff", "faceid.tariff"});
    std::weak_ptr<const RuleSet> watch = first;
    script::Interpreter interp(first);
    run(interp, fmt::format("let x = {}", c.binding));
    first.reset();
    interp.set_rules(rules_of({"face_recognition.tariff", "faceid.tariff"}));  // as :reload does
    CHECK_FALSE(watch.expired());                                              // the binding holds the first rule set
    CHECK(script::format_value(run(interp, c.use)) == c.shown);
    run(interp, "let x = 1");
    CHECK(watch.expired());  // ... and nothing else did
  }
}
