// The default rule set (rules/default.yaml), embedded at build time so advise works anywhere.
#pragma once

namespace advise::detail {
extern const char* const default_rules_yaml;
extern const char* const default_rules_name;
}  // namespace advise::detail
