// The command table, read once from cli/commands.txt (embedded), and what is generated from it.
#include "cli/help.hpp"

#include "cli/help_examples.hpp"

#include <fmt/format.h>

#include <sstream>

namespace tariff::cli {

namespace {

constexpr const char* table_text =
#include "commands.inc"
    ;

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// "--buy METER=SIZE[xN]  buy packs": the flags and value end at the first run of two blanks.
OptionHelp parse_option(const std::string& rest) {
  OptionHelp o;
  std::size_t gap = rest.find("  ");
  std::string head = rest.substr(0, gap);
  o.text = gap == std::string::npos ? "" : trimmed(rest.substr(gap));
  std::istringstream words(head);
  for (std::string w; words >> w;) {
    if (w.back() == ',') w.pop_back();
    if (w.starts_with("-"))
      o.flags.push_back(w);
    else
      o.value = w;
  }
  return o;
}

std::vector<CommandHelp> parse_table() {
  std::vector<CommandHelp> table;
  std::istringstream in(table_text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with("#")) continue;
    std::size_t space = line.find(' ');
    std::string kind = line.substr(0, space), rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (kind == "command") {
      CommandHelp c;
      std::size_t s = rest.find(' ');
      c.name = rest.substr(0, s);
      c.args = s == std::string::npos ? "" : rest.substr(s + 1);
      table.push_back(std::move(c));
      continue;
    }
    if (table.empty()) continue;
    CommandHelp& c = table.back();
    if (kind == "summary") c.summary = rest;
    if (kind == "example") c.examples.push_back(rest);
    if (kind == "section") c.sections.push_back({rest, {}});
    if (kind == "text") (c.sections.empty() ? c.text : c.sections.back().second).push_back(rest);
    if (kind == "option") {
      if (rest.starts_with(" ") && !c.options.empty())
        c.options.back().text += " " + trimmed(rest);
      else
        c.options.push_back(parse_option(rest));
    }
  }
  return table;
}

const std::vector<CommandHelp>& table() {
  static const std::vector<CommandHelp> t = parse_table();
  return t;
}

std::string flags_text(const OptionHelp& o) {
  std::string out;
  for (const auto& f : o.flags) out += (out.empty() ? "" : ", ") + f;
  return o.value.empty() ? out : out + " " + o.value;
}

std::string options_block(const std::vector<OptionHelp>& options) {
  std::size_t width = 0;
  for (const auto& o : options) width = std::max(width, flags_text(o).size());
  std::string out;
  for (const auto& o : options) out += fmt::format("  {:<{}}  {}\n", flags_text(o), width, o.text);
  return out;
}

std::string synopsis(const CommandHelp& c) {
  return c.name == "tariff" ? "tariff " + c.args : fmt::format("tariff {} {}", c.name, c.args);
}

}  // namespace

const CommandHelp& program_help() { return table().front(); }

const std::vector<CommandHelp>& commands() {
  static const std::vector<CommandHelp> rest(table().begin() + 1, table().end());
  return rest;
}

const CommandHelp* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> command_names() {
  std::vector<std::string> out;
  for (const auto& c : commands()) out.push_back(c.name);
  return out;
}

std::vector<std::string> option_names(std::string_view command) {
  std::vector<std::string> out;
  const CommandHelp* c = find_command(command);
  for (const auto* h : {c, &program_help()})
    if (h)
      for (const auto& o : h->options) out.insert(out.end(), o.flags.begin(), o.flags.end());
  return out;
}

std::vector<std::string> shown_examples(const CommandHelp& c) {
  std::vector<std::string> out;
  for (const auto& e : c.examples)
    if (auto filled = filled_example(e)) out.push_back(*filled);
  return out;
}

std::string all_examples() {
  std::string out;
  for (const auto& e : shown_examples(program_help())) out += e + "\n";
  for (const auto& c : commands())
    for (const auto& e : shown_examples(c)) out += e + "\n";
  return out;
}

std::string general_help() {
  const CommandHelp& p = program_help();
  std::string out = fmt::format("usage: {}\n\n", synopsis(p));
  for (const auto& t : p.text) out += t + "\n";
  out += "\ncommands:\n";
  std::size_t width = 0;
  for (const auto& c : commands()) width = std::max(width, c.name.size());
  for (const auto& c : commands()) out += fmt::format("  {:<{}}  {}\n", c.name, width, c.summary);
  out += "\noptions of every command:\n" + options_block(p.options);
  for (const auto& [title, lines] : p.sections) {
    out += "\n" + title + ":\n";
    for (const auto& l : lines) out += "  " + l + "\n";
  }
  out += "\nexamples:\n";
  for (const auto& e : shown_examples(p)) out += "  " + e + "\n";
  out += "\n`tariff help COMMAND` (or tariff COMMAND --help) shows a command's options and examples.\n";
  return out;
}

std::string command_help(const CommandHelp& c) {
  std::string out = fmt::format("usage: {}\n\n{}\n", synopsis(c), c.summary);
  if (!c.text.empty()) out += "\n";
  for (const auto& t : c.text) out += t + "\n";
  if (!c.options.empty()) out += "\noptions:\n" + options_block(c.options);
  if (auto examples = shown_examples(c); !examples.empty()) {
    out += "\nexamples:\n";
    for (const auto& e : examples) out += "  " + e + "\n";
  }
  out += "\nand the options of every command: --rules PATH, --color WHEN (tariff --help)\n";
  return out;
}

}  // namespace tariff::cli
