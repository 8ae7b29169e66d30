// The diagnostic codes, in one table (interpreter/base/codes.cpp): every code the sources report is
// in it, and every code in it is reported somewhere.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "interpreter/base/codes.hpp"

namespace {

namespace fs = std::filesystem;

std::set<std::string> codes_used() {
  // Diagnostics::error("code", ...) and ::warning("code", ...), BillingError("code", ...), fail(span,
  // "code", ...), the request builder's unknown("code", ...), a fee's refuse(fee, "code", ...), a
  // literal's failure("code", ...), Diagnostic{"code", ...}.
  static const std::regex reported(
      R"re((?:\.error|\.warning|BillingError|unknown|failure)\(\s*"([a-z][a-z0-9-]*)"|\b(?:fail|refuse)\([^;"]*?,\s*"([a-z][a-z0-9-]*)"|Diagnostic\{\s*"([a-z][a-z0-9-]*)")re");
  std::set<std::string> used;
  fs::path root = fs::path(TARIFF_TEST_DIR).parent_path();
  for (const char* dir : {"interpreter", "cli"})
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
      std::ifstream in(e.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), reported), end; it != end; ++it)
        for (std::size_t g = 1; g <= 3; ++g)
          if ((*it)[g].matched) used.insert((*it)[g]);
    }
  return used;
}

}  // namespace

TEST_CASE("every diagnostic code reported is in the table, with a summary", "[codes]") {
  auto used = codes_used();
  REQUIRE(used.size() > 80);
  for (const auto& code : used) {
    INFO(code);
    const tariff::DiagnosticCode* c = tariff::find_code(code);
    REQUIRE(c);
    CHECK(!c->summary.empty());
  }
}

TEST_CASE("every code in the table is reported somewhere", "[codes]") {
  auto used = codes_used();
  // Reported through a variable: check_band_sequence's codes are literals, as are the rest.
  for (const auto& c : tariff::diagnostic_codes()) {
    INFO(c.code);
    CHECK(used.contains(std::string(c.code)));
  }
  CHECK(tariff::find_code("nonsense") == nullptr);
}
