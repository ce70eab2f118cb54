#include "text/train.hpp"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

namespace advise::detail::text {
namespace {

void quiet(const char*) {}

// liblinear prints progress through one global function: set it once, under a lock.
std::mutex& liblinear_lock() {
    static std::mutex lock;
    return lock;
}

LinearModel train_one(const std::vector<TrainingText>& texts, const FeatureIndex& index, LearnedFact fact,
                      const TrainingOptions& options) {
    const auto slot = static_cast<std::size_t>(fact);
    std::vector<double> y;
    std::vector<std::vector<feature_node>> rows;
    std::vector<std::uint32_t> indices;
    for (const auto& t : texts) {
        if (t.labels[slot] < 0) continue;
        const float value = feature_indices(index, t.features, indices);
        std::vector<feature_node> row;
        row.reserve(indices.size() + 2);
        for (const auto i : indices) row.push_back({static_cast<int>(i) + 1, value});  // liblinear counts from 1
        row.push_back({static_cast<int>(index.size()) + 1, 1.0});                     // the bias feature
        row.push_back({-1, 0.0});
        rows.push_back(std::move(row));
        y.push_back(t.labels[slot]);
    }
    LinearModel out;
    std::vector<double> distinct(y);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.empty()) return out;
    if (distinct.size() == 1) {  // one class only: it always wins
        out.labels = {static_cast<std::int32_t>(distinct[0])};
        out.weights.own(std::vector<float>(index.size(), 0.0f));
        out.bias.own({1.0f});
        return out;
    }
    std::vector<feature_node*> x;
    for (auto& row : rows) x.push_back(row.data());
    problem prob{};
    prob.l = static_cast<int>(rows.size());
    prob.n = static_cast<int>(index.size()) + 1;
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = -1;  // the bias is an ordinary feature of every row, above
    parameter param{};
    param.solver_type = L2R_LR;  // primal trust-region Newton: no randomness, same model every time
    param.eps = 0.01;
    param.C = options.c;
    model* trained = nullptr;
    {
        std::lock_guard<std::mutex> guard(liblinear_lock());
        set_print_string_function(&quiet);
        trained = ::train(&prob, &param);
    }
    const int classes = get_nr_class(trained);
    std::vector<int> labels(static_cast<std::size_t>(classes));
    get_labels(trained, labels.data());
    const std::size_t n = index.size();
    const auto k = static_cast<std::size_t>(classes);
    out.labels.assign(labels.begin(), labels.end());
    std::vector<float> weights(n * k, 0.0f), bias(k, 0.0f);
    if (classes == 2) {
        // One weight vector for the first label; the other class gets its negation, halved on
        // both sides so that the two scores stay symmetric.
        for (std::size_t f = 0; f < n; ++f) {
            const auto w = static_cast<float>(trained->w[f]) / 2;
            weights[f * 2] = w;
            weights[f * 2 + 1] = -w;
        }
        bias = {static_cast<float>(trained->w[n]) / 2, -static_cast<float>(trained->w[n]) / 2};
    } else {
        for (std::size_t f = 0; f < n; ++f)
            for (std::size_t c = 0; c < k; ++c) weights[f * k + c] = static_cast<float>(trained->w[f * k + c]);
        for (std::size_t c = 0; c < k; ++c) bias[c] = static_cast<float>(trained->w[n * k + c]);
    }
    free_and_destroy_model(&trained);
    out.weights.own(std::move(weights));
    out.bias.own(std::move(bias));
    return out;
}

}  // namespace

float feature_indices(const FeatureIndex& index, const std::vector<std::uint64_t>& hashes, std::vector<std::uint32_t>& out) {
    out.clear();
    for (const auto h : hashes)
        if (const auto i = index.find(h); i != FeatureIndex::none) out.push_back(i);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out.empty() ? 0.0f : 1.0f / std::sqrt(static_cast<float>(out.size()));
}

ReaderModels train(const std::vector<TrainingText>& texts, const TrainingOptions& options) {
    ReaderModels models;
    models.close_second = static_cast<float>(options.close_second);
    // The features seen in at least `min_count` texts, in a fixed order (by hash) so that the
    // same texts always give the same model.
    std::unordered_map<std::uint64_t, std::uint32_t> seen;
    for (const auto& t : texts)
        for (const auto h : t.features) ++seen[h];
    std::vector<std::uint64_t> kept;
    for (const auto& [hash, count] : seen)
        if (count >= options.min_count) kept.push_back(hash);
    std::sort(kept.begin(), kept.end());
    if (kept.empty()) return models;
    models.features.assign(std::move(kept));
    for (int f = 0; f < static_cast<int>(LearnedFact::count); ++f)
        models.facts[f] = train_one(texts, models.features, static_cast<LearnedFact>(f), options);
    return models;
}

}  // namespace advise::detail::text
