#pragma once
// A pandas frame's columns written as a CSV file in memory (memfd), so that usage frames, ledger
// frames, purchases and account states are read by the very code that reads the CLI's files:
// every check and every message of a row is the file's (batch/account_files.cpp, row_reader.cpp).
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace tariff::python {

// A regular file to the rater (/proc/self/fd/N), split into --jobs chunks as a file on disk is.
class MemoryFile {
 public:
  MemoryFile();
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  void write(std::string_view text);
  std::string path() const;

 private:
  int fd_;
};

// Writes the header `names` joined by commas, then one line per row of `columns` (each a numpy
// array or a sequence, all of one length). Cells: str as it is (quoted when it holds a comma or a
// quote); int and numpy integers in digits; Decimal in plain notation; None, NaN and pandas' NA
// as an empty field (which the reader rejects with its line where a value is needed). Refused
// with TypeError naming the row: a float (quantities are exact), a bool, any other type; with
// ValueError: a line break in a cell. `what` names the frame in messages ("usage row 3: ...").
void write_frame(const std::vector<pybind11::object>& columns, const std::vector<std::string>& names,
                 const std::string& what, MemoryFile& file);

}  // namespace tariff::python
