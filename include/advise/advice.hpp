// What advise answers: who to contact, by which channel, and why, rule by rule.
#pragma once

#include <string>
#include <vector>

#include "advise/reading.hpp"

namespace advise {

struct RoleRef {
    std::string id;     // stable role id, e.g. "general_ed_teacher"
    std::string title;  // the guide's title, e.g. "General Education Teacher"
};

struct ChannelRef {
    std::string id;      // stable channel id, e.g. "email_then_phone"
    std::string label;   // the guide's words, e.g. "Email first, then phone if needed"
    std::string why;     // the guide's reason for that channel
    std::string then;    // a follow-up step some rules add ("confirm in writing"); may be empty
};

// One rule that took part in the answer. `rule` is the rule's stable id in the rule file.
struct Reason {
    std::string rule;    // e.g. "route.accommodation_not_followed"
    std::string text;    // what the rule says, in plain words
    std::string source;  // where in the guide it comes from, e.g. "guide, 2: Learn the People"
};

// The facts the answer was computed from, after defaults were applied.
struct Understood {
    std::string topic;
    std::string message_type;
    std::string stakes;
    bool compliance = false;
    std::vector<std::string> raised_with;
    bool resolved = false;
    int attempts = 0;
    std::vector<std::string> flags;
    // When read from text: the words behind each fact, cues a negation switched off ("not
    // urgent") and typos read as known words ("speach -> speech").
    std::vector<Evidence> from;
    std::vector<std::string> ignored;
    std::vector<std::string> corrected;
};

struct Advice {
    RoleRef contact;                            // who to contact now
    RoleRef closest;                            // the person closest to the issue (the role table)
    ChannelRef channel;                         // how to reach them
    bool escalate = false;                      // contact is above `closest` because a criterion holds
    std::vector<std::string> next_if_unresolved;// the ladder above `contact`, lowest first
    std::vector<Reason> reasons;                // never empty: route, escalation or stay, channel, ladder
    std::vector<Reason> warnings;               // the guide's warnings that apply to this situation
    Understood understood;
};

}  // namespace advise
