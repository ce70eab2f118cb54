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
    std::string words;        // the (up to) three word groups that weighed most, as written
};

struct Learned {
    Choice facts[static_cast<int>(LearnedFact::count)];
    std::vector<Choice> topics;  // every topic, most likely first
    bool understood = false;     // some feature of the text is known to the models
    const Choice& operator[](LearnedFact f) const { return facts[static_cast<int>(f)]; }
};

Learned decide(const ReaderModels& models, const TextFacts& facts, std::string_view text);

}  // namespace advise::detail::text
