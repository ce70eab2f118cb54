// A rule model saved as compact bytes and restored without parsing YAML: the built-in rules are
// checked and saved at build time, so that a cold start spends no time in the YAML parser.
#pragma once

#include <string>
#include <string_view>

#include "model/rule_model.hpp"

namespace advise::detail {

std::string save_snapshot(const RuleModel& model);
// Throws std::runtime_error on bytes that are not a snapshot of this version.
RuleModel restore_snapshot(std::string_view bytes);

}  // namespace advise::detail
