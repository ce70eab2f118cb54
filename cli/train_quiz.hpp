// The interactive quiz: one exercise at a time on plain lines, so it works in a pipe.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <vector>

#include "train_grade.hpp"

namespace advise::cli {

// Asks each exercise (who, channel, escalate, and the reframing task where there is one),
// grades it, explains the misses, keeps a running score and ends with a summary. "q" or the end
// of the input ends the session early, with the summary of what was answered. With `echo`, each
// answer read is written back after its prompt (input from a pipe is not shown otherwise).
int quiz(const RuleSet& rules, const std::vector<const Case*>& exercises, const ReframingChecks& checks,
         std::uint32_t seed, bool echo, std::istream& in, std::ostream& out);

}  // namespace advise::cli
