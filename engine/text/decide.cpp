#include "text/decide.hpp"

#include <algorithm>

#include "text/train.hpp"

namespace advise::detail::text {
namespace {

// The words of the text that weighed most for class `cls`: each feature's weight credited to the
// words it came from, then the three word groups with the most.
std::string weightiest_words(const LinearModel& m, std::size_t cls, const TextFacts& facts, const FeatureIndex& index,
                             float value, std::string_view text) {
    struct Credit {
        std::uint32_t begin, end;
        float weight;
    };
    std::vector<Credit> credits;
    std::vector<bool> counted(index.size(), false);
    for (const auto& hit : facts.features) {
        const auto f = index.find(hit.hash);
        if (f == FeatureIndex::none || counted[f]) continue;
        counted[f] = true;
        const float w = m.weight(f, cls) * value;
        if (w <= 0) continue;
        auto it = std::find_if(credits.begin(), credits.end(), [&](const Credit& c) { return c.begin == hit.begin && c.end == hit.end; });
        if (it == credits.end()) credits.push_back({hit.begin, hit.end, w});
        else it->weight += w;
    }
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
    std::vector<std::uint64_t> hashes;
    hashes.reserve(facts.features.size());
    for (const auto& f : facts.features) hashes.push_back(f.hash);
    std::vector<std::uint32_t> indices;
    const float value = feature_indices(models.features, hashes, indices);
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
        if (static_cast<LearnedFact>(f) != LearnedFact::topic) choice.words = weightiest_words(m, best, facts, models.features, value, text);
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
                              weightiest_words(topic_model, order[i], facts, models.features, value, text)});
    out.facts[static_cast<int>(LearnedFact::topic)] = out.topics.front();
    return out;
}

}  // namespace advise::detail::text
