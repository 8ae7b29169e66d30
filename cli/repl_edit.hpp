#pragma once
// Line editing for the REPL through libedit: history kept in a file, Tab completion, Ctrl-C drops
// the line being typed, Ctrl-D at an empty prompt ends the session.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tariff::cli {

class LineEditor {
 public:
  // Candidates for the word before the cursor (the completer filters by prefix or not: both work).
  // The candidates for `word`, the word before the cursor; `before` is the line up to that word.
  using Completer = std::function<std::vector<std::string>(const std::string& word, const std::string& before)>;

  LineEditor(const char* program, std::string history_path, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // One line, without its newline; nullopt at the end of input (Ctrl-D). After Ctrl-C it returns
  // an empty line and `cancelled()` is true until the next read: the caller drops what it holds.
  std::optional<std::string> read(const std::string& prompt);
  bool cancelled() const { return cancelled_; }

  // Adds one entry (possibly several lines) to the history and saves the history file.
  void remember(const std::string& entry);

  // For libedit's callbacks.
  const std::string& prompt() const { return prompt_; }
  unsigned char complete();
  unsigned char cancel();

 private:
  struct Impl;
  Impl* impl_;
  std::string history_path_;
  Completer completer_;
  std::string prompt_;
  bool cancelled_ = false;
};

}  // namespace tariff::cli
