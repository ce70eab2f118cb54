// Graphviz DOT of the decision graph (optionally with one evaluation's path) and of the ladder.
#pragma once

#include <string>

#include "graph/compiled_rules.hpp"
#include "graph/walk.hpp"

namespace advise::detail {

std::string decision_graph_dot(const CompiledRules& rules, const Trace* trace);
std::string ladder_dot(const CompiledRules& rules);

}  // namespace advise::detail
