// The architecture, checked: interpreter/ is layers that read as the pipeline, each including only
// the layers below it, and no C++ names a product, meter or account state of the bundled rules
// (product quirks live in rule files and the prelude).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path root = fs::path(TARIFF_TEST_DIR).parent_path();

// base → money → model → language → billing → report → script, batch (side by side) → analysis → cli
const std::map<std::string, int> rank = {{"base", 0},   {"money", 1},  {"model", 2}, {"language", 3},
                                         {"billing", 4}, {"report", 5}, {"script", 6}, {"batch", 6},
                                         {"analysis", 7}};

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> sources_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && (e.path().extension() == ".cpp" || e.path().extension() == ".hpp"))
      out.push_back(e.path());
  return out;
}

// The text without comments, so that a comment may cite a document or a product by name.
std::string code_of(const std::string& text) {
  static const std::regex comments(R"(//[^\n]*|/\*[\s\S]*?\*/)");
  return std::regex_replace(text, comments, " ");
}

}  // namespace

TEST_CASE("interpreter/ holds only layer folders, each a layer of the pipeline", "[architecture]") {
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(root / "interpreter")) {
    if (e.is_regular_file()) {
      CHECK(e.path().filename() == "CMakeLists.txt");
      continue;
    }
    INFO(e.path());
    CHECK(rank.contains(e.path().filename().string()));
    files += sources_under(e.path()).size();
  }
  CHECK(files > 50);
}

TEST_CASE("every include points down the pipeline, never up or across", "[architecture]") {
  static const std::regex include(R"re(#include\s+"interpreter/([a-z_]+)/)re");
  static const std::regex grammar(R"re(#include\s+"grammar/)re");
  std::size_t checked = 0;
  for (const auto& [layer, level] : rank)
    for (const auto& file : sources_under(root / "interpreter" / layer)) {
      std::string text = read(file);
      for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it, ++checked) {
        std::string target = (*it)[1];
        INFO(file.string() << " includes interpreter/" << target << "/");
        REQUIRE(rank.contains(target));
        CHECK((target == layer || rank.at(target) < level));
      }
      // Only the language layer parses: the grammar (and PEGTL) is its own.
      if (layer != "language") {
        INFO(file.string() << " includes the grammar");
        CHECK_FALSE(std::regex_search(text, grammar));
      }
    }
  CHECK(checked > 100);
  // The command line and the Python module sit above every layer; the grammar below none but its own.
  for (const char* client : {"cli", "python"})
    for (const auto& file : sources_under(root / client)) {
      INFO(file.string());
      CHECK_FALSE(std::regex_search(read(file), grammar));
    }
}

namespace {

// The modules of a layer (a module is x.hpp with x.cpp) and which others each includes: a.cpp
// including b.hpp makes a depend on b.
using ModuleGraph = std::map<std::string, std::set<std::string>>;

ModuleGraph modules_of(const std::string& layer) {
  static const std::regex include(R"re(#include\s+"interpreter/([a-z_]+)/([A-Za-z0-9_]+)\.hpp")re");
  ModuleGraph graph;
  for (const auto& file : sources_under(root / "interpreter" / layer)) {
    std::string module = file.stem().string();
    graph[module];
    std::string text = read(file);
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it)
      if ((*it)[1] == layer && (*it)[2] != module) graph[module].insert((*it)[2]);
  }
  return graph;
}

// Every cycle's path, once from each module on it that starts a depth-first walk ("a → b → a").
void find_cycles(const ModuleGraph& graph, const std::string& module, std::vector<std::string>& path,
                 std::set<std::string>& done, std::vector<std::string>& cycles) {
  if (auto on = std::find(path.begin(), path.end(), module); on != path.end()) {
    std::string cycle;
    for (auto it = on; it != path.end(); ++it) cycle += *it + " → ";
    cycles.push_back(cycle + module);
    return;
  }
  if (done.contains(module)) return;
  path.push_back(module);
  if (auto deps = graph.find(module); deps != graph.end())
    for (const auto& dep : deps->second) find_cycles(graph, dep, path, done, cycles);
  path.pop_back();
  done.insert(module);
}

