#include "text/decide.hpp"

#include <algorithm>
#include <cmath>


namespace advise::detail::text {
namespace {

// A feature the models know, once, with the words it first came from.
struct Present {
    std::uint32_t feature;
    std::uint32_t begin, end;
};

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

Learned decide(const ReaderModels& models, const TextFacts& facts, std::string_view text) {
    Learned out;
    if (!models.trained()) return out;
    // Each known feature once, with its first words; the indices alone for scoring.
    std::vector<Present> present;
    present.reserve(facts.features.size());
    for (const auto& hit : facts.features)
        if (const auto f = models.features.find(hit.hash); f != FeatureIndex::none) present.push_back({f, hit.begin, hit.end});
    std::stable_sort(present.begin(), present.end(), [](const Present& a, const Present& b) { return a.feature < b.feature; });
    present.erase(std::unique(present.begin(), present.end(), [](const Present& a, const Present& b) { return a.feature == b.feature; }),
                  present.end());
    std::vector<std::uint32_t> indices;
    indices.reserve(present.size());
    for (const auto& p : present) indices.push_back(p.feature);
    const float value = indices.empty() ? 0.0f : 1.0f / std::sqrt(static_cast<float>(indices.size()));
    out.understood = !indices.empty();
    if (!out.understood) return out;
    std::vector<float> scores, probs[static_cast<int>(LearnedFact::count)];
    for (int f = 0; f < static_cast<int>(LearnedFact::count); ++f) {
        const auto& m = models.facts[f];
        if (!m.trained()) continue;
        m.score(indices, value, scores);
        probabilities(scores, probs[f]);
        const auto best = static_cast<std::size_t>(std::max_element(probs[f].begin(), probs[f].end()) - probs[f].begin());
        auto& choice = out.facts[f];
        choice.value = m.labels[best];
        choice.probability = probs[f][best];
        if (static_cast<LearnedFact>(f) != LearnedFact::topic) choice.words = weightiest_words(m, best, present, value, facts, text);
    }
    // The three likeliest topics, best first: the answer and its runners-up.
    const auto& topic_model = models[LearnedFact::topic];
    if (!topic_model.trained()) return out;
    const auto& p = probs[static_cast<int>(LearnedFact::topic)];
    std::vector<std::size_t> order(p.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
    for (std::size_t i = 0; i < order.size() && i < 3; ++i)
        out.topics.push_back({topic_model.labels[order[i]], p[order[i]],
                              weightiest_words(topic_model, order[i], present, value, facts, text)});
    out.facts[static_cast<int>(LearnedFact::topic)] = out.topics.front();
    return out;
}

}  // namespace advise::detail::text
