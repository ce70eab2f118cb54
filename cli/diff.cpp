// advise diff OLD NEW: the situations whose answer (contact, channel, escalate) changes between
// two rule files, grouped by the rules that decide them. Exit 0 none, 1 some, 2 cannot load.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "commands.hpp"

namespace advise::cli {
namespace {

// The ids of one kind in either file, in the order they first appear.
std::vector<std::string> ids_of(const std::vector<Term>& a, const std::vector<Term>& b) {
    std::vector<std::string> out;
    for (const auto* terms : {&a, &b})
        for (const auto& t : *terms)
            if (std::find(out.begin(), out.end(), t.id) == out.end()) out.push_back(t.id);
    return out;
}

bool defines(const std::vector<Term>& terms, const std::string& id) {
    return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.id == id; });
}

// Every situation both files can answer: each topic, message type and stakes value, compliance
// either way, raised with no one or with one role, settled, not, or unknown, and each flag alone
// (flags mostly bring warnings, which are not the answer). (advise check enumerates fewer: one topic per role suffices to analyse one rule set, but
// a diff must see each topic's own route.)
std::vector<Situation> situations(const Catalog& a, const Catalog& b) {
    const auto topics = ids_of(a.topics, b.topics), types = ids_of(a.message_types, b.message_types),
               stakes = ids_of(a.stakes, b.stakes), roles = ids_of(a.roles, b.roles), flags = ids_of(a.flags, b.flags);
    const auto shared = [&](const auto& pick, const std::string& id) { return defines(pick(a), id) && defines(pick(b), id); };
    std::vector<std::vector<std::string>> raised{{}};
    for (const auto& r : roles)
        if (shared([](const Catalog& c) -> const auto& { return c.roles; }, r)) raised.push_back({r});
    std::vector<std::string> flag_sets{""};
    for (const auto& f : flags)
        if (shared([](const Catalog& c) -> const auto& { return c.flags; }, f)) flag_sets.push_back(f);
    std::vector<Situation> out;
    for (const auto& topic : topics) {
        if (!shared([](const Catalog& c) -> const auto& { return c.topics; }, topic)) continue;
        for (const auto& type : types) {
            if (!shared([](const Catalog& c) -> const auto& { return c.message_types; }, type)) continue;
            for (const auto& stake : stakes) {
                if (!shared([](const Catalog& c) -> const auto& { return c.stakes; }, stake)) continue;
                for (bool compliance : {false, true})
                    for (const auto& with : raised)
                        for (auto resolved : {Resolved::unknown, Resolved::no, Resolved::yes}) {
                            if (with.empty() && resolved != Resolved::unknown) continue;  // nothing raised, nothing settled
                            for (const auto& flag : flag_sets) {
                                Situation s;
                                s.topic = topic;
                                s.message_type = type;
                                s.stakes = stake;
                                s.compliance = compliance;
                                s.raised_with = with;
                                s.resolved = resolved;
                                if (!flag.empty()) s.flags = {flag};
                                out.push_back(std::move(s));
                            }
                        }
            }
        }
    }
    return out;
}

std::string describe(const Situation& s) {
    std::string out = fmt::format("topic={} type={} stakes={}", s.topic, s.message_type, s.stakes);
    if (s.compliance) out += " compliance";
    if (!s.raised_with.empty()) {
        out += " raised_with=" + s.raised_with.front();
        out += s.resolved == Resolved::yes ? " resolved=true" : s.resolved == Resolved::no ? " resolved=false" : "";
    }
    for (const auto& f : s.flags) out += " flag=" + f;
    return out;
}

std::string answer(const Advice& a) {
    return fmt::format("{} by {}{}", a.contact.id, a.channel.id, a.escalate ? ", escalate" : "");
}

// The ids one file defines and the other does not, by kind.
std::vector<std::string> only_in(const Catalog& a, const Catalog& b) {
    std::vector<std::string> out;
    const std::pair<const char*, std::pair<const std::vector<Term>*, const std::vector<Term>*>> kinds[] = {
        {"role", {&a.roles, &b.roles}},       {"channel", {&a.channels, &b.channels}},
        {"topic", {&a.topics, &b.topics}},    {"message type", {&a.message_types, &b.message_types}},
        {"stakes", {&a.stakes, &b.stakes}},   {"flag", {&a.flags, &b.flags}}};
    for (const auto& [kind, lists] : kinds)
        for (const auto& t : *lists.first)
            if (!defines(*lists.second, t.id)) out.push_back(std::string(kind) + " " + t.id);
    return out;
}

}  // namespace

int diff(const std::string& old_file, const std::string& new_file, bool json) {
    const RuleSet before = RuleSet::from_file(old_file);
    const RuleSet after = RuleSet::from_file(new_file);
    struct Group {
        std::size_t count = 0;
        std::vector<std::string> examples;
    };
    std::map<std::string, Group> groups;  // "the deciding rule", or "old rule -> new rule"
    const auto all = situations(before.catalog(), after.catalog());
    std::size_t changed = 0;
    Advice a, b;
    for (const auto& s : all) {
        before.evaluate(s, a);
        after.evaluate(s, b);
        if (a.contact.id == b.contact.id && a.channel.id == b.channel.id && a.escalate == b.escalate) continue;
        ++changed;
        const std::string key = a.decided_by == b.decided_by ? std::string(b.decided_by)
                                                             : fmt::format("{} -> {}", a.decided_by, b.decided_by);
        auto& group = groups[key];
        if (++group.count <= 3) group.examples.push_back(fmt::format("{}: {} -> {}", describe(s), answer(a), answer(b)));
    }
    const auto removed = only_in(before.catalog(), after.catalog()), added = only_in(after.catalog(), before.catalog());
    std::vector<std::pair<std::string, Group>> ordered(groups.begin(), groups.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.second.count > y.second.count; });
    if (json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& [rule, g] : ordered) list.push_back({{"rules", rule}, {"situations", g.count}, {"examples", g.examples}});
        std::cout << nlohmann::ordered_json{{"old", old_file}, {"new", new_file}, {"situations", all.size()}, {"changed", changed},
                                            {"only_in_old", removed}, {"only_in_new", added}, {"groups", list}}
                         .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    } else {
        for (const auto& id : removed) std::cout << "only in " << old_file << ": " << id << '\n';
        for (const auto& id : added) std::cout << "only in " << new_file << ": " << id << '\n';
        std::cout << fmt::format("{} of {} situations answer differently\n", changed, all.size());
        for (const auto& [rule, g] : ordered) {
            std::cout << fmt::format("\n{} ({} situation{})\n", rule, g.count, g.count == 1 ? "" : "s");
            for (const auto& e : g.examples) std::cout << "  " << e << '\n';
            if (g.count > g.examples.size()) std::cout << fmt::format("  ... and {} more\n", g.count - g.examples.size());
        }
    }
    return changed == 0 && removed.empty() && added.empty() ? exit_advice : exit_unsure;
}

}  // namespace advise::cli
