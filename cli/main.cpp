// tariff: check, test and evaluate pricing rules. Dispatch only; each command has its own file.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/common.hpp"

namespace {

constexpr const char* usage = R"(usage: tariff COMMAND [ARGS...] [--rules DIR]

commands:
  check [PATH...]                 parse and check rule files (default: the bundled rules)
  test [PATH...]                  replay every worked example and script test
  bill PRODUCT [METER=QTY...]     bill one month: --buy METER=SIZE[xN], --held METER=LEFT[/SIZE],
                                  --fee NAME=N or NAME:DIM=N,DIM=N, --STATE (any state
                                  the rules name) or --state NAME, --month YYYY-MM
                                  --STATE-since YYYY-MM (a grant's age), --json; against a
                                  ledger: --month M --ledger OPEN.csv --account A --ledger-out F
  plan PRODUCT METER=ANNUAL_QTY   cheapest packs for a year's volume, against postpaid
  rate [USAGE.csv | -]            rate usage of one or more months (account,month,product,meter,
                                  quantity): --out FILE, --format csv|jsonl, --rejects FILE,
                                  --jobs N, --detail, --packs FILE (account,product,meter,
                                  remaining); over months: --purchases BUY.csv, --ledger OPEN.csv,
                                  --ledger-out CLOSE.csv, --accounts STATES.csv, --alerts FILE
  simulate [FILE...]              play scenarios month by month: --scenario TITLE, --json
  eval -e 'EXPR' | FILE           run a script and print its values: --json, --wan (350万)
  repl                            an interactive session: bindings, bills, :explain (:help inside)
  help                            this text

rules come from --rules DIR, else $TARIFF_PATH, else the bundled rules/.
)";

}  // namespace

namespace {

int dispatch(const std::string& command, tariff::cli::Args args) {
  using namespace tariff::cli;
  if (command == "check") return cmd_check(std::move(args));
  if (command == "test") return cmd_test(std::move(args));
  if (command == "bill") return cmd_bill(std::move(args));
  if (command == "plan") return cmd_plan(std::move(args));
  if (command == "eval") return cmd_eval(std::move(args));
  if (command == "repl") return cmd_repl(std::move(args));
  if (command == "rate") return cmd_rate(std::move(args));
  if (command == "simulate") return cmd_simulate(std::move(args));
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << usage;
    return ok;
  }
  throw UsageError(fmt::format("unknown command '{}'", command));
}

// What a command printed must have reached its reader: a full disk or a closed pipe is an error.
void check_output_written() {
  using tariff::cli::UsageError;
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
    throw UsageError(fmt::format("cannot write the output: {}", std::strerror(errno ? errno : EIO)));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tariff::cli;
  if (argc < 2) {
    std::cerr << usage;
    return usage_error;
  }
  try {
    int rc = dispatch(argv[1], Args{std::vector<std::string>(argv + 2, argv + argc)});
    check_output_written();
    return rc;
  } catch (const UsageError& e) {
    std::cerr << "tariff: " << e.what() << "\n";
    return usage_error;
  } catch (const tariff::DiagnosticError& e) {  // a name that resolves to nothing, and why
    print_diagnostics(e.diagnostics);
    return usage_error;
  } catch (const std::exception& e) {
    std::cerr << "tariff: internal error: " << e.what() << "\n";
    return internal_error;
  }
}
