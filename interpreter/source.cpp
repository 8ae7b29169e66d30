#include "interpreter/source.hpp"

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

Source::Position Source::position(std::size_t offset) const {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!is_continuation_byte(text[i])) {
      ++p.column;
    }
  }
  return p;
}

std::string_view Source::line_text(std::uint32_t line) const {
  std::size_t begin = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    begin = text.find('\n', begin);
    if (begin == std::string::npos) return {};
    ++begin;
  }
  std::size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  std::string_view view(text);
  view = view.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace tariff
