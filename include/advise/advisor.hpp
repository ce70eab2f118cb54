// A rule set that can be replaced while in use: reload atomically, keep the old on failure.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "advise/rule_set.hpp"

namespace advise {

// Safe to share between threads: evaluations see either the old or the new rule set, never a
// mix, and a rule set that fails to load never replaces the one in use.
class Advisor {
public:
    // Starts with `rules` (by default the built-in rule set).
    explicit Advisor(RuleSet rules = RuleSet::builtin());

    // The rule set in use now; it stays valid (and unchanged) for as long as it is held.
    RuleSet rules() const;
    Advice evaluate(const Situation& situation) const;

    // Load, compile, then swap in. Throws LoadError, keeping the current rules, on failure.
    void reload_file(const std::string& path);
    void reload_string(std::string_view yaml, std::string source_name = "<string>");
    void replace(RuleSet rules);

private:
    mutable std::mutex mutex_;  // guards only the swap of the pointer, never an evaluation
    std::shared_ptr<const RuleSet> current_;
};

}  // namespace advise
