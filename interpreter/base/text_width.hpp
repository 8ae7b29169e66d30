#pragma once
// Terminal display width of UTF-8 text: East Asian wide characters (人脸比对) take two cells.
// Used to line up carets under source lines and columns of tables.
#include <cstddef>
#include <string_view>

namespace tariff {

int display_width(char32_t code_point);
std::size_t display_width(std::string_view utf8);
// Decodes the code point at text[i] and advances i; a malformed byte counts as one character.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace tariff
