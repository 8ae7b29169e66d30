#pragma once
// UTF-8 at the input boundaries: rule files, scripts, CSV fields and command-line names must be
// valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), and text echoed
// back in a message is shown safely, whatever bytes it holds.
#include <cstddef>
#include <string>
#include <string_view>

namespace tariff {

// The length of the valid UTF-8 sequence starting at text[i] (1 for ASCII), or 0 if the byte
// there does not start one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// The offset of the first byte that does not start a valid UTF-8 sequence, or text.size().
std::size_t utf8_valid_prefix(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return utf8_valid_prefix(text) == text.size(); }

// `text` for a message: invalid bytes and control characters written as \xNN, cut after
// `max_chars` characters with "…", so a hostile field can neither break the output's encoding
// nor flood it.
std::string printable(std::string_view text, std::size_t max_chars = 80);

// `text` with each invalid byte replaced by U+FFFD, for output that must be valid UTF-8.
std::string valid_utf8(std::string_view text);

}  // namespace tariff
