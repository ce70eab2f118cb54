#include "check/check.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <bit>
#include <map>
#include <set>

#include "advise/rule_set.hpp"
#include "graph/walk.hpp"
#include "load/diagnostics.hpp"
#include "load/load_yaml.hpp"
#include "load/read_file.hpp"
#include "graph/build.hpp"

namespace advise::detail {
namespace {

class Checker {
public:
    explicit Checker(const CompiledRules& r) : r_(r), m_(*r.model) {}

    std::vector<Finding> run() {
        unreachable_roles();
        unused_channels();
        unreadable_topics();
        phrase_overlaps();
        decision_tables();
        std::stable_sort(out_.begin(), out_.end(), [](const Finding& a, const Finding& b) {
            return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
        });
        return std::move(out_);
    }

private:
    void add(std::string kind, const Located& at, std::string message, std::vector<std::string> rules = {}) {
        out_.push_back({std::move(kind), {m_.file, at.pos.line, at.pos.column, at.key, std::move(message)}, std::move(rules)});
    }
    void add_at_rule(std::string kind, std::int32_t rule, std::string message, std::vector<std::string> rules) {
        const auto& info = r_.rules[static_cast<std::size_t>(rule)];
        out_.push_back({std::move(kind), {m_.file, info.pos.line, info.pos.column, info.id, std::move(message)}, std::move(rules)});
    }

    // Roles no topic, escalation rule or ladder step can lead to: a breadth-first search of the
    // graph "situation -> closest roles and escalation targets -> the roles above them".
    void unreachable_roles() {
        using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
        const std::size_t start = r_.roles.size();
        Graph g(start + 1);
        for (auto role : r_.topic_role) boost::add_edge(start, static_cast<std::size_t>(role), g);
        for (const auto& rule : r_.rules)
            if (rule.stage == RuleStage::escalation && rule.target == TargetKind::role)
                boost::add_edge(start, static_cast<std::size_t>(rule.target_role), g);
        for (std::size_t role = 0; role < r_.roles.size(); ++role)
            if (const auto up = r_.ladder.above(static_cast<std::int32_t>(role)); up >= 0)
                boost::add_edge(role, static_cast<std::size_t>(up), g);
        std::vector<boost::default_color_type> colour(start + 1, boost::white_color);
        boost::breadth_first_search(g, start, boost::color_map(boost::make_iterator_property_map(
                                                  colour.begin(), boost::get(boost::vertex_index, g))));
        for (std::size_t role = 0; role < r_.roles.size(); ++role)
            if (colour[role] == boost::white_color)
                add("unreachable_role", m_.roles[role].id,
                    "role '" + r_.roles[static_cast<std::int32_t>(role)] +
                        "' is never advised: no topic names it, and no escalation rule or ladder step leads to it");
    }

    void unused_channels() {
        std::vector<bool> used(r_.channels.size(), false);
        for (auto c : r_.message_channel) used[static_cast<std::size_t>(c)] = true;
        for (const auto& rule : r_.rules)
            if (rule.stage == RuleStage::escalation && rule.channel >= 0) used[static_cast<std::size_t>(rule.channel)] = true;
        for (std::size_t c = 0; c < used.size(); ++c)
            if (!used[c])
                add("unused_channel", m_.channels[c].id,
                    "channel '" + r_.channels[static_cast<std::int32_t>(c)] + "' is never advised: no message type or escalation rule uses it");
    }

    // With phrases in use, a topic without any can never be read from free text.
    void unreadable_topics() {
        const bool reader_used = std::any_of(m_.topics.begin(), m_.topics.end(), [](const TopicDef& t) { return !t.phrases.empty(); });
        if (!reader_used) return;
        for (std::size_t t = 0; t < m_.topics.size(); ++t)
            if (m_.topics[t].phrases.empty() && !r_.topic_fallback[t])
                add("unreadable_topic", m_.topics[t].id,
                    "topic '" + m_.topics[t].id.value + "' has no phrases: free text can never name it",
                    {"route." + m_.topics[t].id.value});
    }

    // One phrase given to two ids of the same kind: the reader cannot tell them apart by it.
    void phrase_overlaps() {
        auto overlaps = [&](const char* what, const auto& items) {
            std::map<std::vector<std::string>, std::pair<std::string, bool>> owner;  // words -> (id, exact)
            for (const auto& item : items)
                for (const auto& phrase : item.phrases) {
                    bool exact = false;
                    auto words = text::Lexicon::normalize(phrase.value, exact);
                    if (words.empty()) continue;
                    if (exact) words.insert(words.begin(), "=");
                    const auto [it, fresh] = owner.emplace(words, std::pair{item.id.value, exact});
                    if (!fresh && it->second.first != item.id.value)
                        add("phrase_overlap", phrase,
                            std::string("phrase '") + phrase.value + "' reads as " + what + " '" + it->second.first +
                                "' and also as '" + item.id.value + "'");
                }
        };
        overlaps("topic", m_.topics);
        overlaps("message type", m_.message_types);
        overlaps("stakes value", m_.stakes);
        overlaps("flag", m_.flags);
        overlaps("role", m_.roles);
    }

