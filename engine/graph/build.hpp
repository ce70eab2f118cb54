// Compiles a loaded rule model: checks every id and condition, then builds the ladder and the
// decision graph. Throws LoadError listing every problem; never returns a half-built rule set.
#pragma once

#include <memory>

#include "graph/compiled_rules.hpp"
#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

// `lexicon`, when given, is the reader's vocabulary already compiled from this model (a
// snapshot's): it is used as it is.
std::shared_ptr<const CompiledRules> build(std::shared_ptr<const RuleModel> model, Diagnostics& diagnostics,
                                           text::Lexicon* lexicon = nullptr);

}  // namespace advise::detail
