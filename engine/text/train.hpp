// Training the reader's models (text/models.hpp) from labelled texts, with liblinear's
// L2-regularised logistic regression (one against the rest): deterministic, and fast enough to
// run whenever a rule set is compiled.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "text/models.hpp"

namespace advise::detail::text {

// One labelled text: its feature hashes (each once) and its class in each fact, -1 when the
// text does not say.
struct TrainingText {
    std::vector<std::uint64_t> features;
    std::array<std::int32_t, static_cast<int>(LearnedFact::count)> labels{-1, -1, -1, -1, -1};
};

struct TrainingOptions {
    double c = 1.0;           // inverse regularisation strength
    std::uint32_t min_count = 2;  // features seen in fewer texts are left out
    double close_second = 0.5;    // see ReaderModels::close_second
    bool phrase_features = true;  // the rule set's phrases that matched are features too
};

ReaderModels train(const std::vector<TrainingText>& texts, const TrainingOptions& options);

// The features of one text as indices into `index`, each once, with the weight each carries
// (1 / sqrt(count): every text's features have unit length).
float feature_indices(const FeatureIndex& index, const std::vector<std::uint64_t>& hashes, std::vector<std::uint32_t>& out);

}  // namespace advise::detail::text
