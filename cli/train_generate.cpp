#include "train_generate.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <cctype>
#include <ostream>
#include <set>

#include "commands.hpp"
#include "train_coverage.hpp"
#include "train_grade.hpp"

namespace advise::cli {
namespace {

struct Generated {
    Situation situation;
    Advice advice;
    std::string key;  // tells two situations apart
};

std::string lower_first(std::string s) {
    if (!s.empty() && s.size() > 1 && !std::isupper(static_cast<unsigned char>(s[1])))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// The situation in words, from the rule set's own labels and titles.
std::string describe(const RuleSet& rules, const Generated& g) {
    const auto& c = rules.catalog();
    const auto& u = g.advice.understood;
    std::string text = fmt::format("About {}: {}.", label_in(c.topics, std::string(u.topic)),
                                   lower_first(label_in(c.message_types, std::string(u.message_type))));
    if (!u.raised_with.empty()) {
        std::string who;
        for (std::size_t i = 0; i < u.raised_with.size(); ++i)
            who += fmt::format("{}{}", i == 0 ? "the " : i + 1 == u.raised_with.size() ? " and then the " : ", the ",
                               label_in(c.roles, std::string(u.raised_with[i])));
        const char* outcome = u.resolved == Resolved::no    ? "and it was not addressed"
                              : u.resolved == Resolved::yes ? "and it was sorted out"
                                                            : "and has not said how that went";
        text += fmt::format(" The parent already raised it with {}, {}.", who, outcome);
    }
    if (!c.stakes.empty() && u.stakes != c.stakes.front().id) text += fmt::format(" {}.", label_in(c.stakes, std::string(u.stakes)));
    if (u.compliance) text += " The school is out of compliance with a legal obligation.";
    for (const auto& f : u.flags) text += fmt::format(" {}.", label_in(c.flags, std::string(f)));
    return text;
}

// The guide section behind the deciding rule: the reason after the route, else the route.
std::string section_of(const Advice& a) {
    const auto& r = a.reasons.size() > 1 ? a.reasons[1] : a.reasons.front();
    std::string s(r.source);
    if (s.rfind("guide, ", 0) == 0) s.erase(0, 7);
    return s.substr(0, s.find(';'));
}

// The message types a matter can be escalated in (a concern, a disagreement...), as the rules
// say: raised with the closest person and not addressed, it escalates. The others (thanks, home
// news, a recap...) are drawn only without a history, so that exercises read like real ones.
struct Vocabulary {
    std::vector<std::string> matter_types;
    std::string default_type;  // what a situation is taken to be when it does not say
};

Vocabulary vocabulary_of(const RuleSet& rules) {
    Vocabulary v;
    const Advice plain = rules.evaluate(Situation{});
    v.default_type = std::string(plain.understood.message_type);
    for (const auto& t : rules.catalog().message_types) {
        Situation s;
        s.topic = std::string(plain.understood.topic);
        s.message_type = t.id;
        s.raised_with = {std::string(plain.closest.id)};
        s.resolved = Resolved::no;
        if (rules.evaluate(s).escalate) v.matter_types.push_back(t.id);
    }
    if (v.matter_types.empty()) v.matter_types.push_back(v.default_type);
    return v;
}

Situation draw_situation(const RuleSet& rules, const Vocabulary& v, Draw& draw) {
    const auto& c = rules.catalog();
    Situation s;
    s.topic = c.topics[draw.below(c.topics.size())].id;
    if (draw.below(3) == 0) {  // a plain message: any type, nothing raised yet, ordinary stakes
        s.message_type = c.message_types[draw.below(c.message_types.size())].id;
        return s;
    }
    s.message_type = v.matter_types[draw.below(v.matter_types.size())];
    if (draw.below(2) == 0 && !c.stakes.empty()) s.stakes = c.stakes[draw.below(c.stakes.size())].id;
    s.compliance = draw.below(6) == 0;
    if (s.compliance || (!s.stakes.empty() && s.stakes != c.stakes.front().id)) s.message_type = v.default_type;
    if (draw.below(4) == 0 && !c.flags.empty()) s.flags.push_back(c.flags[draw.below(c.flags.size())].id);
    // The history, along the ladder from the person closest to the issue.
    Situation plain;
    plain.topic = s.topic;
    plain.message_type = s.message_type;
    const Advice base = rules.evaluate(plain);
    const std::string closest(base.closest.id);
    const std::string above = base.next_if_unresolved.empty() ? closest : std::string(base.next_if_unresolved.front().id);
    switch (draw.below(7)) {
        case 0: case 1: break;  // not raised yet
        case 2: s.raised_with = {closest}; break;
        case 3: s.raised_with = {closest}; s.resolved = Resolved::no; break;
        case 4: s.raised_with = {closest}; s.resolved = Resolved::yes; break;
        case 5: s.raised_with = {closest, above}; s.resolved = Resolved::no; break;
        case 6: s.raised_with = {above}; s.resolved = draw.below(2) ? Resolved::no : Resolved::unknown; break;  // over a head
    }
    if (s.raised_with.size() == 2 && s.raised_with[0] == s.raised_with[1]) s.raised_with.pop_back();
    return s;
}

std::string key_of(const Situation& s) {
    std::string k = s.topic + "|" + s.message_type + "|" + s.stakes + "|" + (s.compliance ? "c" : "") + "|" +
                    std::to_string(static_cast<int>(s.resolved));
    for (const auto& r : s.raised_with) k += "|" + r;
    for (const auto& f : s.flags) k += "|" + f;
    return k;
}

const char* resolved_word(Resolved r) { return r == Resolved::yes ? "true" : r == Resolved::no ? "false" : "unknown"; }

void emit(YAML::Emitter& y, const RuleSet& rules, const Generated& g, const std::string& id) {
    const auto& u = g.advice.understood;
    const auto& a = g.advice;
    // A trap: something tempts an escalation (a plan of the parent's, a matter raised and not
    // settled) and the rules stay.
    const bool trap = !a.escalate && (!u.flags.empty() || (!u.raised_with.empty() && u.resolved != Resolved::yes));
    const bool plain = u.raised_with.empty() && u.flags.empty() && !u.compliance && u.stakes == rules.catalog().stakes.front().id;
    y << YAML::BeginMap;
    y << YAML::Key << "id" << YAML::Value << id;
    y << YAML::Key << "difficulty" << YAML::Value << (plain ? "easy" : trap ? "hard" : "medium");
    y << YAML::Key << "section" << YAML::Value << section_of(a);
    if (trap) y << YAML::Key << "trap" << YAML::Value << true;
    y << YAML::Key << "text" << YAML::Value << YAML::DoubleQuoted << describe(rules, g);
    y << YAML::Key << "means" << YAML::Value << YAML::Flow << YAML::BeginMap;
    y << YAML::Key << "topic" << YAML::Value << std::string(u.topic);
    y << YAML::Key << "message_type" << YAML::Value << std::string(u.message_type);
    y << YAML::Key << "stakes" << YAML::Value << std::string(u.stakes);
    y << YAML::Key << "compliance" << YAML::Value << u.compliance;
    y << YAML::Key << "raised_with" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& r : u.raised_with) y << std::string(r);
    y << YAML::EndSeq;
    y << YAML::Key << "resolved" << YAML::Value << resolved_word(u.resolved);
    if (!u.flags.empty()) {
        y << YAML::Key << "flags" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& f : u.flags) y << std::string(f);
        y << YAML::EndSeq;
    }
    y << YAML::EndMap;
    y << YAML::Key << "expect" << YAML::Value << YAML::Flow << YAML::BeginMap;
    y << YAML::Key << "contact" << YAML::Value << std::string(a.contact.id);
    y << YAML::Key << "channel" << YAML::Value << std::string(a.channel.id);
    y << YAML::Key << "escalate" << YAML::Value << a.escalate;
    y << YAML::EndMap;
    y << YAML::EndMap;
}

}  // namespace

