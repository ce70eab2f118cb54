// RuleSet::builtin(): the default rules from the snapshot made at build time.
#include "advise/rule_set.hpp"
#include "builtin/default_rules.hpp"
#include "graph/build.hpp"
#include "model/snapshot.hpp"

namespace advise {

RuleSet RuleSet::builtin() {
    // Compiled once, then shared: the built-in rules never change while the program runs, and
    // are never torn down (a process exits faster without freeing them).
    static const RuleSet* const rules = [] {
        detail::Diagnostics diagnostics(detail::default_rules_name);
        auto snapshot = detail::restore_snapshot(detail::default_rules_snapshot);
        auto model = std::make_shared<const detail::RuleModel>(std::move(snapshot.model));
        return new RuleSet(detail::build(std::move(model), diagnostics, &snapshot.lexicon, &snapshot.models));
    }();
    return *rules;
}

}  // namespace advise
