// tariff fmt (language/format.hpp): the canonical layout, idempotent, and meaning-preserving on
// every bundled rule file: each example bills the same before and after.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/billing/bill.hpp"
#include "interpreter/language/format.hpp"
#include "interpreter/report/format_bill.hpp"
#include "support.hpp"

namespace {

using namespace tariff;
using tariff::test::source;

std::string formatted(const std::string& text) {
  Diagnostics d;
  auto out = format_rules(source(text), d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(out);
  return *out;
}

// Every example's bill (as JSON) or error, product by product.
std::string bills_of(const std::string& text) {
  Diagnostics d;
  RuleSet rules = test::load_text(text, d);
  for (const auto& diag : d.list()) UNSCOPED_INFO(render(diag));
  REQUIRE(d.empty());
  std::string out;
  for (const auto& p : rules.catalog.products)
    for (const auto& e : p->examples) {
      out += p->id + " " + e.title + ": ";
      try {
        out += format_bill_json(bill(*p, e.request)) + "\n";
      } catch (const BillingError& error) {
        out += std::string("error ") + error.what() + "\n";
      }
    }
  return out;
}

}  // namespace

TEST_CASE("fmt: every bundled rule file is formatted, stays formatted, and bills the same", "[format]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TARIFF_RULES_DIR)) {
    if (entry.path().extension() != ".tariff") continue;
    ++files;
    INFO(entry.path());
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string once = formatted(text.str()), twice = formatted(once);
    CHECK(twice == once);                           // idempotent
    CHECK(once == text.str());                      // the bundled rules are kept formatted (CI: fmt --check)
    CHECK(bills_of(once) == bills_of(text.str()));  // the same meaning
  }
  CHECK(files >= 6);
}

TEST_CASE("fmt: indentation, spacing, blank lines, aligned tables and runs, comments kept", "[format]") {
  std::string messy =
      "\n\n# the product\nproduct   p 产品 {\n\tcurrency  CNY\n      cycle month   # monthly\n"
      "meter a   人脸比对 actions X\n  meter bb 五官定位\n\n\n\n"
      "  free 10 per month for each meter\n"
      "  postpaid volume {\n| 月接口调用总量 |(0, 300万]| (300万, ∞) |\n|---|---|---|\n"
      "  |人脸比对| 0.0032 | 0.003|  # first row\n"
      "   # a comment among rows\n| 五官定位 | 1 | 2 |\n  }\n  settle free > postpaid\n\n}\n\n\n";
  std::string expected =
      "# the product\nproduct p 产品 {\n  currency CNY\n  cycle month  # monthly\n"
      "  meter a  人脸比对 actions X\n  meter bb 五官定位\n\n"
      "  free 10 per month for each meter\n"
      "  postpaid volume {\n"
      "    | 月接口调用总量 | (0, 300万] | (300万, ∞) |\n"
      "    |----------------|------------|------------|\n"
      "    | 人脸比对       | 0.0032     | 0.003      |  # first row\n"
      "    # a comment among rows\n"
      "    | 五官定位       | 1          | 2          |\n"
      "  }\n  settle free > postpaid\n}\n";
  CHECK(formatted(messy) == expected);
  CHECK(formatted(expected) == expected);
}

TEST_CASE("fmt: a line that continues an item is indented under it", "[format]") {
  std::string text = "product p {\n  currency CNY\n  meter a 甲\n  actions X\n  + Y\n}\n";
  CHECK(formatted(text) == "product p {\n  currency CNY\n  meter a 甲\n      actions X\n      + Y\n}\n");
}

TEST_CASE("fmt: a file that does not parse is not formatted", "[format]") {
  Diagnostics d;
  CHECK_FALSE(format_rules(source("product p {\n  cylce month\n}\n"), d));
  REQUIRE(d.size() == 1);
  CHECK(d.list().front().code == "syntax");
  CHECK(d.list().front().hint.starts_with("did you mean 'cycle'?"));
}