    std::string describe(const Facts& f) const {
        std::string raised;
        for (auto bits = f.raised_with; bits != 0; bits &= bits - 1)
            raised += (raised.empty() ? "" : ", ") + r_.roles[static_cast<std::int32_t>(std::countr_zero(bits))];
        std::string flags;
        for (std::size_t i = 0; i < r_.flags.size(); ++i)
            if (f.get(static_cast<int>(BoolSlot::first_flag) + static_cast<int>(i)))
                flags += (flags.empty() ? "" : ", ") + r_.flags[static_cast<std::int32_t>(i)];
        return "topic=" + r_.topics[f.get(EnumSlot::topic)] + " message_type=" + r_.message_types[f.get(EnumSlot::message_type)] +
               " stakes=" + r_.stakes[f.get(EnumSlot::stakes)] + " compliance=" + (f.get(BoolSlot::compliance) ? "true" : "false") +
               " resolved=" + (f.get(BoolSlot::resolved) ? "true" : f.get(BoolSlot::unresolved) ? "false" : "unknown") +
               " raised_with=[" + raised + "]" +
               (flags.empty() ? "" : " flags=[" + flags + "]");
    }

    // The situations that tell rules apart: a topic for each closest role and every topic a
    // condition names, every message type and stakes value, compliance either way, resolved each way,
    // raised with no one, the closest person, the level above, or both; and the flags.
    std::vector<Facts> situations() const {
        std::vector<std::int32_t> topics = r_.conditions.values_tested(EnumSlot::topic);
        std::set<std::int32_t> roles_seen;
        for (std::size_t t = 0; t < r_.topic_role.size(); ++t)
            if (roles_seen.insert(r_.topic_role[t]).second) topics.push_back(static_cast<std::int32_t>(t));
        std::sort(topics.begin(), topics.end());
        topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
        const auto flag_count = r_.flags.size();
        std::vector<std::uint64_t> flag_sets{0};
        if (flag_count <= 6) {
            for (std::uint64_t set = 1; set < (std::uint64_t{1} << flag_count); ++set) flag_sets.push_back(set);
        } else {
            for (std::size_t i = 0; i < flag_count; ++i) flag_sets.push_back(std::uint64_t{1} << i);
        }
        std::vector<Facts> out;
        for (auto topic : topics) {
            const auto closest = r_.topic_role[static_cast<std::size_t>(topic)];
            const auto above = r_.ladder.above(closest);
            std::vector<std::uint64_t> raised{0, std::uint64_t{1} << closest};
            if (above >= 0) raised.insert(raised.end(), {std::uint64_t{1} << above, (std::uint64_t{1} << closest) | (std::uint64_t{1} << above)});
            for (std::size_t m = 0; m < r_.message_types.size(); ++m)
                for (std::size_t s = 0; s < r_.stakes.size(); ++s)
                    for (int compliance = 0; compliance < 2; ++compliance)
                        for (int resolved = 0; resolved < 3; ++resolved)  // unknown, false, true
                            for (auto with : raised)
                                for (auto flags : flag_sets) {
                                    Facts f;
                                    f.set(EnumSlot::topic, topic);
                                    f.set(EnumSlot::message_type, static_cast<std::int32_t>(m));
                                    f.set(EnumSlot::stakes, static_cast<std::int32_t>(s));
                                    f.set(BoolSlot::compliance, compliance != 0);
                                    f.set(BoolSlot::unresolved, resolved == 1);
                                    f.set(BoolSlot::resolved, resolved == 2);
                                    f.raised_with = with;
                                    f.attempts = std::popcount(with);
                                    f.bools |= flags << static_cast<int>(BoolSlot::first_flag);
                                    out.push_back(f);
                                }
        }
        return out;
    }

