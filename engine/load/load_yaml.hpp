// Reads a rule file's YAML into a RuleModel, checking its shape: known keys, right kinds of
// values, required fields. Ids are resolved later, by the compiler.
#pragma once

#include <string_view>

#include "load/diagnostics.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

inline constexpr std::size_t max_rule_file_bytes = 16 * 1024 * 1024;

// Reports problems to `diagnostics` and returns what could be read. Files over the size limit,
// with invalid UTF-8 or with control bytes are refused before any YAML is parsed.
RuleModel load_yaml(std::string_view text, Diagnostics& diagnostics);

}  // namespace advise::detail
