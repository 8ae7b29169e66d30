#include "cli/repl_edit.hpp"

#include <histedit.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace tariff::cli {

struct LineEditor::Impl {
  EditLine* el = nullptr;
  History* history = nullptr;
  HistEvent event{};
};

namespace {

LineEditor* self(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<LineEditor*>(data);
}

char* prompt_of(EditLine* el) { return const_cast<char*>(self(el)->prompt().c_str()); }
unsigned char on_tab(EditLine* el, int) { return self(el)->complete(); }
unsigned char on_ctrl_c(EditLine* el, int) { return self(el)->cancel(); }

// Identifier characters (any byte of a UTF-8 sequence counts, so 人脸比对 is one word) and ':'
// for commands.
bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_' || c == ':';
}

std::string common_prefix(const std::vector<std::string>& words) {
  std::string prefix = words.front();
  for (const auto& w : words) {
    std::size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  // Never stop inside a UTF-8 sequence.
  while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0x80) prefix.pop_back();
  if (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0) prefix.pop_back();
  return prefix;
}

}  // namespace

LineEditor::LineEditor(const char* program, std::string history_path, Completer completer)
    : impl_(new Impl), history_path_(std::move(history_path)), completer_(std::move(completer)) {
  impl_->history = history_init();
  history(impl_->history, &impl_->event, H_SETSIZE, 1000);
  history(impl_->history, &impl_->event, H_SETUNIQUE, 1);
  history(impl_->history, &impl_->event, H_LOAD, history_path_.c_str());
  impl_->el = el_init(program, stdin, stdout, stderr);
  el_set(impl_->el, EL_CLIENTDATA, this);
  el_set(impl_->el, EL_EDITOR, "emacs");
  el_set(impl_->el, EL_PROMPT, prompt_of);
  el_set(impl_->el, EL_HIST, history, impl_->history);
  // Ctrl-C reaches us as a key, not a signal, while a line is edited: it drops that line.
  el_set(impl_->el, EL_SETTY, "-d", "-isig", nullptr);
  el_set(impl_->el, EL_ADDFN, "tariff-complete", "complete a name", on_tab);
  el_set(impl_->el, EL_ADDFN, "tariff-cancel", "drop the line", on_ctrl_c);
  el_set(impl_->el, EL_BIND, "^I", "tariff-complete", nullptr);
  el_set(impl_->el, EL_BIND, "^C", "tariff-cancel", nullptr);
  el_source(impl_->el, nullptr);  // the user's ~/.editrc, if any
}

LineEditor::~LineEditor() {
  el_end(impl_->el);
  history_end(impl_->history);
  delete impl_;
}

std::optional<std::string> LineEditor::read(const std::string& prompt) {
  prompt_ = prompt;
  cancelled_ = false;
  int count = 0;
  const char* line = el_gets(impl_->el, &count);
  if (cancelled_) return std::string();
  if (!line || count <= 0) return std::nullopt;
  std::string text(line, static_cast<std::size_t>(count));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

void LineEditor::remember(const std::string& entry) {
  if (entry.find_first_not_of(" \t\n") == std::string::npos) return;
  history(impl_->history, &impl_->event, H_ENTER, entry.c_str());
  history(impl_->history, &impl_->event, H_SAVE, history_path_.c_str());
}

unsigned char LineEditor::cancel() {
  cancelled_ = true;
  std::fputs("^C", stdout);
  return CC_NEWLINE;
}

unsigned char LineEditor::complete() {
  const LineInfo* li = el_line(impl_->el);
  const char* start = li->cursor;
  while (start > li->buffer && word_char(start[-1])) --start;
  std::string word(start, li->cursor);
  std::vector<std::string> matches;
  for (auto& c : completer_(word, std::string(static_cast<const char*>(li->buffer), start)))
    if (c.starts_with(word)) matches.push_back(std::move(c));
  std::sort(matches.begin(), matches.end());
  matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
  if (matches.empty()) return CC_REFRESH_BEEP;
  std::string prefix = common_prefix(matches);
  if (matches.size() == 1) prefix = matches.front() + (matches.front().starts_with(":") ? " " : "");
  if (prefix.size() > word.size()) {
    el_insertstr(impl_->el, prefix.substr(word.size()).c_str());
    return CC_REFRESH;
  }
  // Nothing more to insert: list the candidates under the line, then redraw it.
  std::fputs("\n", stdout);
  for (const auto& m : matches) std::fprintf(stdout, "%s  ", m.c_str());
  std::fputs("\n", stdout);
  std::fflush(stdout);
  return CC_REDISPLAY;
}

}  // namespace tariff::cli
