// Defects found by trying to break tariff as an adversary would (the hardening issue's second
// round), at the library's level: each case failed, crashed or gave a wrong figure before its fix.
// The command-line cases are golden tests (tests/cli/hostile_*) and tests/hostile/generated.sh.
#include <limits>

#include "bundled.hpp"
#include "interpreter/billing/plan.hpp"
#include "interpreter/batch/rate.hpp"
#include "interpreter/script/interpreter.hpp"
#include "interpreter/language/parse.hpp"

using namespace tariff;
using namespace tariff::test;

namespace {

// One small product of its own, loaded beside the prelude.
struct Small {
  RuleSet rules;
  const Product* product = nullptr;
  explicit Small(const std::string& text) {
    Diagnostics d;
    rules = load_text("", d);
    product = &product_of(rules, text);
  }
};

std::string packs_product(const std::string& sizes, const std::string& prices) {
  return "product p \"P\" {\n  currency CNY\n  meter m \"M\"\n  packs {\n    | 规格 | " + sizes + " |\n    | m | " +
         prices + " |\n  }\n  postpaid volume {\n    | 量 | (0, ∞) |\n    | m | 1 |\n  }\n  settle packs > postpaid\n}\n";
}

std::string plan_code(const Product& p, const Decimal& volume) {
  try {
    plan_purchase(p, 0, volume);
  } catch (const BillingError& e) {
    return e.code;
  }
  return "";
}

// The code of the error the last statement of `text` raises against the bundled SDK and
// face_recognition rules, or "none".
std::string script_error(const std::string& text) {
  static auto rules = [] {
    Diagnostics d;
    return std::make_shared<const RuleSet>(
        load_rules({TARIFF_RULES_DIR "/face_recognition.tariff", TARIFF_RULES_DIR "/face_recognition_sdk.tariff"}, d));
  }();
  script::Interpreter interp(rules);
  Diagnostics d;
  interp.define_loaded(d);
  auto statements = parse_script(test::source(text), d);
  REQUIRE(statements);
  try {
    for (const auto& s : *statements) interp.run(*s);
  } catch (const DiagnosticError& e) {
    UNSCOPED_INFO(e.diagnostics.list().front().message);
    return e.diagnostics.list().front().code;
  }
  return "none";
}

}  // namespace

TEST_CASE("plan refuses what it cannot plan exactly, before any arithmetic can overflow", "[red-team]") {
  // Was: signed overflow of volume + largest pack, an empty optional dereferenced, exit 3.
  const Product& p = bundled("face_recognition");
  CHECK(plan_code(p, *Decimal::parse("9223372036854775807000000")) == "plan-too-large");
  CHECK(plan_code(p, *Decimal::parse("10000000000000000000000000")) == "plan-too-large");
  // Thousands of pack sizes: the programme's work (units × sizes) is bounded too (was > 20 s).
  std::string sizes, prices;
  for (int i = 0; i < 2000; ++i) sizes += (i ? " | " : "") + std::to_string(1000 + i), prices += (i ? " | " : "") + std::to_string(1000 + i);
  Small many(packs_product(sizes, prices));
  CHECK(plan_code(*many.product, 1990000) == "plan-too-large");
}

TEST_CASE("a pack larger than the volume covers it alone, however large it is", "[red-team]") {
  // Was: packs over 2^63 calls were skipped silently (the cheapest cover was wrong), and with
  // only such packs the gcd was 0: "decimal division by zero", exit 3.
  Small only_huge(packs_product("99999999999999999999", "5"));
  Plan alone = plan_purchase(*only_huge.product, 0, 1000);
  REQUIRE(alone.cheapest);
  CHECK(alone.cheapest->cost == 5);
  Small mixed(packs_product("100 | 99999999999999999999", "5 | 40"));
  Plan plan = plan_purchase(*mixed.product, 0, 1000);
  CHECK(plan.cheapest->cost == 40);  // one huge pack (40) beats ten of 100 (50)
  CHECK(plan.one_size->cost == 40);
}

TEST_CASE("a product billed once is planned as one bill, not twelve months", "[red-team]") {
  // Was: 120 devices split into "10 devices a month", below the 50-device minimum.
  const Product& sdk = bundled("face_recognition_sdk");
  Plan plan = plan_purchase(sdk, meter_of(sdk, "detect_device"), 120);
  CHECK(plan.postpaid.unavailable.empty());
  REQUIRE(plan.postpaid.months.size() == 1);
  CHECK(plan.postpaid.cost == 120 * 288);
}

