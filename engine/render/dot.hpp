// Graphviz DOT of the decision graph (optionally with one evaluation's path) and of the ladder.
#pragma once

#include <string>

#include "graph/compiled_rules.hpp"
#include "graph/walk.hpp"

namespace advise::detail {

// With a trace, its path is drawn in red and `contact` (the advised role) is the green vertex:
// the escalation rule that chose it, or the closest person when no rule escalated.
std::string decision_graph_dot(const CompiledRules& rules, const Trace* trace, std::int32_t contact = -1);
std::string ladder_dot(const CompiledRules& rules);

}  // namespace advise::detail
