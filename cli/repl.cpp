// tariff repl: an interactive session over the rules. Script statements are evaluated as typed;
// lines starting with ':' are commands. An entry goes on over several lines while something is
// open (a bracket, an `if` without `else`, a trailing operator). With stdin not a terminal: no
// prompt or banner; the script on stdin is run entry by entry; exit 1 if anything failed.
#include <fmt/format.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <iostream>

#include "cli/common.hpp"
#include "cli/repl_edit.hpp"
#include "cli/repl_help.hpp"
#include "cli/repl_show.hpp"
#include "cli/script_run.hpp"
#include "interpreter/report/explain.hpp"
#include "interpreter/language/parse.hpp"
#include "interpreter/model/month.hpp"
#include "interpreter/base/suggest.hpp"
#include "interpreter/base/utf8.hpp"

namespace tariff::cli {

namespace {

struct Repl {
  std::vector<std::string> paths;
  std::unique_ptr<script::Interpreter> interp;
  ScriptOptions options;
  bool interactive = false;
  std::string source_name;
  std::size_t line = 0;  // lines read so far, so diagnostics give the line in the whole input
  int errors = 0;
  std::string pending;  // the lines of an entry not yet complete, for completion's context

  // The rule files again (after an edit, or with one more file): bindings stay. A rule set with
  // any error is not taken: the session keeps the rules it had, as every command refuses to
  // bill from a partly broken rule set.
  bool reload() {
    Diagnostics d;
    RuleSet rules = load_rules(paths, d);
    print_diagnostics(d);
    if (!d.empty()) {
      ++errors;
      std::cerr << fmt::format("nothing loaded: the rules have {} error{}; the session keeps its rules\n", d.size(),
                               d.size() == 1 ? "" : "s");
      return false;
    }
    std::size_t count = rules.catalog.product_count();
    interp->set_rules(std::make_shared<const RuleSet>(std::move(rules)));
    Diagnostics defined;
    interp->define_loaded(defined);
    print_diagnostics(defined);
    if (!defined.empty()) ++errors;
    std::cout << fmt::format("loaded {} product{}\n", count, count == 1 ? "" : "s");
    return defined.empty();
  }

  // An entry's text as a source whose line numbers are those of the whole session.
  SourcePtr source(const std::string& text, std::size_t first_line) const {
    return std::make_shared<const Source>(source_name, text, static_cast<std::uint32_t>(first_line));
  }

  // `text` is the whole entry as typed; the expression starts at `from`, after ":explain".
  void explain(const std::string& text, std::size_t from, std::size_t first_line) {
    auto src = source(text, first_line);
    Diagnostics d;
    auto statements = parse_script(src, d, from);
    if (!statements || statements->size() != 1 || statements->front()->kind != script::Statement::Kind::expression) {
      if (d.empty()) std::cerr << ":explain needs one expression, like :explain total(b)\n";
      print_diagnostics(d);
      ++errors;
      return;
    }
    // The last bill the expression computed or read is the one behind its value.
    struct LastBill : script::Interpreter::Listener {
      std::shared_ptr<const Bill> bill;
      void bill_used(const std::shared_ptr<const Bill>& b) override { bill = b; }
    } last;
    interp->set_listener(&last);
    struct Unlisten {
      script::Interpreter& interp;
      ~Unlisten() { interp.set_listener(nullptr); }
    } unlisten{*interp};
    try {
      script::Outcome out = interp->run(*statements->front());
      auto bill = last.bill;
      const auto* bill_value = out.value ? std::get_if<script::BillValue>(&*out.value) : nullptr;
      if (bill_value) bill = bill_value->bill;
      if (out.value && !bill)
        std::cout << script::format_value(*out.value, options.print) << "\n(no bill behind this value)\n";
      if (bill) std::cout << explain_bill(*bill);
      if (out.value && bill && !bill_value)
        std::cout << "= " << script::format_value(*out.value, options.print) << "\n";
    } catch (const DiagnosticError& e) {
      print_diagnostics(e.diagnostics);
      ++errors;
    }
  }

