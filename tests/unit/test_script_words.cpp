// The words a script session offers and suggests: Tab completion scoped to the product of the
// call being typed, and "did you mean" for unknown names and functions (interpreter/script/).
#include <catch2/catch.hpp>

#include <algorithm>

#include "interpreter/language/parse.hpp"
#include "interpreter/script/interpreter.hpp"

using namespace tariff;

namespace {

std::shared_ptr<const RuleSet> two_products() {
  static auto rules = [] {
    Diagnostics d;
    std::vector<std::string> files{std::string(TARIFF_RULES_DIR) + "/face_recognition.tariff",
                                   std::string(TARIFF_RULES_DIR) + "/faceid.tariff"};
    auto loaded = std::make_shared<const RuleSet>(load_rules(files, d));
    REQUIRE(d.empty());
    return loaded;
  }();
  return rules;
}

void run(script::Interpreter& interp, const std::string& text) {
  Diagnostics d;
  auto statements = parse_script(std::make_shared<const Source>(Source{"<test>", text}), d);
  REQUIRE(statements);
  for (const auto& s : *statements) interp.run(*s);
}

bool offers(const std::vector<std::string>& words, std::string_view w) { return std::ranges::count(words, w) > 0; }

Diagnostic error_of(script::Interpreter& interp, const std::string& text) {
  try {
    run(interp, text);
  } catch (const DiagnosticError& e) {
    return e.diagnostics.list().front();
  }
  return Diagnostic{"none", {}, "", "", {}};
}

}  // namespace

TEST_CASE("completion inside a call offers the meters of the product it names, only", "[completion]") {
  script::Interpreter interp(two_products());
  // bill(faceid, 人脸 must not offer face_recognition's 人脸比对 (the report).
  auto in_faceid = interp.completions("bill(faceid, ");
  CHECK(offers(in_faceid, "活体人脸核身"));
  CHECK(offers(in_faceid, "LivenessRecognition"));
  CHECK_FALSE(offers(in_faceid, "人脸比对"));
  CHECK_FALSE(offers(in_faceid, "CompareFace"));
  CHECK(offers(in_faceid, "buy"));    // the call's argument names stay
  CHECK(offers(in_faceid, "total"));  // and the built-ins
  auto in_face = interp.completions("unit_price(face_recognition, ");
  CHECK(offers(in_face, "人脸比对"));
  CHECK_FALSE(offers(in_face, "活体人脸核身"));
  // Nested, after other arguments, and through a binding that holds the product.
  CHECK_FALSE(offers(interp.completions("total(bill(faceid, 活体人脸核身 = 1, buy = "), "人脸比对"));
  run(interp, "let p = faceid");
  CHECK_FALSE(offers(interp.completions("band(p, "), "人脸比对"));
  CHECK(offers(interp.completions("band(p, "), "照片人脸核身"));
}

TEST_CASE("completion outside a product's call offers every product's meters", "[completion]") {
  script::Interpreter interp(two_products());
  for (std::string before : {"", "bill(", "let x = 1 + ", "bill(faceid, 活体人脸核身 = 1) + unit_price(",
                             "bill(faceid, 活体人脸核身 = 1) + ", "bill(nothing, "}) {
    INFO(before);
    auto words = interp.completions(before);
    CHECK(offers(words, "人脸比对"));
    CHECK(offers(words, "活体人脸核身"));
    CHECK(words == interp.completions());
  }
  // A ',' or ')' inside a string or a comment does not count.
  CHECK(offers(interp.completions("bill(faceid, state = \"a)\", "), "活体人脸核身"));
  CHECK_FALSE(offers(interp.completions("bill(faceid, state = \"a)\", "), "人脸比对"));
}

TEST_CASE("an unknown function or name suggests the nearest known ones", "[completion]") {
  script::Interpreter interp(two_products());
  Diagnostics d;
  interp.define_loaded(d);
  Diagnostic f = error_of(interp, "totl(1)");
  CHECK(f.code == "unknown-function");
  CHECK(f.hint.starts_with("did you mean 'total'?\n"));
  CHECK(error_of(interp, "mni(1, 2)").hint.starts_with("did you mean 'min'?"));  // the prelude's fn
  run(interp, "let monthly = 1");
  Diagnostic n = error_of(interp, "montly + 1");
  CHECK(n.code == "unknown-name");
  CHECK(n.hint.starts_with("did you mean 'monthly'?\n"));
  CHECK(error_of(interp, "faceld").hint.starts_with("did you mean 'faceid'?"));
  CHECK(error_of(interp, "half_upp").hint.starts_with("did you mean 'half_up'?"));
  // Nothing near: the hint alone.
  CHECK(error_of(interp, "zzzzzzzz").hint == "bind it with `let`, or name a product (:products lists them)");
}

TEST_CASE("pack_price of a size not sold names the sizes, the nearest first", "[completion]") {
  script::Interpreter interp(two_products());
  Diagnostic d = error_of(interp, "pack_price(faceid, 活体人脸核身, 2万)");
  CHECK(d.code == "unknown-pack");
  CHECK(d.hint == "did you mean '1万' or '20万'?\nsizes: 100, 1000, 5000, 1万, 10万, 20万, 50万, 100万");
}
