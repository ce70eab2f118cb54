// The compile step that teaches the reader: checks every labelled text of the rule set (its
// ids, its values), reads it as any text is read, and trains one model a fact.
#pragma once

#include "graph/compiled_rules.hpp"
#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"
#include "text/train.hpp"

namespace advise::detail {

// The labelled texts as training data: the topic examples (topic only) and the examples files.
// Problems are reported to `diagnostics`, naming the examples file, line and column.
std::vector<text::TrainingText> training_texts(const RuleModel& model, const CompiledRules& rules,
                                               const text::TrainingOptions& options, Diagnostics& diagnostics);

// The options the rule file gives under reader.learning (reported when malformed).
text::TrainingOptions training_options(const RuleModel& model, Diagnostics& diagnostics);

}  // namespace advise::detail
