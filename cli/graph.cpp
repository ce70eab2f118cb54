// advise graph [--ladder]: Graphviz DOT of the decision graph, or of the escalation ladder.
#include <iostream>

#include "commands.hpp"

namespace advise::cli {

int graph(const RuleSet& rules, bool ladder) {
    std::cout << (ladder ? rules.ladder_to_dot() : rules.to_dot());
    return exit_advice;
}

}  // namespace advise::cli
