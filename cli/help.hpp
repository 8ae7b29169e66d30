#pragma once
// The command table (cli/commands.txt, embedded at build time) and everything generated from it:
// the general help, each command's help, the man page and the shell completions.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tariff::cli {

struct OptionHelp {
  std::vector<std::string> flags;  // "--help", "-h"
  std::string value;               // "PATH", or empty for a flag
  std::string text;
};

struct CommandHelp {
  std::string name, args, summary;
  std::vector<std::string> text;
  std::vector<OptionHelp> options;
  std::vector<std::string> examples;
  std::vector<std::pair<std::string, std::vector<std::string>>> sections;  // title, lines
};

// The program itself ("tariff", its common options and sections), then each command.
const CommandHelp& program_help();
const std::vector<CommandHelp>& commands();
const CommandHelp* find_command(std::string_view name);
std::vector<std::string> command_names();
// Every option a command takes, its own and the program's (for "did you mean").
std::vector<std::string> option_names(std::string_view command);

// A command's examples as shown: placeholders filled from the rules (help_examples.hpp), those
// the rules cannot fill left out.
std::vector<std::string> shown_examples(const CommandHelp& command);
// Every example shown, of the program and each command, one a line (`tariff help --examples`).
std::string all_examples();

std::string general_help();
std::string command_help(const CommandHelp& command);
std::string man_page(std::string_view version);
// The completion script for "bash" or "zsh"; empty for another shell.
std::string completion_script(std::string_view shell);

}  // namespace tariff::cli
