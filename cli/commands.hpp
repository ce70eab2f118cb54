// The advise commands, one file each. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "advise/advise.hpp"

namespace advise::cli {

// Exit codes, as documented in --help and the README.
inline constexpr int exit_advice = 0;
inline constexpr int exit_unsure = 1;
inline constexpr int exit_bad_input = 2;

enum class Format { text, json, dot };

struct AskOptions {
    Situation situation;
    bool resolved_given = false;
    Format format = Format::text;
    bool color = false;
};

int ask(const RuleSet& rules, const AskOptions& options);
int list(const RuleSet& rules, const std::string& kind);

}  // namespace advise::cli
