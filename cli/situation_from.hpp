// A situation from the words a person wrote and the facts they gave as options.
#pragma once

#include "commands.hpp"

namespace advise::cli {

// Reads `text`, then lets every fact given as an option override what the words said.
Reading read_with(const RuleSet& rules, const std::string& text, const GivenFacts& given);
// A situation given only as options: nothing to be unsure about.
Reading given_only(const GivenFacts& given);
// Role ids for what --raised-with was given: an id, a title, or a word the reader knows for a
// role ("teacher", "AP"). Throws InputError naming the valid ids for a word it does not know.
std::vector<std::string> role_ids(const RuleSet& rules, const std::vector<std::string>& words);

}  // namespace advise::cli
