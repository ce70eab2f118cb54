// The reader's learned models, one a fact, over one shared feature index.
#pragma once

#include "text/features.hpp"
#include "text/linear.hpp"

namespace advise::detail::text {

// The facts learned from the rule set's labelled texts. `resolved` classes: 0 unknown, 1 not
// addressed, 2 settled; `compliance`: 0 false, 1 true.
enum class LearnedFact : std::uint8_t { topic, message_type, stakes, compliance, resolved, count };

struct ReaderModels {
    FeatureIndex features;
    LinearModel facts[static_cast<int>(LearnedFact::count)];

    const LinearModel& operator[](LearnedFact f) const { return facts[static_cast<int>(f)]; }
    LinearModel& operator[](LearnedFact f) { return facts[static_cast<int>(f)]; }
    // A second topic is offered beside the answer when at least this share as likely.
    float close_second = 0.5f;

    bool trained() const { return features.size() != 0; }

    void save(ByteWriter& w) const {
        w(static_cast<std::uint64_t>(close_second * 1000));
        features.save(w);
        for (const auto& m : facts) w(m);
    }
    void restore(ByteReader& r) {
        close_second = static_cast<float>(r.number()) / 1000;
        features.restore(r);
        for (auto& m : facts) r(m);
    }
};

}  // namespace advise::detail::text
