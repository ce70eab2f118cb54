#include "render/short_answer.hpp"

#include <algorithm>

#include "graph/compiled_rules.hpp"
#include "render/template.hpp"

namespace advise::detail {
namespace {

const RuleInfo* rule_named(const CompiledRules& r, std::string_view id) {
    for (const auto& rule : r.rules)
        if (rule.id == id) return &rule;
    return nullptr;
}

// Fills the templates of one answer.
class Filler {
public:
    Filler(const CompiledRules& r, const Advice& a) : r_(r), a_(a) {}

    std::string operator()(std::string_view text) const {
        return fill(text, [&](std::string_view name) { return value(name); });
    }

    std::string alternative(const AlternativeAdvice& alt) const {
        alt_ = &alt;
        auto out = (*this)(r_.wording.alternative);
        alt_ = nullptr;
        return out;
    }

private:
    std::string value(std::string_view name) const {
        if (name == "contact") return person_words(a_.contact);
        if (name == "closest") return person_words(a_.closest);
        if (name == "next") return a_.next_if_unresolved.empty() ? std::string() : person_words(a_.next_if_unresolved.front());
        if (name == "raised") return raised();
        if (name == "topic") return topic_label(a_.understood.topic);
        if (name == "why") return why();
        if (name == "channel") return std::string(a_.channel.label);
        if (name == "alt_topic") return alt_ ? std::string(alt_->topic_label) : std::string();
        if (name == "alt_contact") return alt_ ? alt_contact() : std::string();
        std::string braced(1, '{');  // not a placeholder: a brace in a rule's own text
        braced.append(name);
        return braced += '}';
    }

    std::string topic_label(std::string_view id) const {
        const auto t = r_.topics.find(std::string(id));
        return t < 0 ? std::string(id) : r_.catalog.topics[static_cast<std::size_t>(t)].label;
    }

    std::string role_words(std::string_view id) const {
        const auto role = r_.roles.find(std::string(id));
        return role < 0 ? std::string(id) : r_.wording.role_called[static_cast<std::size_t>(role)];
    }

    // The other reading's closest person, by the topic's own name for them when it has one.
    std::string alt_contact() const {
        const auto t = r_.topics.find(std::string(alt_->topic));
        if (t >= 0 && !r_.wording.topic_called[static_cast<std::size_t>(t)].empty() &&
            r_.roles[r_.topic_role[static_cast<std::size_t>(t)]] == alt_->contact.id)
            return r_.wording.topic_called[static_cast<std::size_t>(t)];
        return role_words(alt_->contact.id);
    }

    // The highest person it was raised with.
    std::string raised() const {
        std::int32_t highest = -1;
        for (const auto id : a_.understood.raised_with) {
            const auto role = r_.roles.find(std::string(id));
            if (role >= 0 && (highest < 0 || r_.ladder.rung(role) > r_.ladder.rung(highest))) highest = role;
        }
        return highest < 0 ? std::string() : r_.wording.role_called[static_cast<std::size_t>(highest)];
    }

    // The topic's own reason, as its route rule gives it.
    std::string why() const {
        const auto* rule = rule_named(r_, "route." + std::string(a_.understood.topic));
        return rule ? rule->text : std::string();
    }

    const CompiledRules& r_;
    const Advice& a_;
    mutable const AlternativeAdvice* alt_ = nullptr;
};

// The contact is not the escalation but the closest person, and sits above the school staff:
// the parent should hear why going that high is not going over anyone's head.
bool closest_above_staff(const CompiledRules& r, const Advice& a) {
    const auto role = r.roles.find(std::string(a.contact.id));
    return !a.escalate && a.contact.id == a.closest.id && role >= 0 && r.ladder.rung(role) > 0;
}

}  // namespace

const CompiledRules* rules_of(const Advice& advice) {
    // Only RuleSet::evaluate sets `rules`, always to its compiled rules.
    return static_cast<const CompiledRules*>(advice.rules.get());
}

std::string person_words(const RoleRef& role) {
    std::string out(role.called.empty() ? role.title : role.called);
    if (!role.name.empty()) out += ", " + std::string(role.name);
    return out;
}

std::vector<std::string> short_answer(const Advice& a) {
    const CompiledRules* rules = rules_of(a);
    if (!rules || a.channel.id.empty()) return {};
    const auto& r = *rules;
    const Filler fill_in(r, a);
    std::vector<std::string> lines;
    const auto channel = r.channels.find(std::string(a.channel.id));
    if (channel < 0) return {};
    lines.push_back(fill_in(r.wording.channel_say[static_cast<std::size_t>(channel)]));
    if (!a.contact.email.empty() || !a.contact.phone.empty()) {
        std::string reach(a.contact.name.empty() ? a.contact.title : a.contact.name);
        reach += ':';
        for (const auto detail : {a.contact.email, a.contact.phone}) {
            if (detail.empty()) continue;
            reach += reach.back() == ':' ? " " : ", ";
            reach.append(detail);
        }
        lines.push_back(reach);
    }

    const RuleInfo* decided = a.decided_by.empty() ? nullptr : rule_named(r, a.decided_by);
    std::string because = decided ? fill_in(decided->short_text) : std::string();
    const auto channel_because = fill_in(r.wording.channel_because[static_cast<std::size_t>(channel)]);
    if (!channel_because.empty()) because += (because.empty() ? "" : " ") + channel_because;
    if (!because.empty()) lines.push_back(because);
    if (closest_above_staff(r, a)) lines.push_back(fill_in(r.wording.not_over_head));

    // What if it does not work: the deciding rule's words, else the message type's, else the rule set's.
    const std::string* after = decided && decided->after ? &*decided->after : nullptr;
    const auto type = r.message_types.find(std::string(a.understood.message_type));
    if (!after && type >= 0 && r.wording.message_after[static_cast<std::size_t>(type)])
        after = &*r.wording.message_after[static_cast<std::size_t>(type)];
    if (!after) after = &r.wording.after;
    const bool needs_next = after->find("{next}") != std::string::npos || after->find("{Next}") != std::string::npos;
    if (!after->empty() && !(needs_next && a.next_if_unresolved.empty())) lines.push_back(fill_in(*after));

    for (const auto& alt : a.alternatives) lines.push_back(fill_in.alternative(alt));
    for (const auto& w : a.warnings) {
        const auto* rule = rule_named(r, w.rule);
        lines.push_back(fill_in(rule ? rule->short_text : std::string(w.text)));
    }
    std::erase_if(lines, [](const std::string& line) { return line.empty(); });
    return lines;
}

std::string escalate_words(const Advice& a) {
    const CompiledRules* rules = rules_of(a);
    if (!rules) return a.escalate ? "yes" : "no";
    const Filler fill_in(*rules, a);
    const auto& w = rules->wording;
    if (a.escalate) return fill_in(w.escalate_yes);
    return fill_in(a.contact.id == a.closest.id ? w.escalate_no : w.escalate_no_raised);
}

}  // namespace advise::detail