std::vector<std::string> cycles_in(const ModuleGraph& graph) {
  std::vector<std::string> cycles, path;
  std::set<std::string> done;
  for (const auto& [module, deps] : graph) find_cycles(graph, module, path, done, cycles);
  return cycles;
}

}  // namespace

TEST_CASE("the cycle finder finds a cycle between modules and none in a chain", "[architecture]") {
  CHECK(cycles_in({{"a", {"b"}}, {"b", {"c"}}, {"c", {}}}).empty());
  CHECK(cycles_in({{"a", {"b"}}, {"b", {"a"}}}) == std::vector<std::string>{"a → b → a"});
  CHECK(cycles_in({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}}).size() == 1);
}

TEST_CASE("no include cycle between the modules of a layer", "[architecture]") {
  std::size_t modules = 0;
  for (const auto& [layer, level] : rank) {
    ModuleGraph graph = modules_of(layer);
    modules += graph.size();
    for (const auto& cycle : cycles_in(graph)) {
      INFO(layer << "/: " << cycle);
      CHECK(false);
    }
  }
  CHECK(modules > 50);
}

// What the bundled rules name: product ids and the account states they mention (distinctive words,
// looked for anywhere in the code), and meter ids (common words such as `compare`, looked for as
// a whole string literal, the only way C++ could name one).
struct BundledNames {
  std::set<std::string> words, meter_ids;
};

BundledNames bundled_names() {
  BundledNames names;
  static const std::regex product(R"re(^\s*product\s+([A-Za-z_][A-Za-z0-9_]*))re");
  static const std::regex meter(R"re(^\s*meter\s+([A-Za-z_][A-Za-z0-9_]*))re");
  static const std::regex state(
      R"re((?:^\s*grant\b.*\bwhen|\bunless|\brequires|\bgrants|^\s*state|\baccounts\s+are)\s+([A-Za-z_][A-Za-z0-9_]*))re");
  for (const auto& e : fs::directory_iterator(root / "rules")) {
    std::istringstream lines(read(e.path()));
    for (std::string line; std::getline(lines, line);) {
      line = line.substr(0, line.find('#'));
      std::smatch m;
      if (std::regex_search(line, m, product)) names.words.insert(m[1]);
      if (std::regex_search(line, m, meter)) names.meter_ids.insert(m[1]);
      if (std::regex_search(line, m, state)) names.words.insert(m[1]);
    }
  }
  return names;
}

TEST_CASE("no C++ names a bundled product, meter or account state", "[architecture]") {
  BundledNames names = bundled_names();
  REQUIRE(names.words.contains("face_recognition"));
  REQUIRE(names.words.contains("licensed"));
  REQUIRE(names.words.contains("trial"));
  REQUIRE(names.words.contains("suspended"));
  REQUIRE(names.meter_ids.contains("compare"));
  REQUIRE(names.words.size() == 13);  // 10 products (6 from the seeds, 4 illustrations) and 3 states
  std::size_t files = 0;
  for (const char* dir : {"interpreter", "cli", "grammar", "python"})
    for (const auto& file : sources_under(root / dir)) {
      ++files;
      std::string code = code_of(read(file));
      for (const auto& name : names.words) {
        std::regex word("(^|[^A-Za-z0-9_])" + name + "([^A-Za-z0-9_]|$)");
        INFO(file.string() << " names '" << name << "'");
        CHECK_FALSE(std::regex_search(code, word));
      }
      for (const auto& id : names.meter_ids) {
        INFO(file.string() << " names the meter \"" << id << "\"");
        CHECK(code.find('"' + id + '"') == std::string::npos);
      }
    }
  CHECK(files > 60);
}
