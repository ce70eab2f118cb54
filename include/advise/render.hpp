// Renderers: advice as readable text or as the JSON of the contract.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "advise/advice.hpp"
#include "advise/reading.hpp"

namespace advise {

// How to_text() writes.
struct TextStyle {
    bool color = false;      // ANSI colour; the CLI turns it on only for a terminal without NO_COLOR
    std::size_t width = 80;  // lines are wrapped to this many columns, never inside a word
    bool why = false;        // after the short answer, what was understood and the reasons, rule by rule
};

// The short answer (whom to contact and how, the reason in one line, what if it does not
// work), in the rule set's words; with `why`, the whole explanation after it.
std::string to_text(const Advice& advice, TextStyle style = {});
// Writes to_text(advice): std::cout << advice.
std::ostream& operator<<(std::ostream& out, const Advice& advice);
// One JSON object; `indent` < 0 gives a single line (for --batch).
std::string to_json(const Advice& advice, int indent = 2);

// A reading that is not sure what the situation is about: the candidates and the question.
std::string to_text(const Reading& unsure, TextStyle style = {});
std::string to_json(const Reading& unsure, int indent = 2);

}  // namespace advise
