#pragma once
// One type for every error, syntax or semantic (see docs in README "Diagnostics").
// The library never prints: it collects diagnostics; the CLI renders them.
#include <string>
#include <vector>

#include "interpreter/base/source.hpp"

namespace tariff {

struct Note {
  Span span;
  std::string message;
};

// An error stops what it is about; a warning (tariff lint's findings) says what a rule set does
// that its authors may not mean, and stops nothing.
enum class Severity { error, warning };

struct Diagnostic {
  std::string code;         // stable, for tests and tools: "syntax", "band-gap", "unknown-meter", ...
  Span span;                // where the caret goes
  std::string message;      // "bands (0, 300万] and (400万, 1500万] leave a gap"
  std::string hint;         // what to do about it; may be empty
  std::vector<Note> notes;  // other places involved (the band it overlaps, the first definition)
  Severity severity = Severity::error;
};

class Diagnostics {
 public:
  void error(std::string code, Span span, std::string message, std::string hint = {}, std::vector<Note> notes = {});
  void warning(std::string code, Span span, std::string message, std::string hint = {}, std::vector<Note> notes = {});
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> list_;
};

struct RenderOptions {
  bool colour = false;  // ANSI colours, for a terminal
};

// Human rendering, rustc-style (a warning reads `warning[code]:` where an error reads `error[code]:`):
//   file:line:col: error[code]: message
//      12 |   | detect | 0.0005 |
//         |            ^^^^^^
//   hint: ...
// A hint of several lines is shown line under line.
std::string render(const Diagnostic& d, const RenderOptions& options);
// The same with the process's default options, which the program sets once from --color and the
// terminal (so that every place that prints a diagnostic follows it); no colour unless set.
std::string render(const Diagnostic& d);
RenderOptions& default_render_options();
// For tools: one JSON object, every field present (null when it has no value): code, severity,
// file, line, column, end {line, column} (just past the span), message, hint, notes [{file, line,
// column, end, message}]. Columns count code points from 1.
std::string render_json(const Diagnostic& d);

// Thrown where a caller cannot go on (loading a rule set, evaluating a script).
struct DiagnosticError : std::exception {
  Diagnostics diagnostics;
  explicit DiagnosticError(Diagnostics d) : diagnostics(std::move(d)) {}
  const char* what() const noexcept override { return "diagnostics"; }
};

}  // namespace tariff
