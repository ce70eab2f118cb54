// A rule model saved as compact bytes and restored without parsing YAML: the built-in rules are
// checked and saved at build time, so that a cold start spends no time in the YAML parser nor
// in compiling the reader's vocabulary.
#pragma once

#include <string>
#include <string_view>

#include "model/rule_model.hpp"
#include "text/lexicon.hpp"
#include "text/models.hpp"

namespace advise::detail {

// The rule model, and the lexicon compiled from it: building the lexicon (stemming every
// phrase, the typo index) is most of the cost of compiling the rules, and it never changes.
struct Snapshot {
    RuleModel model;
    text::Lexicon lexicon;
    text::ReaderModels models;  // trained at build time: a cold start trains nothing
};

std::string save_snapshot(const RuleModel& model, const text::Lexicon& lexicon, const text::ReaderModels& models);
// Throws std::runtime_error on bytes that are not a snapshot of this version.
Snapshot restore_snapshot(std::string_view bytes);

}  // namespace advise::detail
