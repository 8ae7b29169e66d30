// The script language: parsing, exact arithmetic, money, errors with their codes and places.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/script.hpp"
#include "interpreter/script/interpreter.hpp"
#include "interpreter/language/parse.hpp"

using namespace tariff;

namespace {

std::shared_ptr<const RuleSet> face_rules() {
  static auto rules = [] {
    Diagnostics d;
    auto r = std::make_shared<const RuleSet>(load_rules({TARIFF_RULES_DIR "/face_recognition.tariff"}, d));
    REQUIRE(d.empty());
    return r;
  }();
  return rules;
}

// Runs `text` in a fresh session; the last statement's value.
script::Value eval(const std::string& text) {
  script::Interpreter interp(face_rules());
  Diagnostics d;
  interp.define_loaded(d);
  REQUIRE(d.empty());
  auto statements = parse_script(std::make_shared<const Source>(Source{"<test>", text}), d);
  REQUIRE(statements);
  script::Value last;
  for (const auto& s : *statements) {
    auto out = interp.run(*s);
    if (out.value) last = *out.value;
  }
  return last;
}

std::string shown(const std::string& text, bool wan = false) { return script::format_value(eval(text), {wan}); }

// The code and column of the error `text` raises.
std::pair<std::string, std::uint32_t> error_of(const std::string& text) {
  try {
    eval(text);
  } catch (const DiagnosticError& e) {
    const Diagnostic& d = e.diagnostics.list().front();
    return {d.code, d.span.source->position(d.span.begin).column};
  }
  return {"none", 0};
}

// The rules with fees (face_fusion) and a plan that postpaid wins (faceid).
std::shared_ptr<const RuleSet> fee_rules() {
  static auto rules = [] {
    Diagnostics d;
    auto r = std::make_shared<const RuleSet>(
        load_rules({TARIFF_RULES_DIR "/face_fusion.tariff", TARIFF_RULES_DIR "/faceid.tariff"}, d));
    REQUIRE(d.empty());
    return r;
  }();
  return rules;
}

struct Failure {
  std::string code, message;
  std::uint32_t column = 0;
};

// The error the last statement of `text` raises against the fee rules.
Failure fee_error(const std::string& text) {
  script::Interpreter interp(fee_rules());
  Diagnostics d;
  auto statements = parse_script(std::make_shared<const Source>(Source{"<test>", text}), d);
  REQUIRE(statements);
  try {
    for (const auto& s : *statements) interp.run(*s);
  } catch (const DiagnosticError& e) {
    const Diagnostic& diag = e.diagnostics.list().front();
    return {diag.code, diag.message, diag.span.source->position(diag.span.begin).column};
  }
  return {"none", "", 0};
}

}  // namespace

TEST_CASE("script arithmetic is exact and money keeps its currency") {
  CHECK(shown("0.1 + 0.2") == "0.3");
  CHECK(shown("350万 * 0.003") == "10500");
  CHECK(shown("10 / 4") == "2.5");
  CHECK(shown("3490000 * 0.003 CNY") == "10,470 CNY");
  CHECK(shown("-(5 CNY) + 7 CNY") == "2 CNY");
  CHECK(shown("round(10 / 3, 2, half_even)") == "3.33");
  CHECK(shown("round(20 CNY / 3, 2, up)") == "6.67 CNY");
  CHECK(shown("350万", true) == "350万");
  CHECK(shown("1.5亿", true) == "1.5亿");
  CHECK(shown("12345", true) == "12345");
  CHECK(shown("12%") == "0.12");
}

TEST_CASE("script bindings, functions, conditions") {
  CHECK(shown("let a = 2\nlet b = a * 3\nb") == "6");
  CHECK(shown("fn f(x, y) = x + y\nf(1, 2)") == "3");
  CHECK(shown("fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)\nfact(20)") == "2432902008176640000");
  CHECK(shown("fn g(x) =\n  if x > 1\n  then \"big\"\n  else \"small\"\ng(2)") == "big");
  CHECK(shown("1 < 2 and not (2 < 1) or false") == "true");
  // A line that starts with '-' is a statement of its own.
  CHECK(shown("let x = 5\n-1") == "-1");
}