TEST_CASE("a held pack the account could not have is refused, not drawn or ignored", "[red-team]") {
  const Product& face = bundled("face_recognition");
  BillRequest more_left_than_held = usage_of(face, "人脸比对", 100);
  more_left_than_held.held.push_back({meter_of(face, "人脸比对"), 500, Decimal(100)});
  CHECK(billing_error(face, more_left_than_held) == "held-pack");
  BillRequest unsold_size = usage_of(face, "人脸比对", 100);
  unsold_size.held.push_back({meter_of(face, "人脸比对"), 5, Decimal(7)});
  CHECK(billing_error(face, unsold_size) == "held-pack");
  BillRequest sold_size = usage_of(face, "人脸比对", 100);
  sold_size.held.push_back({meter_of(face, "人脸比对"), 5, Decimal(1000000)});
  CHECK(billing_error(face, sold_size) == "");
  // The SDK settles postpaid only: a held pack was silently ignored (28,800 billed as if none).
  const Product& sdk = bundled("face_recognition_sdk");
  BillRequest never_drawn = usage_of(sdk, "detect_device", 100);
  never_drawn.held.push_back({meter_of(sdk, "detect_device"), 60, std::nullopt});
  CHECK(billing_error(sdk, never_drawn) == "held-pack");
}

TEST_CASE("a fee quantity that is not a multiple of its unit is an error, checked before it is divided",
          "[red-team]") {
  // Was undefined behaviour: fee_units dereferenced the empty quotient of 1 / 3 (UBSan).
  Small seats("product p \"P\" {\n  currency CNY\n  fee lic 授权 = 100 per 3 seat\n  settle postpaid\n}\n");
  BillRequest r;
  r.fees.push_back({0, {Decimal(1)}});
  CHECK(billing_error(*seats.product, r) == "fee-limit");
  r.fees[0].quantities[0] = 6;
  CHECK(bill(*seats.product, r).total == 200);
}

TEST_CASE("a run's grand total is exact however the bills' scales differ", "[red-team]") {
  // Was: 10^-30 and 10^9 together overflowed 128 bits while adding up the summary: exit 3, and the
  // bills already rated were lost.
  DecimalSum sum;
  sum += *Decimal::parse("0.000000000000000000000000000003");
  sum += Decimal(1000000000);
  CHECK(sum.to_string() == "1000000000.000000000000000000000000000003");
  DecimalSum negative;
  negative += *Decimal::parse("-1.50");
  CHECK(negative.to_string() == "-1.5");
  CHECK(negative == *Decimal::parse("-1.5"));
  CHECK(DecimalSum().to_string() == "0");
}

TEST_CASE("script built-ins refuse what bill() refuses", "[red-team]") {
  // Was: 345,000 CNY for 2.5 years of a platform licence, "below the minimum" for -5 calls.
  CHECK(script_error("postpaid_price(face_recognition_sdk, detect_platform, 2.5)") == "quantity");
  CHECK(script_error("unit_price(face_recognition, 人脸比对, -5)") == "quantity");
  CHECK(script_error("band(face_recognition, 人脸比对, 1.5)") == "quantity");
  // Was accepted: f(1, 2) returned 2.
  CHECK(script_error("fn f(a, a) = a") == "duplicate-parameter");
  // Was "expected a number, not money", although round(10 CNY / 4 CNY, 2, up) works.
  CHECK(script_error("expect divide(10 CNY, 4 CNY, 2, up) == 2.5") == "none");
  CHECK(script_error("divide(10, 4 CNY, 2, up)") == "type");
  // Was accepted, printing "5 " with a trailing blank.
  CHECK(script_error("money(5, \"\")") == "type");
  CHECK(script_error("money(5, \"cny\")") == "type");
  CHECK(script_error("expect money(5, \"USD\") == 5 USD") == "none");
}

TEST_CASE("a source's positions come from a line index, and may start at a later line", "[red-team]") {
  // Was: every position scanned the text from its start (rendering 20,000 diagnostics of a large
  // file took seconds), and a REPL entry was padded with one newline per earlier line.
  Source s("<repl>", "let a = 1\nlet b = 人脸 + x\n", 41);
  CHECK(s.position(0).line == 41);
  CHECK(s.position(10).line == 42);
  CHECK(s.position(10).column == 1);
  CHECK(s.position(s.text.find('x')).column == 14);
  CHECK(s.line_text(42) == "let b = 人脸 + x");
  CHECK(s.line_text(40).empty());
  CHECK(s.line_text(44).empty());
}
