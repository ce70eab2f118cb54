// Static analysis of a compiled rule set (the engine side of advise/check.hpp).
#pragma once

#include <vector>

#include "advise/check.hpp"
#include "graph/compiled_rules.hpp"

namespace advise::detail {

std::vector<Finding> check(const CompiledRules& rules);

}  // namespace advise::detail
