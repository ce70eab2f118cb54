// Which rules exercises exercise: the rule ids an answer's reasons, warnings and notes carry.
#pragma once

#include <iosfwd>
#include <map>
#include <string>

#include "advise/advise.hpp"

namespace advise::cli {

using RuleUse = std::map<std::string, int>;  // rule id -> exercises whose answer it took part in

void count_rules(const Advice& advice, RuleUse& use);
// "N of M rules", then each rule of the rule set no exercise exercises, one a line after `prefix`.
void print_unexercised(const RuleSet& rules, const RuleUse& use, const std::string& prefix, std::ostream& out);

}  // namespace advise::cli
