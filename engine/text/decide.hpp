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

// `topic_roles`: each topic's closest role. The topic is chosen from both models: its own
// likelihood times that of its role.
Learned decide(const ReaderModels& models, const std::vector<std::int32_t>& topic_roles, const TextFacts& facts,
               std::string_view text);

// The topic (its id index) that is most likely with its role: P(topic) * P(role of topic).
// `topic_probs` and `role_probs` are by class of their models.
std::int32_t joint_topic(const ReaderModels& models, const std::vector<std::int32_t>& topic_roles,
                         const std::vector<float>& topic_probs, const std::vector<float>& role_probs);

}  // namespace advise::detail::text
