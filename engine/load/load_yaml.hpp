// Reads a rule file's YAML into a RuleModel, checking its shape: known keys, right kinds of
// values, required fields. Ids are resolved later, by the compiler.
#pragma once

#include <filesystem>
#include <string_view>

#include "load/diagnostics.hpp"
#include "load/read_file.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

// Reports problems to `diagnostics` and returns what could be read. Files over the size limit,
// with invalid UTF-8 or with control bytes are refused before any YAML is parsed.
RuleModel load_yaml(std::string_view text, Diagnostics& diagnostics);

// Reads the labelled texts of the model's `examples:` files, each path taken relative to `base`
// (the rule file's folder). Problems name the examples file, its line and column.
void load_examples(RuleModel& model, const std::filesystem::path& base, Diagnostics& diagnostics);

}  // namespace advise::detail
