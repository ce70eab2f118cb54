// Reads a rule file's YAML into a RuleModel, checking its shape: known keys, right kinds of
// values, required fields. Ids are resolved later, by the compiler.
#pragma once

#include <string_view>

#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

// Reports problems to `diagnostics` and returns what could be read.
RuleModel load_yaml(std::string_view text, Diagnostics& diagnostics);

}  // namespace advise::detail
