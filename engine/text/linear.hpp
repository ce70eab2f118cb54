// A linear model over the reader's features: one weight a feature and class, plus a bias.
// Trained when a rule set is compiled (text/train.hpp); scoring is a sum of weight rows.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "model/bytes.hpp"

namespace advise::detail::text {

struct LinearModel {
    std::vector<std::int32_t> labels;  // class -> the value it stands for (an id index, or 0/1...)
    Block<float> weights;              // feature-major: weights[feature * classes + class]
    Block<float> bias;                 // by class

    bool trained() const { return !labels.empty(); }
    std::size_t classes() const { return labels.size(); }

    // Scores of every class for these feature indices (each present once, all weighing
    // `value`); `out` is resized to the number of classes.
    void score(const std::vector<std::uint32_t>& features, float value, std::vector<float>& out) const {
        const auto n = classes();
        out.assign(bias.data(), bias.data() + bias.size());
        const float* all = weights.data();
        for (const auto f : features) {
            const float* row = all + static_cast<std::size_t>(f) * n;
            for (std::size_t c = 0; c < n; ++c) out[c] += value * row[c];
        }
    }
    float weight(std::uint32_t feature, std::size_t cls) const { return weights[feature * classes() + cls]; }
};
template <typename F> void fields(LinearModel& m, F&& f) { f(m.labels), f(m.weights), f(m.bias); }

// Class probabilities from one-vs-rest scores: each class's own logistic, normalised.
inline void probabilities(const std::vector<float>& scores, std::vector<float>& out) {
    out.resize(scores.size());
    float total = 0;
    for (std::size_t c = 0; c < scores.size(); ++c) total += out[c] = 1.0f / (1.0f + std::exp(-scores[c]));
    if (total > 0)
        for (auto& p : out) p /= total;
}

}  // namespace advise::detail::text
