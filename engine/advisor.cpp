#include "advise/advisor.hpp"

namespace advise {

Advisor::Advisor(RuleSet rules) : current_(std::make_shared<const RuleSet>(std::move(rules))) {}

RuleSet Advisor::rules() const {
    std::lock_guard lock(mutex_);
    return *current_;
}

Advice Advisor::evaluate(const Situation& situation) const { return rules().evaluate(situation); }

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
