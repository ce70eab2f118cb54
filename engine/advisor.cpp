#include "advise/advisor.hpp"

#include "advise/error.hpp"

namespace advise {

Advisor::Advisor(RuleSet rules) : current_(std::make_shared<const RuleSet>(std::move(rules))) {}

RuleSet Advisor::rules() const {
    std::lock_guard lock(mutex_);
    return *current_;
}

Advice Advisor::evaluate(const Situation& situation) const { return rules().evaluate(situation); }

Advice Advisor::evaluate_text(std::string_view text, Reading* reading) const {
    const RuleSet in_use = rules();
    Reading read = in_use.read(text);
    if (!read.sure) throw InputError("not sure what this is about: " + read.question);
    Advice advice = in_use.evaluate(read);
    if (reading) *reading = std::move(read);
    return advice;
}

void Advisor::reload_file(const std::string& path) { replace(RuleSet::from_file(path)); }

void Advisor::reload_string(std::string_view yaml, std::string source_name) {
    replace(RuleSet::from_string(yaml, std::move(source_name)));
}

void Advisor::replace(RuleSet rules) {
    auto next = std::make_shared<const RuleSet>(std::move(rules));
    std::lock_guard lock(mutex_);
    current_.swap(next);
}

}  // namespace advise
