// Frames as CSV in memory. The frame is written a block of rows at a time, column after column:
// one column's cells lie together in memory (pandas makes them in that order), so reading them
// column-wise touches far fewer cache lines than reading row by row across five columns; the
// block's columns are then interleaved into lines. A str cell is read in place (its UTF-8 bytes,
// no Python call for ASCII text), an int64 column is formatted here.
#include "python/frame_file.hpp"

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace py = pybind11;

namespace tariff::python {

MemoryFile::MemoryFile() : fd_(::memfd_create("tariff-frame", MFD_CLOEXEC)) {
  if (fd_ < 0) throw std::runtime_error(fmt::format("memfd_create: {}", std::strerror(errno)));
}

MemoryFile::~MemoryFile() { ::close(fd_); }

void MemoryFile::write(std::string_view text) {
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(fmt::format("writing a frame to memory: {}", std::strerror(errno)));
    done += static_cast<std::size_t>(n);
  }
}

std::string MemoryFile::path() const { return fmt::format("/proc/self/fd/{}", fd_); }

namespace {

// Whether `text` holds a byte that makes a CSV field need quotes (comma, quote) or that no field
// may hold (a line break): eight bytes at a time, as most cells hold none.
bool has_special(std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto any_byte = [](std::uint64_t x, char c) {
    std::uint64_t y = x ^ (ones * static_cast<unsigned char>(c));
    return (y - ones) & ~y & highs;  // nonzero when some byte of x is c
  };
  for (std::size_t i = 0; i < text.size(); i += 8) {
    std::uint64_t word = 0;  // the tail padded with NULs, which are none of the four
    std::memcpy(&word, text.data() + i, std::min<std::size_t>(8, text.size() - i));
    if (any_byte(word, ',') | any_byte(word, '"') | any_byte(word, '\r') | any_byte(word, '\n')) return true;
  }
  return false;
}

// str cells already written, by object: a column of months or products holds a few objects many
// times over (pandas makes one per distinct value in a chunk), each then checked once. The cells
// stay alive (the column holds them) and a str never changes, so an object's text stays valid.
class SeenText {
 public:
  const std::string_view* find(PyObject* cell) const {
    const Slot& s = slots_[slot(cell)];
    return s.cell == cell ? &s.text : nullptr;
  }
  void add(PyObject* cell, std::string_view text) { slots_[slot(cell)] = {cell, text}; }

 private:
  struct Slot {
    PyObject* cell = nullptr;
    std::string_view text;
  };
  std::array<Slot, 1024> slots_{};
  static std::size_t slot(PyObject* cell) { return (reinterpret_cast<std::uintptr_t>(cell) >> 4) % 1024; }
};

// One column of a frame: a numpy int64 array (read as it is), or any sequence of cells.
struct Column {
  py::object holder;
  const std::int64_t* integers = nullptr;
  PyObject** cells = nullptr;
  std::size_t size = 0;

  explicit Column(const py::object& values) {
    if (py::isinstance<py::array_t<std::int64_t>>(values)) {
      auto a = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(values);
      if (!a || a.ndim() != 1) throw py::value_error("a frame's column must be one-dimensional");
      holder = a;
      integers = a.data();
      size = static_cast<std::size_t>(a.size());
      return;
    }
    if (py::isinstance<py::array>(values)) {  // an object column: its cells, in place
      auto a = py::reinterpret_borrow<py::array>(values);
      if (a.dtype().kind() == 'O' && a.ndim() == 1 && a.strides(0) == sizeof(PyObject*)) {
        holder = a;
        cells = const_cast<PyObject**>(static_cast<PyObject* const*>(a.data()));  // read, never written
        size = static_cast<std::size_t>(a.size());
        return;
      }
    }
    PyObject* seq = PySequence_Fast(values.ptr(), "a frame's column must be a sequence");
    if (!seq) throw py::error_already_set();
    holder = py::reinterpret_steal<py::object>(seq);
    cells = PySequence_Fast_ITEMS(seq);
    size = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(seq));
  }
};

// One block of one column as text: cell r is text[ends[r - 1], ends[r]) (ends[-1] being 0).
struct ColumnText {
  std::string text;
  std::vector<std::size_t> ends;
  void clear() { text.clear(), ends.clear(); }
};

class CellWriter {
 public:
  CellWriter(const std::string& what) : what_(what), decimal_(py::module_::import("decimal").attr("Decimal")) {}