    // The decision tables, run over every situation that tells their rules apart: overlaps
    // where order alone decides, gaps where no rule answers, rules that never hold, and
    // escalation rules that hold but never decide.
    void decision_tables() {
        std::vector<int> held(r_.rules.size(), 0), decided(r_.rules.size(), 0);
        std::map<std::pair<std::int32_t, std::int32_t>, std::string> overlap_witness;
        std::string gap_witness;
        Advice advice;
        for (const auto& facts : situations()) {
            Trace trace;
            walk(r_, facts, advice, &trace);
            bool answered = false;
            for (auto rule : trace.rules) {
                ++held[static_cast<std::size_t>(rule)];
                const auto stage = r_.rules[static_cast<std::size_t>(rule)].stage;
                answered = answered || stage == RuleStage::escalation || stage == RuleStage::stay;
            }
            if (trace.winner >= 0) ++decided[static_cast<std::size_t>(trace.winner)];
            if (!answered && gap_witness.empty()) gap_witness = describe(facts);
            // Two rules reaching the same rung with different answers: only file order decides.
            for (std::size_t i = 0; i < trace.escalations.size(); ++i)
                for (std::size_t j = i + 1; j < trace.escalations.size(); ++j) {
                    const auto [a, target_a] = trace.escalations[i];
                    const auto [b, target_b] = trace.escalations[j];
                    const auto& ra = r_.rules[static_cast<std::size_t>(a)];
                    const auto& rb = r_.rules[static_cast<std::size_t>(b)];
                    const bool same_rung = r_.ladder.rung(target_a) == r_.ladder.rung(target_b);
                    const bool differ = target_a != target_b || (ra.channel >= 0 && rb.channel >= 0 && ra.channel != rb.channel);
                    const auto declared = [](const RuleInfo& x, std::int32_t y) {
                        return std::find(x.over.begin(), x.over.end(), y) != x.over.end();
                    };
                    if (same_rung && differ && (a == trace.winner || b == trace.winner) && !declared(ra, b) && !declared(rb, a))
                        overlap_witness.emplace(std::pair{a, b}, describe(facts));
                }
        }
        for (const auto& [pair, witness] : overlap_witness) {
            const auto& a = r_.rules[static_cast<std::size_t>(pair.first)];
            const auto& b = r_.rules[static_cast<std::size_t>(pair.second)];
            add_at_rule("overlap", pair.second,
                        "'" + a.id + "' and '" + b.id + "' both hold and reach the same level with different answers, and neither says it is `over` the other (e.g. " + witness + ")",
                        {a.id, b.id});
        }
        if (!gap_witness.empty()) {
            // Placed at the first stay rule, where the missing default belongs.
            const Located at = m_.stay.empty() ? Located{{}, {1, 1, 0}, "stay"} : m_.stay.front().id;
            add("gap", at, "no escalation or stay rule answers some situations (e.g. " + gap_witness +
                               "): add a default stay rule (when: \"true\")");
        }
        for (std::size_t i = 0; i < r_.rules.size(); ++i) {
            const auto& rule = r_.rules[i];
            const bool conditional = rule.stage == RuleStage::escalation || rule.stage == RuleStage::stay || rule.stage == RuleStage::warning;
            if (!conditional) continue;
            if (held[i] == 0)
                add_at_rule("never_fires", static_cast<std::int32_t>(i), "rule '" + rule.id + "' never holds: its condition is false in every situation", {rule.id});
            else if (rule.stage == RuleStage::escalation && decided[i] == 0)
                add_at_rule("shadowed", static_cast<std::int32_t>(i),
                            "rule '" + rule.id + "' holds but never decides the contact: whenever it holds, another rule reaches at least as high before it",
                            {rule.id});
        }
    }

    const CompiledRules& r_;
    const RuleModel& m_;
    std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> check(const CompiledRules& rules) { return Checker(rules).run(); }

}  // namespace advise::detail

namespace advise {

std::vector<Finding> check(const RuleSet& rules) { return detail::check(rules.compiled()); }

CheckReport check_string(std::string_view yaml, std::string source_name) {
    CheckReport report;
    detail::Diagnostics diagnostics(source_name);
    const auto model = detail::load_yaml(yaml, diagnostics);
    report.readable = model.readable;
    try {
        if (!model.readable) diagnostics.throw_if_any();
        const RuleSet rules = RuleSet::from_string(yaml, source_name);
        report.loaded = true;
        report.findings = check(rules);
    } catch (const LoadError& e) {
        for (const auto& d : e.diagnostics()) report.findings.push_back({"load", d, {}});
    }
    return report;
}

CheckReport check_file(const std::string& path) {
    try {
        return check_string(detail::read_rule_file(path), path);
    } catch (const LoadError& e) {
        CheckReport report;  // not there, or not a file: nothing could be read
        for (const auto& d : e.diagnostics()) report.findings.push_back({"load", d, {}});
        return report;
    }
}

}  // namespace advise
