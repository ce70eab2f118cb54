// The version of advise and of the rule file format it reads.
#pragma once

#include "advise/version.h"

namespace advise {

// "MAJOR.MINOR.PATCH": the project's version, as `advise --version` prints it.
inline constexpr const char* version = ADVISE_VERSION;
// The rule file format read (`advise: N` in a rule file); other formats are refused.
inline constexpr int rule_format = ADVISE_RULE_FORMAT;

}  // namespace advise
