// Compiles a loaded rule model: checks every id and condition, then builds the ladder and the
// decision graph. Throws LoadError listing every problem; never returns a half-built rule set.
#pragma once

#include <memory>

#include "graph/compiled_rules.hpp"
#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

// `lexicon` and `models`, when given, are the reader's vocabulary and learned models already
// compiled from this model (a snapshot's): they are used as they are. Otherwise the models are
// trained here, from the model's labelled texts.
std::shared_ptr<const CompiledRules> build(std::shared_ptr<const RuleModel> model, Diagnostics& diagnostics,
                                           text::Lexicon* lexicon = nullptr, text::ReaderModels* models = nullptr);

}  // namespace advise::detail
