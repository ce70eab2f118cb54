// Compiles a loaded rule model: checks every id and condition, then builds the ladder and the
// decision graph. Throws LoadError listing every problem; never returns a half-built rule set.
#pragma once

#include <memory>

#include "graph/compiled_rules.hpp"
#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

std::shared_ptr<const CompiledRules> build(const RuleModel& model, Diagnostics& diagnostics);

}  // namespace advise::detail
