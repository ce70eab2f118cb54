// What a parent (or an advocate) tells advise about a matter: the input facts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace advise {

// Whether raising the matter settled it. `no` means it was not addressed: a no, no answer after
// a reasonable wait, nothing changed. `unknown` (the default): raised, the outcome not said.
enum class Resolved : std::uint8_t { unknown, no, yes };

// Every field holds ids defined by the rule set (see CONTRACT in the README).
// An empty string means "not given": the rule set's defaults apply.
struct Situation {
    std::string topic;                    // e.g. "accommodation_not_followed"
    std::string message_type;             // e.g. "concern"
    std::string stakes;                   // e.g. "normal", "safety"
    bool compliance = false;              // the school is out of compliance with a legal obligation
    std::vector<std::string> raised_with; // roles already contacted about this matter
    Resolved resolved = Resolved::unknown;// whether that contact settled it
    int attempts = -1;                    // times raised; -1 means "count raised_with"
    std::vector<std::string> flags;       // extra facts the rule set declares, e.g. "verbal_agreement"
    std::string school;                   // picks the people of the rule set's `contacts:` for this school
};

}  // namespace advise