TEST_CASE("script calls into the rules") {
  CHECK(shown("total(bill(face_recognition, 人脸比对 = 350万))") == "10,470 CNY");
  CHECK(shown("total(bill(face_recognition, CompareFace = 100万, compare = 250万))") == "10,470 CNY");
  CHECK(shown("total(bill(face_recognition, 人脸搜索 = 5200万, buy = 人脸搜索 5000万))") == "148,868 CNY");
  CHECK(shown("band(face_recognition, 人脸比对, 300万)") == "(0, 300万]");
  CHECK(shown("unit_price(face_recognition, 人脸比对, 1500万 + 1)") == "0.0027 CNY");
  CHECK(shown("let m = \"人脸比对\"\npack_price(face_recognition, m, 100万)") == "3,100 CNY");
}

TEST_CASE("script errors name their cause and place") {
  CHECK(error_of("1 / 3") == std::pair<std::string, std::uint32_t>{"inexact-division", 1});
  CHECK(error_of("1 + 1 / 0").first == "division-by-zero");
  CHECK(error_of("1 + (10 CNY + 1 USD)") == std::pair<std::string, std::uint32_t>{"currency", 6});
  CHECK(error_of("2 * (1 CNY * 1 CNY)") == std::pair<std::string, std::uint32_t>{"type", 6});
  CHECK(error_of("1 + nope").first == "unknown-name");
  CHECK(error_of("nope(1)").first == "unknown-function");
  CHECK(error_of("3 万万").first != "none");
  CHECK(error_of("7x").first == "unknown-unit");
  CHECK(error_of("bill(face_recognition, 人脸 = 1)").first == "unknown-meter");
  CHECK(error_of("bill(face_recognition, buy = 人脸比对 7万)").first == "unknown-pack");
  CHECK(error_of("fn f(n) = f(n)\nf(1)").first == "recursion");
  CHECK(error_of("fn round(x) = x").first == "builtin-redefined");
  CHECK(error_of("if 1 then 2 else 3").first == "type");
}

TEST_CASE("fee() and plan() report their argument errors where they are") {
  auto f = fee_error("fee(face_fusion, nope)");
  CHECK(f.code == "unknown-fee");
  CHECK(f.message == "product face_fusion has no fee 'nope'");
  CHECK(f.column == 18);
  f = fee_error("fee(face_fusion, licence, hours = 2)");
  CHECK(f.code == "unknown-dimension");
  CHECK(f.message == "fee licence is not priced per 'hours'");
  CHECK(f.column == 27);
  f = fee_error("bill(face_fusion, fee = licence 2 days = 1)");
  CHECK(f.code == "unknown-dimension");
  CHECK(f.column == 35);
  f = fee_error("bill(face_fusion, fee = licence 2 activity = 3)");
  CHECK(f.code == "duplicate-dimension");
  CHECK(f.message == "fee licence: activity is given twice");
  f = fee_error("bill(face_fusion, fee = nope 1)");
  CHECK(f.code == "unknown-fee");
  CHECK(f.column == 25);
  f = fee_error("fee(face_fusion)");
  CHECK(f.code == "arity");
  CHECK(f.message == "fee takes a product, the fee's name, then DIMENSION = QUANTITY for each dimension");
  CHECK(f.column == 1);
  f = fee_error("fee(face_fusion, licence, 2, 3)");
  CHECK(f.code == "arity");
  CHECK(f.column == 30);
  f = fee_error("plan(faceid, 活体人脸核身)");
  CHECK(f.code == "arity");
  CHECK(f.message == "plan takes 3 arguments");
  f = fee_error("winner(3)");
  CHECK(f.code == "type");
  CHECK(f.message == "expected a plan, not a number");
  CHECK(f.column == 8);
  f = fee_error("let x = 1\nplan_cost(x, x)");
  CHECK(f.code == "arity");
}

TEST_CASE("a fee outside its limits is a script error at the call, like a bill's") {
  auto f = fee_error("fee(face_fusion, qps_upgrade, activity = 1, day = 1, qps = 300)");
  CHECK(f.code == "contact-sales");
  CHECK(f.message == "face_fusion 升级QPS: 300 qps is more than the 250 sold online: contact sales (联系商务)");
  CHECK(f.column == 1);
  f = fee_error("let n = 2\nfee(face_fusion, qps_upgrade, activity = 1, day = 31, qps = 50)");
  CHECK(f.code == "fee-limit");
  CHECK(f.message == "face_fusion 升级QPS: 31 day is outside 1 to 30");
  f = fee_error("1 + total(bill(face_fusion, state = \"licensed\", fee = qps_upgrade activity = 1 qps = 70))");
  CHECK(f.code == "fee-limit");
  CHECK(f.column == 11);
  CHECK(fee_error("fee(face_fusion, qps_upgrade, activity = 1, day = 7, qps = 100)").code == "none");
}

