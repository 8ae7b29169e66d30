// tariff fmt [--check] [--diff] [PATH...]: the canonical layout of rule files (language/format.hpp).
// Rewrites files in place (through a temporary file renamed over it); --check only lists the files
// that are not formatted (exit 1 if any); '-' formats stdin to stdout. A file that does not parse
// is reported and left alone (exit 1).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/common.hpp"
#include "interpreter/language/format.hpp"

namespace tariff::cli {

namespace {

// The rule files under each path: a file as named, a directory's .tariff files, in name order.
std::vector<std::string> rule_files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(p, ec))
      if (e.is_regular_file() && e.path().extension() == ".tariff") found.push_back(e.path().string());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// The lines that differ, as a minimal diff (`-` old, `+` new) with their line numbers.
std::string line_diff(const std::string& path, const std::string& before, const std::string& after) {
  auto split = [](const std::string& t) {
    std::vector<std::string> lines;
    for (std::size_t s = 0; s < t.size();) {
      std::size_t e = std::min(t.find('\n', s), t.size());
      lines.push_back(t.substr(s, e - s));
      s = e + 1;
    }
    return lines;
  };
  auto a = split(before), b = split(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t sa = a.size(), sb = b.size();
  while (sa > prefix && sb > prefix && a[sa - 1] == b[sb - 1]) --sa, --sb;
  std::string out = fmt::format("--- {}\n+++ {} (formatted)\n@@ -{},{} +{},{} @@\n", path, path, prefix + 1,
                                sa - prefix, prefix + 1, sb - prefix);
  for (std::size_t i = prefix; i < sa; ++i) out += "-" + a[i] + "\n";
  for (std::size_t i = prefix; i < sb; ++i) out += "+" + b[i] + "\n";
  return out;
}

}  // namespace

int cmd_fmt(Args args) {
  auto paths = rule_paths(args);
  bool check = args.take_flag("--check"), diff = args.take_flag("--diff");
  args.expect_no_options();
  if (!args.words.empty()) paths = args.words;
  int unformatted = 0, broken = 0;
  for (const auto& path : rule_files(paths)) {
    std::string error;
    auto text = read_source_text(path, error);
    if (!text) throw UsageError(fmt::format("{}: {}", path, error));
    SourcePtr source = make_source(path, *text);
    Diagnostics d;
    auto formatted = format_rules(source, d);
    if (!formatted) {
      print_diagnostics(d);
      ++broken;
      continue;
    }
    if (path == "-") {
      std::cout << *formatted;
      continue;
    }
    if (*formatted == *text) continue;
    ++unformatted;
    if (diff) std::cout << line_diff(path, *text, *formatted);
    if (check || diff) {
      if (!diff) std::cout << path << "\n";
      continue;
    }
    OutputFile out(path);
    out.write(*formatted);
    out.commit();
    std::cerr << fmt::format("formatted {}\n", path);
  }
  if (broken > 0) return problems;
  return (check || diff) && unformatted > 0 ? problems : ok;
}

}  // namespace tariff::cli
