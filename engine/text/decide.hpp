// The learned half of reading: the models' choice for each fact, and the words that weighed
// most in it. Phrases the rule set marks decisive still decide on their own.
#pragma once

#include <string_view>
#include <vector>

#include "text/models.hpp"
#include "text/read.hpp"

namespace advise::detail::text {

struct Choice {
    std::int32_t value = -1;  // the class's label (an id index, 0/1, ...); -1 when not decided
    float probability = 0;
    std::uint32_t cls = 0;    // the class in its model
};

// A feature the models know, once, with the words it first came from.
struct Present {
    std::uint32_t feature;
    std::uint32_t begin, end;
};

struct Learned {
    Choice facts[static_cast<int>(LearnedFact::count)];
    std::vector<Choice> topics;  // the likeliest topics, best first
    bool understood = false;     // some feature of the text is known to the models
    const Choice& operator[](LearnedFact f) const { return facts[static_cast<int>(f)]; }

    // The (up to) three word groups that weighed most in a choice, as written; computed only
    // for the facts shown, since each costs a pass over the text's features.
    std::string words(LearnedFact fact, const Choice& choice) const;

    const ReaderModels* models = nullptr;
    const TextFacts* read = nullptr;
    std::string_view text;
    std::vector<Present> present;
    float value = 0;
};

// `models`, `facts` and `text` must outlive the result (it refers to them for words()).
Learned decide(const ReaderModels& models, const TextFacts& facts, std::string_view text);

}  // namespace advise::detail::text
