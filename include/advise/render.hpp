// Renderers: advice as readable text or as the JSON of the contract.
#pragma once

#include <string>

#include "advise/advice.hpp"
#include "advise/reading.hpp"

namespace advise {

// How to_text() writes.
struct TextStyle {
    bool color = false;  // ANSI colour; the CLI turns it on only for a terminal without NO_COLOR
};

// The answer as a person reads it: what was understood, contact, channel, then why, rule by rule.
std::string to_text(const Advice& advice, TextStyle style = {});
// One JSON object; `indent` < 0 gives a single line (for --batch).
std::string to_json(const Advice& advice, int indent = 2);

// A reading that is not sure what the situation is about: the candidates and the question.
std::string to_text(const Reading& unsure, TextStyle style = {});
std::string to_json(const Reading& unsure, int indent = 2);

}  // namespace advise
