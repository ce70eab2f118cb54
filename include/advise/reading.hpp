// What advise understood from a situation told in a person's own words.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "advise/situation.hpp"

namespace advise {

// The longest text RuleSet::read accepts, in bytes: a situation is told in a few sentences.
inline constexpr std::size_t max_text_bytes = 64 * 1024;

// One fact and the words it was read from: {"topic", "accommodation_not_followed", "extended time"}.
struct Evidence {
    std::string fact;
    std::string value;  // an id, a number, true/false
    std::string label;  // the value in words ("accommodation not followed"); may be empty
    std::string words;  // as the person wrote them; "(given)" for a fact given as an option
    bool learned = false;  // chosen by a learned model: `words` are those that weighed most
};

// Another topic the text may be mainly about, close behind the one taken.
struct Alternative {
    std::string topic;
    float likelihood = 0;  // the model's probability, 0-1; 0 when offered because a phrase names it
    std::string words;     // the words that weighed most for it, or the phrase that names it
};

// What RuleSet::read() understood from a text: the situation, and the words behind each fact.
struct Reading {
    Situation situation;              // the facts read; unset ones are left empty for the defaults
    std::vector<Evidence> evidence;   // what was understood, and from which words
    std::vector<std::string> ignored; // cues a negation turned off, as written: "not urgent"
    std::vector<std::string> corrected;  // typos read as known words: "speach -> speech"
    std::vector<Alternative> alternatives;  // close second readings, best first

    // When nothing in the text was understood at all, advise does not guess: `sure` is false,
    // with the one question that would help. (A rule set read by phrases alone, without
    // labelled texts, is also unsure when two topics with different answers are close, and
    // names them in `candidates`.)
    bool sure = true;
    std::vector<std::string> candidates;
    std::string question;
};

}  // namespace advise
