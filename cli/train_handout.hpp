// advise train --handout N --seed S: exercises on paper, for workshops.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "train_grade.hpp"

namespace advise::cli {

// Writes handout-S.md (the exercises, with space to answer) and answer-key-S.md (the answers
// with the rules that decided, the guide's warnings and the reframing checks) into `folder`;
// with pandoc on the PATH, a PDF of each too. Says on `out` what it wrote.
int handout(const RuleSet& rules, const Bank& bank, const std::vector<const Case*>& exercises, std::uint32_t seed,
            const std::string& folder, std::ostream& out);

}  // namespace advise::cli
