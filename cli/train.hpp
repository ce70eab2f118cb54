// advise train: advocate training with the exercise bank (rules/exercises), graded by the rules.
#pragma once

#include <optional>
#include <string>

#include "advise/advise.hpp"

namespace advise::cli {

struct TrainOptions {
    std::string bank;               // --bank DIR or FILE; default: the bank beside the rules
    int count = 10;                 // questions in a session
    std::string difficulty, topic;  // filters: only exercises of this difficulty / topic
    std::optional<unsigned> seed;   // a repeatable order; a fresh one each run when absent
    std::string grade;              // --grade FILE: the answers of one or many trainees
    bool json = false;              // --grade as JSON
    int generate = 0;               // --generate N: new exercises from the rule set itself
    int handout = 0;                // --handout N: a Markdown sheet and its answer key
    std::string out = ".";          // where --handout writes its files
    bool summary = false;           // --summary: what the bank covers
};

// `rules_file` is the --rules file, if any: its folder's exercises/ is the default bank.
int train(const RuleSet& rules, const std::string& rules_file, const TrainOptions& options);

}  // namespace advise::cli
