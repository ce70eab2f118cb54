// advise train --generate N --seed S: new exercises built from the rule set itself.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "train_bank.hpp"

namespace advise::cli {

// Combines topics, message types, history and stakes (and now and then compliance or one of the
// rule set's flags) in the seed's order, prefers situations that exercise a rule nothing has
// exercised yet, and writes N exercises in the bank's format, each with the rules' answer, after
// a coverage report (as YAML comments): the rules no exercise exercises.
int generate(const RuleSet& rules, const Bank& bank, int count, std::uint32_t seed, std::ostream& out);

}  // namespace advise::cli
