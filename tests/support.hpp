// Shared by the tests: the built-in rules and a short way to describe a situation.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "advise/advise.hpp"

namespace test {

inline const advise::RuleSet& rules() {
    static const advise::RuleSet r = advise::RuleSet::builtin();
    return r;
}

inline advise::Situation situation(std::string topic, std::string type = "concern") {
    advise::Situation s;
    s.topic = std::move(topic);
    s.message_type = std::move(type);
    return s;
}

inline std::vector<std::string> rule_ids(const std::vector<advise::Reason>& reasons) {
    std::vector<std::string> ids;
    for (const auto& r : reasons) ids.emplace_back(r.rule);
    return ids;
}

// A list of views as strings, to compare with a written list.
inline std::vector<std::string> strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

// The ids of a list of roles (next_if_unresolved).
inline std::vector<std::string> strings(const std::vector<advise::RoleRef>& roles) {
    std::vector<std::string> out;
    for (const auto& r : roles) out.emplace_back(r.id);
    return out;
}

inline bool has_rule(const std::vector<advise::Reason>& reasons, const std::string& id) {
    return std::any_of(reasons.begin(), reasons.end(), [&](const advise::Reason& r) { return r.rule == id; });
}

}  // namespace test
