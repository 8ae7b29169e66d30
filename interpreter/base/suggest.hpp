#pragma once
// "Did you mean": the known names nearest to an unknown one, by edit distance counted in
// characters (code points), so that 照片人脸核生 is one edit from 照片人脸核身 as cylce is from cycle.
// Every place that rejects a name a user typed (a command, an option, a product, a meter, a pack
// size, a fee, a state, a keyword, a settlement step, a function, a REPL command) asks here.
#include <string>
#include <string_view>
#include <vector>

namespace tariff {

// Optimal string alignment distance (insertions, deletions, substitutions and transpositions of
// two neighbours, each 1) between two UTF-8 strings, by code point; ASCII letters compare without
// case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates close enough to `word` to be what was meant, nearest first (ties in the order
// given), at most `most`: within a third of the word's length (at least one edit), or holding it
// whole as a prefix. Duplicates and `word` itself are left out.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t most = 3);

// "did you mean 'cycle'?", "did you mean 'packs' or 'pack'?", or "" when nothing is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// `hint` with "did you mean …?" as its first line when a candidate is near.
std::string with_suggestion(std::string_view word, const std::vector<std::string>& candidates, std::string hint);

}  // namespace tariff