  // Appends the field of `cell` (row `row` of the column `column`) to `out`.
  void append(std::string& out, PyObject* cell, const std::string& column, std::size_t row) {
    if (const std::string_view* seen = seen_.find(cell)) {
      out.append(*seen);
      return;
    }
    std::string_view text = view(cell, column, row);
    if (!has_special(text)) {
      if (PyUnicode_Check(cell)) seen_.add(cell, text);
      out.append(text);
      return;
    }
    if (text.find_first_of("\r\n") != std::string_view::npos)
      throw py::value_error(fmt::format("{} row {}: the {} holds a line break", what_, row, column));
    out += '"';
    for (char c : text) out += c == '"' ? std::string_view("\"\"") : std::string_view(&c, 1);
    out += '"';
  }

 private:
  const std::string& what_;
  py::object decimal_;
  std::string scratch_;
  SeenText seen_;

  std::string_view view(PyObject* cell, const std::string& column, std::size_t row) {
    if (PyUnicode_Check(cell)) {
      if (PyUnicode_IS_COMPACT_ASCII(cell))  // the bytes are the text: no call, no copy
        return {static_cast<const char*>(PyUnicode_DATA(cell)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(cell))};
      Py_ssize_t size = 0;
      const char* text = PyUnicode_AsUTF8AndSize(cell, &size);
      if (!text) throw py::error_already_set();
      return {text, static_cast<std::size_t>(size)};
    }
    if (cell == Py_None) return {};
    return other(cell, column, row);
  }

  std::string_view other(PyObject* cell, const std::string& column, std::size_t row) {
    if (PyFloat_Check(cell)) {
      if (std::isnan(PyFloat_AsDouble(cell))) return {};
      throw py::type_error(
          fmt::format("{} row {}: the {} is a float ({}); quantities are exact: give int, "
                      "Decimal or str (read CSV files with dtype=str)",
                      what_, row, column, py::repr(cell).cast<std::string>()));
    }
    py::handle h(cell);
    // numpy's bool_ has __index__: without this a bool column would be written as 0 and 1.
    if (PyBool_Check(cell) || std::string_view(Py_TYPE(cell)->tp_name).starts_with("numpy.bool"))
      throw py::type_error(fmt::format("{} row {}: the {} is a bool", what_, row, column));
    if (PyLong_Check(cell) || PyIndex_Check(cell)) {
      auto number = py::reinterpret_steal<py::object>(PyNumber_Index(cell));
      if (!number) throw py::error_already_set();
      int overflow = 0;
      long long v = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
      scratch_ = overflow ? py::str(number).cast<std::string>() : fmt::format_int(v).str();
    } else if (py::isinstance(h, decimal_)) {
      scratch_ = py::str(h.attr("__format__")("f")).cast<std::string>();
    } else if (std::string_view(Py_TYPE(cell)->tp_name) == "NAType") {
      return {};
    } else {
      throw py::type_error(fmt::format("{} row {}: the {} is a {}; give str, int or Decimal", what_, row, column,
                                       Py_TYPE(cell)->tp_name));
    }
    return scratch_;
  }
};

// Rows [first, last) of one column as text.
void column_block(const Column& c, std::size_t first, std::size_t last, const std::string& name, CellWriter& cells,
                  ColumnText& out) {
  out.clear();
  for (std::size_t r = first; r < last; ++r) {
    if (c.integers) {
      fmt::format_int digits(c.integers[r]);  // a negative one is rejected by the reader
      out.text.append(digits.data(), digits.size());
    } else {
      cells.append(out.text, c.cells[r], name, r);
    }
    out.ends.push_back(out.text.size());
  }
}

}  // namespace

void write_frame(const std::vector<py::object>& columns, const std::vector<std::string>& names, const std::string& what,
                 MemoryFile& file) {
  if (columns.size() != names.size()) throw py::value_error("write_frame: a name for every column");
  std::vector<Column> cols;
  for (const auto& values : columns) {
    cols.emplace_back(values);
    if (cols.back().size != cols.front().size)
      throw py::value_error(fmt::format("the {} columns differ in length", what));
  }
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  out += '\n';
  std::size_t rows = cols.empty() ? 0 : cols.front().size;
  constexpr std::size_t block = 1 << 14;
  CellWriter cells(what);
  std::vector<ColumnText> texts(cols.size());
  for (std::size_t first = 0; first < rows; first += block) {
    std::size_t last = std::min(rows, first + block);
    for (std::size_t c = 0; c < cols.size(); ++c) column_block(cols[c], first, last, names[c], cells, texts[c]);
    for (std::size_t r = 0; r < last - first; ++r) {
      for (std::size_t c = 0; c < cols.size(); ++c) {
        if (c) out += ',';
        std::size_t begin = r ? texts[c].ends[r - 1] : 0;
        out.append(texts[c].text, begin, texts[c].ends[r] - begin);
      }
      out += '\n';
    }
    file.write(out);
    out.clear();
  }
  file.write(out);
}

}  // namespace tariff::python
