#include "cli/common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/help.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/language/literal.hpp"
#include "interpreter/base/utf8.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/model/request_builder.hpp"

namespace tariff::cli {

namespace {
bool is_option(const std::string& w, const std::string& name) { return w == name || w.starts_with(name + "="); }
}  // namespace

std::vector<std::string> Args::take_all(const std::string& name) {
  std::vector<std::string> values, rest;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == name) {
      if (i + 1 >= words.size()) throw UsageError(fmt::format("{} needs a value", name));
      values.push_back(words[++i]);
    } else if (is_option(w, name)) {
      values.push_back(w.substr(name.size() + 1));
    } else {
      rest.push_back(w);
    }
  }
  words = std::move(rest);
  return values;
}

std::optional<std::string> Args::take(const std::string& name) {
  auto all = take_all(name);
  if (all.size() > 1) throw UsageError(fmt::format("{} given more than once", name));
  return all.empty() ? std::nullopt : std::optional(all.front());
}

// A flag given twice means what it means once.
bool Args::take_flag(const std::string& name) {
  auto given = std::erase(words, name);
  return given > 0;
}

Reporting& reporting() {
  static Reporting r;
  return r;
}

void Args::expect_no_options(const std::vector<std::string>& extra) const {
  for (const auto& w : words) {
    if (!w.starts_with("--")) continue;
    std::vector<std::string> known = option_names(command);
    known.insert(known.end(), extra.begin(), extra.end());
    std::string flag = w.substr(0, w.find('='));
    std::string hint = did_you_mean(flag, known);
    if (hint.empty() && !command.empty()) hint = fmt::format("tariff {} --help lists its options", command);
    throw UsageError(fmt::format("unknown option {}", printable(w)), hint);
  }
}

namespace {

// The rules bundled with the program: installed beside it (../share/tariff/rules), or the
// source tree it was built from. Found without the user being in the source tree.
std::string bundled_rules() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "tariff" / "rules";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return TARIFF_SOURCE_RULES_DIR;
}

}  // namespace

std::vector<std::string> rule_paths(Args& args) {
  auto given = args.take_all("--rules");
  if (!given.empty()) return given;
  if (const char* env = std::getenv("TARIFF_PATH"); env && *env) {
    std::vector<std::string> paths;
    std::string all = env;
    for (std::size_t start = 0; start <= all.size();) {
      std::size_t end = all.find(':', start);
      if (end == std::string::npos) end = all.size();
      if (end > start) paths.push_back(all.substr(start, end - start));
      start = end + 1;
    }
    if (paths.empty()) throw UsageError(fmt::format("TARIFF_PATH='{}' names no rule file or directory", all));
    return paths;
  }
  return {bundled_rules()};
}

void print_diagnostic(const Diagnostic& d) {
  std::cerr << render(d);
  if (reporting().json) std::cout << render_json(d) << "\n";
}

void print_diagnostics(const Diagnostics& d) {
  for (const auto& diag : d.list()) print_diagnostic(diag);
}

void rules_failed(std::size_t count) {
  throw UsageError(fmt::format("the rules have {} error{}: stopped (tariff check lists them)", count,
                               count == 1 ? "" : "s"));
}

RuleSet load(const std::vector<std::string>& paths) {
  Diagnostics d;
  RuleSet rules = load_rules(paths, d);
  print_diagnostics(d);
  if (!d.empty()) rules_failed(d.size());
  return rules;
}

Decimal parse_quantity(const RuleSet& rules, const std::string& text, const std::string& what) {
  LiteralValue v = parse_quantity_text(text, rules.prelude.units);
  if (!v.value) throw UsageError(fmt::format("{}: {}", what, v.message), v.hint);
  return *v.value;
}

namespace {

// What identifies a file: device and inode when it exists, else its canonical path.
std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return fmt::format("inode {}:{}", st.st_dev, st.st_ino);
  std::error_code ec;
  return "path " + std::filesystem::weakly_canonical(path, ec).string();
}

}  // namespace

void check_distinct_files(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs) {
  // Inputs may name one file twice; an output may meet neither an input nor another output.
  std::vector<std::pair<std::string, const NamedPath*>> seen;
  for (const auto& f : inputs)
    if (f.path != "-") seen.emplace_back(file_identity(f.path), &f);
  for (const auto& f : outputs) {
    if (f.path == "-") continue;
    std::string id = file_identity(f.path);
    for (const auto& [other_id, other] : seen)
      if (other_id == id)
        throw UsageError(fmt::format("{} and {} are the same file ({}): writing one would destroy the other",
                                     other->what, f.what, f.path));
    seen.emplace_back(id, &f);
  }
}

OutputFile::OutputFile(const std::optional<std::string>& path, std::FILE* standard) : standard_(standard) {
  if (!path || *path == "-") {
    file_ = standard;
    return;
  }
  path_ = *path;
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw UsageError(fmt::format("cannot write {}: it is a directory", path_));
    file_ = std::fopen(path_.c_str(), "w");
    if (!file_) failed("write");
    return;
  }
  std::filesystem::path target(path_), dir = target.parent_path().empty() ? "." : target.parent_path();
  std::string pattern = (dir / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) failed("write");
  temporary_ = pattern;
  ::fchmod(fd, 0644);
  file_ = ::fdopen(fd, "w");
  if (!file_) {
    ::close(fd);
    failed("write");
  }
}

OutputFile::~OutputFile() {
  if (file_ && file_ != standard_) std::fclose(file_);
  if (!temporary_.empty()) std::remove(temporary_.c_str());
}

void OutputFile::failed(const char* doing) const {
  throw UsageError(fmt::format("cannot {} {}: {}", doing, path_.empty() ? "the output" : path_, std::strerror(errno)));
}

void OutputFile::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) failed("write");
}

void OutputFile::commit() {
  if (file_ == standard_) {
    if (std::fflush(file_) != 0 || std::ferror(file_)) failed("write");
    return;
  }
  std::FILE* f = std::exchange(file_, nullptr);
  if (std::fclose(f) != 0) failed("write");
  if (!temporary_.empty()) {
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) failed("write");
    temporary_.clear();
  }
}

// --json, or --format text|json.
bool json_format(Args& args) {
  bool json = args.take_flag("--json");
  auto format = args.take("--format");
  if (format && *format != "json" && *format != "text")
    throw UsageError(fmt::format("--format must be text or json, not '{}'", printable(*format)),
                     did_you_mean(*format, {"text", "json"}));
  return json || format == "json";
}

const Product& find_product(const RuleSet& rules, const std::string& id, const std::optional<std::string>& month) {
  std::optional<int> at;
  if (month && !(at = parse_month(*month)))
    throw UsageError(fmt::format("--month '{}' is not a month like 2026-11", printable(*month)));
  return resolve_product(rules.catalog, {id, {}}, at);
}


}  // namespace tariff::cli
