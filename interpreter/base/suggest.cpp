#include "interpreter/base/suggest.hpp"

#include <algorithm>

#include "interpreter/base/text_width.hpp"

namespace tariff {

namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    out.push_back(c < 0x80 && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  std::u32string a = code_points(a_text), b = code_points(b_text);
  // Three rows of the dynamic programme: two back for a transposition.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates, std::size_t most) {
  std::size_t length = code_points(word).size();
  if (length == 0) return {};
  std::size_t allowed = std::max<std::size_t>(1, length / 3);
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& c : candidates) {
    if (c.empty() || c == word) continue;
    if (std::any_of(near.begin(), near.end(), [&](const auto& n) { return n.second == c; })) continue;
    std::size_t d = edit_distance(word, c);
    if (d >= std::max(length, code_points(c).size())) continue;  // nothing in common: 'x' is not '万'
    // A prefix of a long name is what was meant when it is a good part of it (人脸 is not).
    bool prefix = length >= 3 && c.size() > word.size() && c.compare(0, word.size(), word) == 0;
    if (d <= allowed || prefix) near.emplace_back(prefix ? std::min(d, allowed) : d, c);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < near.size() && out.size() < most; ++i) out.push_back(near[i].second);
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto found = nearest(word, candidates);
  if (found.empty()) return {};
  std::string out = "did you mean ";
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) out += i + 1 == found.size() ? " or " : ", ";
    out += "'" + found[i] + "'";
  }
  return out + "?";
}

std::string with_suggestion(std::string_view word, const std::vector<std::string>& candidates, std::string hint) {
  std::string suggestion = did_you_mean(word, candidates);
  if (suggestion.empty()) return hint;
  return hint.empty() ? suggestion : suggestion + "\n" + hint;
}

}  // namespace tariff
