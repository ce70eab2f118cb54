// Evaluation: a walk of the decision graph from the situation to the advice.
#pragma once

#include <vector>

#include "advise/advice.hpp"
#include "advise/situation.hpp"
#include "graph/compiled_rules.hpp"

namespace advise::detail {

// Situation ids resolved to integers, defaults applied. Throws InputError on an unknown id.
Facts resolve(const CompiledRules& rules, const Situation& situation);

// Walks the graph for `facts` and fills `out`. When `trace` is given, it receives the vertices
// visited and the row edges taken, in order.
struct Trace {
    std::vector<Vertex> vertices;
    std::vector<std::int32_t> rules;
    std::int32_t winner = -1;  // the escalation rule that decided the contact, if any
    std::vector<std::pair<std::int32_t, std::int32_t>> escalations;  // (rule, its target) for each that held
};
void walk(const CompiledRules& rules, Facts facts, Advice& out, Trace* trace = nullptr);

// Names the people of the rule set's `contacts:` who hold the advice's roles: those of `school`
// first, then those for every school. Throws InputError for a school no contact names.
void name_people(const CompiledRules& rules, const std::string& school, Advice& out);

}  // namespace advise::detail