  // :help, or :help TOPIC.
  void help(const std::string& topic) {
    if (topic.empty()) {
      std::cout << repl_help();
      return;
    }
    std::string near;
    if (auto text = repl_help(*interp, topic, near)) {
      std::cout << *text;
      return;
    }
    std::cerr << fmt::format(":help: no topic '{}' ({}:help lists the commands)\n", printable(topic),
                             near.empty() ? "" : near + " ");
    ++errors;
  }

  // Runs the command starting at text[start]; false for :quit.
  bool command(const std::string& text, std::size_t start, std::size_t first_line) {
    std::string entry = text.substr(start, text.find_last_not_of(" \t\n") + 1 - start);
    std::string name = entry.substr(0, entry.find_first_of(" \t\n"));
    std::string arg = entry.substr(name.size());
    arg.erase(0, arg.find_first_not_of(" \t\n"));
    while (!arg.empty() && std::isspace(static_cast<unsigned char>(arg.back()))) arg.pop_back();
    bool takes_argument = name == ":show" || name == ":load" || name == ":explain" || name == ":help";
    if (!takes_argument && !arg.empty() &&
        std::count(repl_commands().begin(), repl_commands().end(), name) + (name == ":q") > 0) {
      std::cerr << fmt::format("{} takes no argument, not '{}'\n", name, printable(arg));
      ++errors;
      return true;
    }
    if (name == ":quit" || name == ":q") return false;
    if (name == ":help")
      help(arg);
    else if (name == ":products")
      std::cout << list_products(interp->rules());
    else if (name == ":show") {
      // :show PRODUCT [YYYY-MM]: of a product with versions, the version in force that month.
      std::string id = arg.substr(0, arg.find(' '));
      std::optional<std::string> month;
      if (id.size() < arg.size()) month = arg.substr(arg.find_first_not_of(' ', id.size()));
      if (month && !parse_month(*month)) {
        std::cerr << fmt::format(":show: '{}' is not a month like 2027-01\n", printable(*month));
        ++errors;
      } else if (interp->rules().catalog.find(id)) {
        try {
          std::cout << show_product(find_product(interp->rules(), id, month));
        } catch (const UsageError& e) {
          std::cerr << fmt::format(":show: {}\n", e.what());
          ++errors;
        } catch (const DiagnosticError& e) {
          std::cerr << fmt::format(":show: {}\n", e.diagnostics.list().front().message);
          ++errors;
        }
      } else {
        std::vector<std::string> ids;
        for (const auto& known : interp->rules().catalog.products) ids.push_back(known->id);
        std::string near = did_you_mean(arg, ids);
        std::cerr << fmt::format(":show: unknown product '{}' ({}:products lists them)\n", arg,
                                 near.empty() ? "" : near + " ");
        ++errors;
      }
    } else if (name == ":load") {
      if (arg.empty()) {
        std::cerr << ":load needs a rule file\n";
        ++errors;
      } else {
        paths.push_back(arg);
        if (!reload()) paths.pop_back();
      }
    } else if (name == ":reload")
      reload();
    else if (name == ":explain")
      explain(text, start + name.size(), first_line);
    else if (name == ":json")
      std::cout << "json output " << ((options.json = !options.json) ? "on" : "off") << "\n";
    else if (name == ":wan")
      std::cout << "quantities in 万 " << ((options.print.wan = !options.print.wan) ? "on" : "off") << "\n";
    else {
      std::string near = did_you_mean(name, repl_commands());
      std::cerr << fmt::format("unknown command {} ({}:help lists them)\n", name, near.empty() ? "" : near + " ");
      ++errors;
    }
    return true;
  }

  bool entry(const std::string& text, std::size_t first_line) {
    std::size_t start = text.find_first_not_of(" \t\n");
    if (start == std::string::npos) return true;
    if (text[start] == ':') return command(text, start, first_line);
    // quit and exit leave, as in psql, unless the session has bound them.
    std::string word = text.substr(start, text.find_last_not_of(" \t\n") + 1 - start);
    if ((word == "quit" || word == "exit") && !is_bound(word)) return false;
    // _ is the last value printed, as in Python's REPL.
    errors += run_script(*interp, source(text, first_line), options,
                         [this](const script::Value& v) { interp->bind("_", v); });
    return true;
  }