TEST_CASE("script syntax errors point at the place") {
  Diagnostics d;
  auto src = std::make_shared<const Source>(Source{"<test>", "let x = (1 +\n\nlet y = 2"});
  CHECK_FALSE(parse_script(src, d));
  REQUIRE(d.size() == 1);
  CHECK(d.list().front().code == "syntax");
  CHECK(script_incomplete(std::make_shared<const Source>(Source{"", "fn f(x) = if x > 1"})));
  CHECK(script_incomplete(std::make_shared<const Source>(Source{"", "bill(face_recognition,\n"})));
  CHECK_FALSE(script_incomplete(std::make_shared<const Source>(Source{"", "1 +* 2"})));
  CHECK_FALSE(script_incomplete(std::make_shared<const Source>(Source{"", "1 + 2"})));
}

TEST_CASE("every message of grammar/script_errors.hpp has a case") {
  struct Case {
    const char* input;
    const char* message;
    std::uint32_t column;
  };
  const Case cases[] = {
      {"let x = )", "expected an expression, like 350万, 10470 CNY or bill(PRODUCT, METER = 350万)", 9},
      {"1 * )", "expected a value after the operator", 5},
      {"1 + )", "expected a value after the operator", 5},
      {"1 < )", "expected a value after the comparison", 5},
      {"not )", "expected a condition", 5},
      {"true or )", "expected a condition after 'or'", 9},
      {"(1 2", "expected ')'", 4},
      {"fn f x", "expected '(' and the function's parameters", 6},
      {"f(1, )", "expected an argument after ','", 6},
      {"bill(p, buy = 3)", "expected a meter and a pack size, like 人脸比对 1000万 × 3", 15},
      {"bill(p, buy = a 1 × )", "expected how many packs, like 3", 21},
      {"bill(p, held = a 1 of )", "expected the held pack's size, like 1000万", 23},
      {"bill(p, held = 3)", "expected a meter and what is left of its pack, like 人脸比对 300万 of 1000万", 16},
      {"bill(p, buy = a )", "expected the pack size, like 1000万", 17},
      {"bill(p, held = a )", "expected how many calls the held pack has left, like 300万", 18},
      {"bill(p, fee = 3)", "expected a fee and its quantities, like licence 2", 15},
      {"bill(p, fee = licence day = )", "expected the fee's quantity for this dimension, like 7", 29},
      {"if true 1", "expected 'then'", 9},
      {"if true then 1 2", "expected 'else'", 16},
      {"let 1 = 2", "expected a name to bind", 5},
      {"let x 2", "expected '='", 7},
      {"fn 1", "expected the function's name", 4},
      {"fn f(a, 1) = 1", "expected a parameter name", 9},
      {"1 )", "expected a statement: let, fn, assert, expect or an expression", 3},
  };
  std::set<std::string> covered;
  for (const auto& c : cases) {
    INFO(c.input);
    Diagnostics d;
    auto src = std::make_shared<const Source>(Source{"<test>", c.input});
    CHECK_FALSE(parse_script(src, d));
    REQUIRE(d.size() == 1);
    CHECK(d.list().front().message == c.message);
    CHECK(src->position(d.list().front().span.begin).column == c.column);
    covered.insert(c.message);
  }
  // The messages of the header itself, so that a new message without a case fails here.
  std::ifstream in(std::string(TARIFF_TEST_DIR) + "/../grammar/script_errors.hpp");
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  static const std::regex entry(R"re(error_message<[^;]*?> = "((?:[^"\\]|\\.)*)";)re");
  int count = 0;
  for (std::sregex_iterator it(all.begin(), all.end(), entry), end; it != end; ++it, ++count) {
    std::string message = (*it)[1];
    message = message.substr(0, message.find("\\n"));
    std::string unescaped;
    for (std::size_t i = 0; i < message.size(); ++i) unescaped += message[i] == '\\' ? message[++i] : message[i];
    CHECK(covered.contains(unescaped));
  }
  CHECK(count >= 19);
}

TEST_CASE("the script grammar has no rule that can loop without consuming input") {
  REQUIRE(tao::pegtl::analyze<grammar::script::script>(-1) == 0);
}
