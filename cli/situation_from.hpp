// A situation from the words a person wrote and the facts they gave as options.
#pragma once

#include "commands.hpp"

namespace advise::cli {

// Reads `text`, then lets every fact given as an option override what the words said.
Reading read_with(const RuleSet& rules, const std::string& text, const GivenFacts& given);
// A situation given only as options: nothing to be unsure about.
Reading given_only(const GivenFacts& given);

}  // namespace advise::cli
