// advise train --grade FILE: a class's answers graded from one file, per trainee and per skill.
#pragma once

#include <iosfwd>
#include <string>

#include "train_grade.hpp"

namespace advise::cli {

// The file holds `trainees:` (each a `name` and `answers`) or one trainee (`trainee:` and
// `answers:`); an answer names its `exercise` and gives contact, channel, escalate and, for
// the reframing task, `reframe`. A malformed file throws InputError naming file:line:column.
int grade_class(const RuleSet& rules, const Bank& bank, const std::string& file, bool json, std::ostream& out);

}  // namespace advise::cli
