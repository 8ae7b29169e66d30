#pragma once
// The small CSV files beside a usage file (held packs, purchases, ledgers, account states),
// internal to batch/: read line by line in bounded memory, the header checked, each row split and
// handed on with its line number. A row that cannot be read is rejected with its line and reason.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/model/request_builder.hpp"

namespace tariff::rate::detail {

// Thrown by a row's reader: the row is rejected for this reason, and reading goes on.
struct RowRejected : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a resolver of the request builder returns (a name a row gives, resolved as in a rule file
// or on the command line), or the row rejected with the resolver's diagnostic on one line.
template <typename Resolve>
decltype(auto) resolved(Resolve resolve) {
  try {
    return resolve();
  } catch (const DiagnosticError& e) {
    throw RowRejected(one_line(e));
  }
}

struct CsvRows {
  std::string path;
  const char* what;                  // "packs file", "ledger", ...: for messages
  std::vector<std::string> headers;  // the headers accepted; on_row hears which one the file has
  std::function<void(std::uint64_t line, const std::vector<std::string>& fields, std::size_t header)> on_row;
  std::function<void(std::uint64_t line, const std::string& reason)> on_reject;
};

// Reads the file. Throws RateError when it cannot be opened or read, is empty, or its first line
// (after an optional UTF-8 byte order mark) is none of the headers. A row with a different number
// of fields than its header, an unclosed quote, a line longer than max_line_bytes, or a
// RowRejected from on_row is passed to on_reject. Blank lines are skipped.
void read_csv_rows(const CsvRows& file);

}  // namespace tariff::rate::detail
