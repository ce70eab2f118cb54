#include "text/decide.hpp"

#include <algorithm>
#include <cmath>


namespace advise::detail::text {
namespace {

// The words of the text that weighed most for class `cls`: each feature's weight credited to the
// words it came from, then the three word groups with the most. Sorting keeps long texts fast.
std::string weightiest_words(const LinearModel& m, std::size_t cls, const std::vector<Present>& present, float value,
                             const TextFacts& facts, std::string_view text) {
    struct Credit {
        std::uint32_t begin, end;
        float weight;
    };
    std::vector<Credit> credits;
    for (const auto& p : present)
        if (const float w = m.weight(p.feature, cls) * value; w > 0) credits.push_back({p.begin, p.end, w});
    std::sort(credits.begin(), credits.end(),
              [](const Credit& a, const Credit& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < credits.size(); ++i) {
        if (kept > 0 && credits[kept - 1].begin == credits[i].begin && credits[kept - 1].end == credits[i].end)
            credits[kept - 1].weight += credits[i].weight;
        else
            credits[kept++] = credits[i];
    }
    credits.resize(kept);
    std::sort(credits.begin(), credits.end(), [](const Credit& a, const Credit& b) { return a.weight > b.weight; });
    std::string out;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shown;
    for (const auto& c : credits) {
        if (shown.size() == 3) break;
        // A group inside one already shown adds nothing ("speech" inside "speech sessions").
        if (std::any_of(shown.begin(), shown.end(), [&](const auto& s) { return c.begin >= s.first && c.end <= s.second; })) continue;
        shown.emplace_back(c.begin, c.end);
        const auto from = facts.token_bytes[c.begin].first, to = facts.token_bytes[c.end - 1].second;
        if (!out.empty()) out += ", ";
        out += text.substr(from, to - from);
    }
    return out;
}

}  // namespace

std::string Learned::words(LearnedFact fact, const Choice& choice) const {
    if (!models || !read) return {};
    return weightiest_words((*models)[fact], choice.cls, present, value, *read, text);
}

Learned decide(const ReaderModels& models, const TextFacts& facts, std::string_view text) {
    Learned out;
    if (!models.trained()) return out;
    out.models = &models;
    out.read = &facts;
    out.text = text;
    // Each known feature once, with its first words; the indices alone for scoring.
    auto& present = out.present;
    present.reserve(facts.features.size());
    for (const auto& hit : facts.features)
        if (const auto f = models.features.find(hit.hash); f != FeatureIndex::none) present.push_back({f, hit.begin, hit.end});
    std::sort(present.begin(), present.end(), [](const Present& a, const Present& b) {
        return a.feature != b.feature ? a.feature < b.feature : a.begin < b.begin;
    });
    present.erase(std::unique(present.begin(), present.end(), [](const Present& a, const Present& b) { return a.feature == b.feature; }),
                  present.end());
    std::vector<std::uint32_t> indices;
    indices.reserve(present.size());
    for (const auto& p : present) indices.push_back(p.feature);
    out.value = indices.empty() ? 0.0f : 1.0f / std::sqrt(static_cast<float>(indices.size()));
    out.understood = !indices.empty();
    if (!out.understood) return out;
    std::vector<float> scores, probs;
    for (int f = 0; f < static_cast<int>(LearnedFact::count); ++f) {
        const auto& m = models.facts[f];
        if (!m.trained()) continue;
        m.score(indices, out.value, scores);
        probabilities(scores, probs);
        const auto best = static_cast<std::size_t>(std::max_element(probs.begin(), probs.end()) - probs.begin());
        out.facts[f] = {m.labels[best], probs[best], static_cast<std::uint32_t>(best)};
        if (static_cast<LearnedFact>(f) != LearnedFact::topic) continue;
        // The three likeliest topics, best first: the answer and its runners-up.
        std::vector<std::uint32_t> order(probs.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        const auto top = std::min<std::size_t>(3, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                          [&](std::uint32_t a, std::uint32_t b) { return probs[a] != probs[b] ? probs[a] > probs[b] : a < b; });
        for (std::size_t i = 0; i < top; ++i) out.topics.push_back({m.labels[order[i]], probs[order[i]], order[i]});
    }
    return out;
}

}  // namespace advise::detail::text
