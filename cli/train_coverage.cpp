#include "train_coverage.hpp"

#include <fmt/format.h>

#include <ostream>
#include <set>

namespace advise::cli {

void count_rules(const Advice& advice, RuleUse& use) {
    std::set<std::string> once;  // a rule counts once an exercise
    for (const auto* list : {&advice.reasons, &advice.warnings, &advice.notes})
        for (const auto& r : *list) once.emplace(r.rule);
    for (const auto& id : once) ++use[id];
}

void print_unexercised(const RuleSet& rules, const RuleUse& use, const std::string& prefix, std::ostream& out) {
    const auto& all = rules.catalog().rules;
    std::size_t used = 0;
    for (const auto& r : all) used += use.count(r.id);
    out << fmt::format("{}Rules exercised: {} of {}.", prefix, used, all.size());
    if (used == all.size()) {
        out << '\n';
        return;
    }
    out << fmt::format(" Not exercised by any exercise ({}):\n", all.size() - used);
    for (const auto& r : all)
        if (!use.count(r.id)) out << fmt::format("{}  {}  ({})\n", prefix, r.id, r.description);
}

}  // namespace advise::cli
