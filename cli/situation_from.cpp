#include "situation_from.hpp"

#include <algorithm>

namespace advise::cli {
namespace {

// Drops what the words said about `fact` and records that the option decided it.
void override_fact(Reading& r, const std::string& fact, const std::string& value) {
    std::erase_if(r.evidence, [&](const Evidence& e) { return e.fact == fact; });
    r.evidence.push_back({fact, value, {}, "(given)"});
}

void apply(Reading& r, const GivenFacts& g) {
    auto& s = r.situation;
    if (g.topic) {
        s.topic = *g.topic;
        override_fact(r, "topic", s.topic);
        r.sure = true;  // the person named the topic: nothing left to ask
        r.candidates.clear();
        r.question.clear();
    }
    if (g.message_type) override_fact(r, "message_type", s.message_type = *g.message_type);
    if (g.stakes) override_fact(r, "stakes", s.stakes = *g.stakes);
    if (g.compliance) {
        s.compliance = true;
        override_fact(r, "compliance", "true");
    }
    if (!g.raised_with.empty()) {
        s.raised_with = g.raised_with;
        std::erase_if(r.evidence, [](const Evidence& e) { return e.fact == "raised_with"; });
        for (const auto& role : g.raised_with) r.evidence.push_back({"raised_with", role, {}, "(given)"});
    }
    if (g.resolved) {
        s.resolved = *g.resolved;
        override_fact(r, "resolved", *g.resolved == Resolved::yes ? "true" : "false");
    }
    if (g.attempts) {
        s.attempts = *g.attempts;
        override_fact(r, "attempts", std::to_string(*g.attempts));
    }
    for (const auto& flag : g.flags) {
        if (std::find(s.flags.begin(), s.flags.end(), flag) != s.flags.end()) continue;
        s.flags.push_back(flag);
        r.evidence.push_back({"flag", flag, {}, "(given)"});
    }
}

}  // namespace

Reading read_with(const RuleSet& rules, const std::string& text, const GivenFacts& given) {
    Reading r = rules.read(text);
    apply(r, given);
    return r;
}

Reading given_only(const GivenFacts& given) {
    Reading r;
    apply(r, given);
    r.evidence.clear();  // nothing was read: the structured answer needs no evidence block
    return r;
}

}  // namespace advise::cli
