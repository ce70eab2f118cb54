// Static analysis of a rule set: is it sound before anyone relies on its advice?
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advise/error.hpp"
#include "advise/rule_set.hpp"

namespace advise {

// One thing the analysis found wrong or doubtful in a rule set.
struct Finding {
    // load (the file cannot be compiled: an unknown id, a ladder cycle, a bad condition...),
    // unreachable_role, unused_channel, unreadable_topic, phrase_overlap, overlap, gap,
    // never_fires, shadowed
    std::string kind;
    Diagnostic where;                // file:line:column, the key at fault, and what is wrong
    std::vector<std::string> rules;  // the rule ids involved
};

// What check_file() and check_string() found.
struct CheckReport {
    bool readable = false;           // false: the file could not be read as YAML at all
    bool loaded = false;             // true: the rules compiled; false: see the "load" findings
    std::vector<Finding> findings;
};

// Checks a compiled rule set.
std::vector<Finding> check(const RuleSet& rules);
// Loads and checks; problems that stop the rules from compiling are findings of kind "load".
// Never throws for a broken rule file.
CheckReport check_file(const std::string& path);
CheckReport check_string(std::string_view yaml, std::string source_name);

}  // namespace advise
