// The short answer a parent reads first: a few plain lines in the rule set's own words.
#pragma once

#include <string>
#include <vector>

#include "advise/advice.hpp"

namespace advise::detail {

struct CompiledRules;

// The rule set that evaluated `advice` (it keeps it alive), or null for an Advice not made by one.
const CompiledRules* rules_of(const Advice& advice);

// What to do, why, what if it does not work, and anything to watch out for: each line one
// paragraph, not yet wrapped. Empty for an Advice not made by a rule set.
std::vector<std::string> short_answer(const Advice& advice);

// The value of "Escalate:" in the long answer: yes or no, and why, in the rule set's words.
std::string escalate_words(const Advice& advice);

// How the answer names a person: the rule set's name for the role, and the person's name when
// `contacts:` gives one ("the classroom teacher, Ms. Rodriguez").
std::string person_words(const RoleRef& role);

}  // namespace advise::detail
