// Labelled cases read from a file: test cases (`tests:`, `scenarios:`), a rule set's labelled
// texts (`examples:`) and training exercises (`exercises:`), one reader for all of them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "advise/advise.hpp"

namespace advise::cli {

// What a case states about the situation (`means`), each fact optional.
struct Facts {
    std::optional<std::string> topic, message_type, stakes, resolved;
    std::optional<bool> compliance;
    std::optional<std::vector<std::string>> raised_with;
    std::optional<int> attempts;
    std::vector<std::string> flags;
};

// The guide's reframing task: turn a confrontational sentence into a question that opens an
// investigation. Graded by the checks in the bank's `reframing:` settings.
struct Reframe {
    std::string from;                      // the confrontational sentence
    std::vector<std::string> observation;  // words that name what was seen; an answer names one
    std::string example;                   // a reframing that passes, shown after the answer
};

struct Case {
    std::string file, name, text;  // an empty text: the case is the structured situation `means`
    int line = 0;                  // where the case starts in its file
    Facts means;
    std::optional<std::string> contact, channel;
    std::optional<bool> escalate;
    bool trap = false;  // escalating would be the guide's common mistake
    // An exercise's extras; other cases leave them empty.
    std::string difficulty, section;
    std::optional<Reframe> reframe;
};

// Reads every case of a file; a malformed file throws InputError naming file:line:column.
// In an `exercises:` file each case must have an id, a difficulty (easy, medium or hard), a
// guide section, its facts (`means`) and its whole answer (`expect`).
std::vector<Case> load_cases(const std::string& path);

// The situation a case's stated facts describe; unstated facts take the rule set's defaults.
Situation situation_of(const Facts& facts);

}  // namespace advise::cli
