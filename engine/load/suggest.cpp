#include "load/suggest.hpp"

#include <algorithm>

namespace advise::detail {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    // Optimal string alignment: a swap of two neighbouring letters ("saftey") counts as one edit.
    const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (diff > limit) return limit + 1;
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        std::size_t row_min = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
            row_min = std::min(row_min, row[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return std::min(previous[b.size()], limit + 1);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Allow about one typo in four letters, at least one.
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 4);
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (auto candidate : candidates) {
        const auto d = edit_distance(word, candidate, limit);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    if (best.empty()) return {};
    return " (did you mean '" + std::string(best) + "'?)";
}

}  // namespace advise::detail
