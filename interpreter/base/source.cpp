#include "interpreter/base/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tariff {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

SourcePtr make_source(std::string name, std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return std::make_shared<const Source>(Source{std::move(name), std::move(text)});
}

std::optional<std::string> read_source_text(const std::string& path, std::string& error) {
  int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string(std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    error = "is a directory";
  } else {
    std::string out;
    char block[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, block, sizeof block);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = std::strerror(errno);
        break;
      }
      if (n == 0) {
        text = std::move(out);
        break;
      }
      if (out.size() + static_cast<std::size_t>(n) > max_source_bytes) {
        error = "larger than " + std::to_string(max_source_bytes >> 20) + " MiB, the most a rule file or script may hold";
        break;
      }
      out.append(block, static_cast<std::size_t>(n));
    }
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return text;
}

Source::Source(std::string n, std::string t, std::uint32_t first)
    : name(std::move(n)), text(std::move(t)), first_line(first) {
  line_starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) line_starts_.push_back(i + 1);
}

Source::Position Source::position(std::size_t offset) const {
  offset = std::min(offset, text.size());
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
  Position p;
  p.line = first_line + static_cast<std::uint32_t>(line - 1);
  for (std::size_t i = line_starts_[static_cast<std::size_t>(line - 1)]; i < offset; ++i)
    if (!is_continuation_byte(text[i])) ++p.column;
  return p;
}

std::string_view Source::line_text(std::uint32_t line) const {
  if (line < first_line || line - first_line >= line_starts_.size()) return {};
  std::size_t begin = line_starts_[line - first_line];
  std::size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  std::string_view view = std::string_view(text).substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace tariff
