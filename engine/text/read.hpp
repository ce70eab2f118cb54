// Free text -> situation facts, with the words behind each fact.
#pragma once

#include <string_view>
#include <vector>

#include "advise/reading.hpp"
#include "model/id_table.hpp"
#include "text/features.hpp"
#include "text/lexicon.hpp"

namespace advise::detail::text {

struct Names {
    const IdTable& topics;
    const IdTable& message_types;
    const IdTable& stakes;
    const IdTable& flags;
    const IdTable& roles;
    const std::vector<std::int32_t>& topic_roles;  // each topic's closest role
    const std::vector<bool>& fallback_topics;      // topics that count only when no other is named
};

struct TopicScore {
    std::int32_t topic = -1;
    int score = 0;  // two points a word of each phrase, one more when its role is named
    std::string words;  // the strongest phrase's words, as written
};

struct TextFacts {
    Reading reading;                 // facts and evidence; the topic is left to the caller
    std::vector<TopicScore> ranked;  // topics that matched, best first
    std::vector<TopicScore> decisive;  // topics a decisive phrase named (not negated), in text order
    bool raised_with_unnamed = false;// "I emailed her twice": raised with someone not named
    std::string unnamed_words;
    std::string unnamed_contact_words;  // "after I asked": a contact naming no one, its outcome not read
    std::string pending_words;          // "yesterday": the outcome is not due yet, and no answer was read
    std::vector<FeatureHit> features;// for the learned models, with the words each came from
    std::vector<std::pair<std::uint32_t, std::uint32_t>> token_bytes;  // each word's bytes in the text
};

// Throws InputError for text that cannot be read (see fold()).
TextFacts read(const Lexicon& lexicon, const Names& names, std::string_view text);

}  // namespace advise::detail::text
