// The default rule set (rules/default.yaml), checked and saved as a snapshot at build time so
// that advise works anywhere and starts without parsing YAML.
#pragma once

#include <string_view>

namespace advise::detail {
extern const char* const default_rules_name;
extern const std::string_view default_rules_snapshot;
}  // namespace advise::detail
