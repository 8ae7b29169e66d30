// Did you mean (base/suggest.hpp): edit distance by character, so CJK names work.
#include <catch2/catch.hpp>

#include "interpreter/base/suggest.hpp"

using namespace tariff;

TEST_CASE("edit distance counts characters, transpositions as one", "[suggest]") {
  CHECK(edit_distance("cylce", "cycle") == 1);
  CHECK(edit_distance("照片人脸核生", "照片人脸核身") == 1);  // one character, three bytes
  CHECK(edit_distance("pakcs", "packs") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("JSON", "json") == 0);
}

TEST_CASE("the nearest names, nearest first; nothing when nothing is near", "[suggest]") {
  std::vector<std::string> commands{"check", "test", "bill", "plan", "rate", "eval", "repl", "fmt", "doc"};
  CHECK(nearest("bil", commands) == std::vector<std::string>{"bill"});
  CHECK(did_you_mean("bil", commands) == "did you mean 'bill'?");
  CHECK(did_you_mean("zzzzzz", commands).empty());
  CHECK(did_you_mean("--jsn", {"--json", "--rules"}) == "did you mean '--json'?");
  CHECK(did_you_mean("照片人脸核生", {"活体人脸核身", "照片人脸核身"}) == "did you mean '照片人脸核身'?");
  CHECK(with_suggestion("pakcs", {"free", "packs"}, "steps are …") == "did you mean 'packs'?\nsteps are …");
  CHECK(with_suggestion("xyz", {"free", "packs"}, "steps are …") == "steps are …");
}
