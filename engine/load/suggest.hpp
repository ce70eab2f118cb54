// "Did you mean ...?": the closest known word to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace advise::detail {

// Levenshtein distance, capped: returns `limit + 1` as soon as the distance exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// " (did you mean 'x'?)" when one candidate is close enough, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace advise::detail
