#include "situation_from.hpp"

#include <algorithm>
#include <cctype>

#include "graph/compiled_rules.hpp"
#include "load/suggest.hpp"

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
    s.school = g.school;
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

std::vector<std::string> role_ids(const RuleSet& rules, const std::vector<std::string>& words) {
    const auto lower = [](std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    const auto& model = *rules.compiled().model;
    std::vector<std::string> out;
    for (const auto& word : words) {
        const auto wanted = lower(word);
        std::string found;
        for (const auto& role : model.roles) {
            if (!found.empty()) break;
            if (wanted == role.id.value || wanted == lower(role.title.value) || wanted == lower(role.called.value)) found = role.id.value;
            for (const auto& phrase : role.phrases)
                if (found.empty() && wanted == lower(phrase.value)) found = role.id.value;
        }
        if (found.empty()) {
            std::vector<std::string_view> ids;
            std::string list;
            for (const auto& role : model.roles) {
                ids.push_back(role.id.value);
                list += (list.empty() ? "" : ", ") + role.id.value;
            }
            const auto hint = detail::did_you_mean(word, ids);
            throw InputError("unknown role '" + word + "'" + (hint.empty() ? " (one of: " + list + ")" : hint));
        }
        out.push_back(found);
    }
    return out;
}

Reading given_only(const GivenFacts& given) {
    Reading r;
    apply(r, given);
    r.evidence.clear();  // nothing was read: the structured answer needs no evidence block
    return r;
}

}  // namespace advise::cli