  bool is_bound(const std::string& name) const {
    auto n = interp->names();
    return std::binary_search(n.begin(), n.end(), name);
  }

  // Tab: the commands after ':', else what the interpreter says a script may write here (its
  // built-ins from their table, the keywords from their one list, the names of the rules).
  // Within a call whose first argument is a product, only that product's meters
  // (bill(faceid, 人脸 offers faceid's): `before` is the entry up to the word.
  std::vector<std::string> completions(const std::string& word, const std::string& before) const {
    if (word.starts_with(":")) return repl_commands();
    return interp->completions(pending + before);
  }
};

// Reads entries until the input ends or :quit. `read` returns nullopt at the end of input.
template <typename Read, typename Cancelled, typename Remember>
void loop(Repl& repl, Read read, Cancelled cancelled, Remember remember) {
  std::string& pending = repl.pending;
  std::size_t first_line = 0;
  for (;;) {
    auto line = read(pending.empty() ? "tariff> " : "   ...> ");
    if (cancelled()) {
      std::cout << "\n";
      pending.clear();
      continue;
    }
    if (!line) {
      if (!pending.empty()) repl.entry(pending, first_line);
      break;
    }
    ++repl.line;
    if (pending.empty()) first_line = repl.line;
    pending += *line + "\n";
    // A statement, or the expression of :explain, goes on while something is open.
    std::size_t start = pending.find_first_not_of(" \t\n");
    bool is_command = start != std::string::npos && pending[start] == ':';
    std::size_t explain = std::string_view(pending).substr(is_command ? start : 0).starts_with(":explain")
                              ? start + std::string_view(":explain").size()
                              : std::string::npos;
    if ((!is_command || explain != std::string::npos) &&
        script_incomplete(repl.source(pending, first_line), is_command ? explain : 0))
      continue;
    remember(pending.substr(0, pending.size() - 1));
    bool go_on = repl.entry(pending, first_line);
    std::cout.flush();
    pending.clear();
    if (!go_on) break;
  }
}

// libedit works in the locale's encoding: make sure it is UTF-8, for 人脸比对.
void use_utf8() {
  const char* set = std::setlocale(LC_CTYPE, "");
  std::string name = set ? set : "";
  if (name.find("UTF-8") == std::string::npos && name.find("utf8") == std::string::npos)
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

}  // namespace

int cmd_repl(Args args) {
  Repl repl;
  repl.paths = rule_paths(args);
  repl.options.json = args.take_flag("--json");
  repl.options.print.wan = args.take_flag("--wan");
  args.expect_no_options();
  if (!args.words.empty()) throw UsageError("repl takes no arguments (rules come from --rules DIR)");
  repl.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  repl.source_name = repl.interactive ? "<repl>" : "<stdin>";
  repl.interp = make_interpreter(load(repl.paths));
  if (!repl.interactive) {
    loop(
        repl,
        [](const char*) -> std::optional<std::string> {
          std::string line;
          if (!std::getline(std::cin, line)) return std::nullopt;
          return line;
        },
        [] { return false; }, [](const std::string&) {});
    return repl.errors == 0 ? ok : problems;
  }
  use_utf8();
  const char* home = std::getenv("HOME");
  std::string history = std::string(home && *home ? home : ".") + "/.tariff_history";
  LineEditor editor("tariff", history,
                    [&](const std::string& word, const std::string& before) { return repl.completions(word, before); });
  std::size_t products = repl.interp->rules().catalog.product_count();
  std::cout << fmt::format("tariff repl: {} product{} loaded. :help for help, Ctrl-D to leave.\n", products,
                           products == 1 ? "" : "s");
  loop(
      repl, [&](const char* prompt) { return editor.read(prompt); }, [&] { return editor.cancelled(); },
      [&](const std::string& entry) { editor.remember(entry); });
  std::cout << "\n";
  return ok;
}

}  // namespace tariff::cli