int generate(const RuleSet& rules, const Bank& bank, int count, std::uint32_t seed, std::ostream& out) {
    RuleUse by_bank;
    for (const auto& ex : bank.exercises) count_rules(rules.evaluate(situation_of(ex.means)), by_bank);

    // A pool of distinct situations in the seed's order, then a greedy pick: first the ones that
    // exercise a rule nothing has exercised yet, then the rest in order.
    Draw draw(seed);
    const Vocabulary vocabulary = vocabulary_of(rules);
    std::vector<Generated> pool;
    std::set<std::string> keys;
    const auto wanted = static_cast<std::size_t>(count);
    for (std::size_t tries = 0; tries < 40 * wanted + 200 && pool.size() < 20 * wanted + 100; ++tries) {
        Generated g;
        g.situation = draw_situation(rules, vocabulary, draw);
        g.key = key_of(g.situation);
        if (!keys.insert(g.key).second) continue;
        g.advice = rules.evaluate(g.situation);
        pool.push_back(std::move(g));
    }
    RuleUse use = by_bank;
    std::vector<const Generated*> picked;
    std::vector<bool> taken(pool.size(), false);
    for (std::size_t i = 0; i < pool.size() && picked.size() < wanted; ++i) {
        RuleUse mine;
        count_rules(pool[i].advice, mine);
        bool adds = false;
        for (const auto& [id, n] : mine) adds = adds || !use.count(id);
        if (!adds) continue;
        taken[i] = true;
        picked.push_back(&pool[i]);
        count_rules(pool[i].advice, use);
    }
    for (std::size_t i = 0; i < pool.size() && picked.size() < wanted; ++i) {
        if (taken[i]) continue;
        picked.push_back(&pool[i]);
        count_rules(pool[i].advice, use);
    }

    out << fmt::format("# {} exercises built from the rule set '{}' (advise train --generate {} --seed {}),\n"
                       "# each with the rules' answer. Use them with: advise train --bank FILE\n#\n",
                       picked.size(), rules.source_name(), count, seed);
    std::size_t bank_used = 0;
    for (const auto& r : rules.catalog().rules) bank_used += by_bank.count(r.id);
    out << fmt::format("# Coverage: the bank ({} exercises) exercises {} of {} rules; with these exercises too:\n", bank.exercises.size(),
                       bank_used, rules.catalog().rules.size());
    print_unexercised(rules, use, "# ", out);
    out << '\n';
    YAML::Emitter y;
    y << YAML::BeginMap << YAML::Key << "exercises" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < picked.size(); ++i) emit(y, rules, *picked[i], fmt::format("generated-{}-{}", seed, i + 1));
    y << YAML::EndSeq << YAML::EndMap;
    out << y.c_str() << '\n';
    return exit_advice;
}

}  // namespace advise::cli
