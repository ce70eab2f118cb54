// What advise answers: who to contact, by which channel, and why, rule by rule.
//
// The ids and texts of an Advice are views of the rule set's own strings: evaluating copies no
// text and, once an Advice has grown to size, allocates nothing. The Advice keeps its rule set
// alive, so the views stay valid for as long as the Advice (or a copy) exists.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "advise/reading.hpp"

namespace advise {

// A role of the rule set: who to contact.
struct RoleRef {
    std::string_view id;     // stable role id, e.g. "general_ed_teacher"
    std::string_view title;  // the guide's title, e.g. "General Education Teacher"
};

// A channel of the rule set: how to reach them.
struct ChannelRef {
    std::string_view id;     // stable channel id, e.g. "email_then_phone"
    std::string_view label;  // the guide's words, e.g. "Email first, then phone if needed"
    std::string_view why;    // the guide's reason for that channel
    std::string_view then;   // a follow-up step some rules add ("confirm in writing"); may be empty
};

// One rule that took part in the answer. `rule` is the rule's stable id in the rule file.
struct Reason {
    std::string_view rule;    // e.g. "route.accommodation_not_followed"
    std::string_view text;    // what the rule says, in plain words
    std::string_view source;  // where in the guide it comes from, e.g. "guide, 2: Learn the People"
};

// The facts the answer was computed from, after defaults were applied.
struct Understood {
    std::string_view topic;
    std::string_view message_type;
    std::string_view stakes;
    bool compliance = false;
    std::vector<std::string_view> raised_with;
    Resolved resolved = Resolved::unknown;
    int attempts = 0;
    std::vector<std::string_view> flags;
    // When read from text: the words behind each fact, cues a negation switched off ("not
    // urgent") and typos read as known words ("speach -> speech").
    std::vector<Evidence> from;
    std::vector<std::string> ignored;
    std::vector<std::string> corrected;
};

// What the answer would be if the text were mainly about another topic (Reading::alternatives).
struct AlternativeAdvice {
    std::string_view topic;
    std::string_view topic_label;
    RoleRef contact;
    std::string_view channel;
    bool escalate = false;
};

// The answer for one situation (RuleSet::evaluate); to_text() and to_json() render it.
struct Advice {
    RoleRef contact;                                  // who to contact now
    RoleRef closest;                                  // the person closest to the issue (the role table)
    ChannelRef channel;                               // how to reach them
    bool escalate = false;                            // contact is above `closest` because a criterion holds
    std::vector<std::string_view> next_if_unresolved; // the ladder above `contact`, lowest first
    std::vector<Reason> reasons;                      // never empty: route, escalation or stay, channel, ladder
    std::vector<Reason> warnings;                     // the guide's warnings that apply to this situation
    std::vector<Reason> notes;                        // the guide's practical advice for this situation
    std::vector<AlternativeAdvice> alternatives;      // read from text: close second readings that change the answer
    Understood understood;
    std::shared_ptr<const void> rules;                // keeps the viewed rule set alive
};

}  // namespace advise
