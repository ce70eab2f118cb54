#include "graph/walk.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "advise/error.hpp"
#include "load/suggest.hpp"

namespace advise::detail {
namespace {

[[noreturn, gnu::cold, gnu::noinline]] void unknown_id(const IdTable& table, const std::string& id, const char* what) {
    throw InputError(std::string("unknown ") + what + " '" + id + "'" + did_you_mean(id, table.views()));
}

// Inline, with the error out of line: a situation names up to a handful of ids, and each
// lookup is a large share of an evaluation.
inline std::int32_t resolve_id(const IdTable& table, const std::string& id, std::int32_t fallback, const char* what) {
    if (id.empty()) return fallback;
    const auto index = table.find(id);
    if (index == IdTable::none) unknown_id(table, id, what);
    return index;
}

// The roles that may answer at each step, as the walk decides them.
struct Decision {
    std::int32_t contact = -1;
    std::int32_t channel = -1;
    std::int32_t winner = -1;        // the escalation rule that chose the contact, if any
    std::int32_t channel_rule = -1;  // the escalation rule whose channel is used, if any
    std::int32_t stay = -1;          // the last stay rule that holds, when no escalation rule decides
};

// `traced` is a template argument so that the walk without a trace (every evaluation but the
// DOT picture of one) carries no test of it.
template <bool traced>
class Walker {
public:
    Walker(const CompiledRules& rules, Facts& facts, Advice& out, Trace* trace)
        : r_(rules), g_(rules.graph), facts_(facts), out_(out), trace_(trace) {}

    void run() {
        out_.reasons.clear();
        out_.warnings.clear();
        out_.notes.clear();
        Vertex v = r_.start;
        for (;;) {
            if constexpr (traced) trace_->vertices.push_back(v);
            const VertexData& data = g_[v];
            switch (data.kind) {
                case VertexKind::start: v = r_.next[v]; break;
                case VertexKind::choose_closest: v = take(r_.closest_by_topic[static_cast<std::size_t>(facts_.get(EnumSlot::topic))]); break;
                case VertexKind::closest_role: set_closest(data.ref); v = r_.next[v]; break;
                case VertexKind::choose_escalation: v = choose_escalation(); break;
                case VertexKind::escalation: v = leave_for_channel(v); break;
                case VertexKind::stay:
                    collect_rows(r_.stay_rows, out_.reasons, &decision_.stay);
                    v = r_.next[v];
                    break;
                case VertexKind::choose_channel:
                    v = take(r_.channel_by_message_type[static_cast<std::size_t>(facts_.get(EnumSlot::message_type))]);
                    break;
                case VertexKind::channel:
                    if (decision_.channel < 0) decision_.channel = data.ref;
                    add_ladder_reason();
                    v = r_.next[v];
                    break;
                case VertexKind::collect_warnings:
                    facts_.set(EnumSlot::contact, decision_.contact);
                    facts_.set(BoolSlot::escalate, escalates());
                    collect_rows(r_.warning_rows, out_.warnings);
                    collect_rows(r_.note_rows, out_.notes);
                    v = r_.next[v];
                    break;
                case VertexKind::warning: v = r_.next[v]; break;
                case VertexKind::done:
                    finish();
                    if constexpr (traced) trace_->winner = decision_.winner;
                    return;
            }
        }
    }

private:
    void add_reason(std::vector<Reason>& list, std::int32_t rule) {
        const RuleInfo& info = r_.rules[static_cast<std::size_t>(rule)];
        list.push_back({info.id, info.text, info.source});
        if constexpr (traced) trace_->rules.push_back(rule);
    }

    Vertex take(const SwitchRow& row) {
        add_reason(out_.reasons, row.rule);
        return row.target;
    }

    int rung(std::int32_t role) const { return r_.ladder.rung(role); }

    void set_closest(std::int32_t role) {
        facts_.set(EnumSlot::closest, role);
        decision_.contact = role;
        // Raised "directly": with the closest person themself. Going over their head first does
        // not count; the guide says it usually sends you back to them.
        facts_.set(BoolSlot::raised_directly, raised(role));
    }

    bool raised(std::int32_t role) const { return (facts_.raised_with >> role) & 1U; }

    // The role an escalation rule sends the parent to, for this situation: never below the
    // person closest to the issue (unless the rule says so: safety is the building leader's),
    // and never above the rule's `up_to` (only real violations go outside the school).
    // A target already tried about this matter, without it being addressed, is passed over for
    // the level above it ("the principal said she'd handle it; it happened again").
    std::int32_t target_of(const RuleInfo& rule) const {
        auto target = raw_target_of(rule);
        const auto closest = facts_.get(EnumSlot::closest);
        if (!rule.even_below_closest && rung(target) < rung(closest)) target = closest;
        if (facts_.get(BoolSlot::unresolved))
            while (raised(target) && target != rule.up_to && r_.ladder.above(target) >= 0) target = r_.ladder.above(target);
        if (rule.up_to >= 0 && rung(target) > rung(rule.up_to)) target = rung(closest) > rung(rule.up_to) ? closest : rule.up_to;
        return target;
    }

    std::int32_t raw_target_of(const RuleInfo& rule) const {
        const auto closest = facts_.get(EnumSlot::closest);
        auto one_above = [&](std::int32_t role) {
            const auto up = r_.ladder.above(role);
            return up >= 0 ? up : role;
        };
        switch (rule.target) {
            case TargetKind::role: return rule.target_role;
            case TargetKind::above_closest: return one_above(closest);
            case TargetKind::highest_raised:
            case TargetKind::above_raised: {
                std::int32_t highest = -1;
                for (auto raised = facts_.raised_with; raised != 0; raised &= raised - 1) {
                    const auto role = static_cast<std::int32_t>(std::countr_zero(raised));
                    if (highest < 0 || rung(role) > rung(highest)) highest = role;
                }
                if (highest < 0) return closest;
                return rule.target == TargetKind::above_raised ? one_above(highest) : highest;
            }
        }
        return closest;
    }

    // Every criterion that holds is a reason; the one reaching highest on the ladder decides
    // the contact (the first in file order among equals), unless one that holds declares it is
    // `over` another. The channel is the deciding rule's, or else the first rule's that holds
    // and names one.
    Vertex choose_escalation() {
        Vertex chosen = r_.no_escalation;
        int best_rung = -1;
        std::int32_t channel_rule = -1;
        each_row(r_.escalation_rows, [&](const Row& row) {
            if (!r_.conditions.holds(row.when, facts_)) return;
            const RuleInfo& rule = r_.rules[static_cast<std::size_t>(row.rule)];
            add_reason(out_.reasons, row.rule);
            if (channel_rule < 0 && rule.channel >= 0) channel_rule = row.rule;
            const auto target = target_of(rule);
            if constexpr (traced) trace_->escalations.emplace_back(row.rule, target);
            // A rule declared `over` another wins or loses whatever levels they reach; otherwise
            // the higher level wins, and the first in the file among equals.
            const auto declared_over = [](const RuleInfo& a, std::int32_t b) {
                return std::find(a.over.begin(), a.over.end(), b) != a.over.end();
            };
            bool wins = rung(target) > best_rung;
            if (decision_.winner >= 0) {
                const RuleInfo& current = r_.rules[static_cast<std::size_t>(decision_.winner)];
                if (declared_over(rule, decision_.winner)) wins = true;
                else if (declared_over(current, row.rule)) wins = false;
            }
            if (wins) {
                best_rung = rung(target);
                chosen = row.target;
                decision_.contact = target;
                decision_.winner = row.rule;
            }
        });
        if (decision_.winner < 0) return chosen;
        const RuleInfo& winner = r_.rules[static_cast<std::size_t>(decision_.winner)];
        decision_.channel_rule = winner.channel >= 0 ? decision_.winner : channel_rule;
        if (decision_.channel_rule >= 0)
            decision_.channel = r_.rules[static_cast<std::size_t>(decision_.channel_rule)].channel;
        return chosen;
    }

    // From an escalation outcome: to the channel already decided, or on to the channel table.
    Vertex leave_for_channel(Vertex v) {
        if (decision_.channel < 0) return r_.next[v];
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) {
            const auto target = boost::target(*e, g_);
            if (g_[target].kind == VertexKind::channel && g_[target].ref == decision_.channel) return target;
        }
        return r_.next[v];
    }

    // Calls `visit` with the rows of `index` that can hold for these facts, in file order: the
    // rows without a key merged with those keyed on the facts' own values.
    template <typename Visit>
    void each_row(const RowIndex& index, Visit&& visit) const {
        if (!index.few.empty() || index.keyed_slots.empty()) {
            for (const Row& row : index.few.empty() ? index.open : index.few) visit(row);
            return;
        }
        struct Range {
            const Row* at;
            const Row* end;
        };
        std::array<Range, 1 + std::tuple_size_v<decltype(index.by_slot)>> lists;
        std::size_t count = 0;
        if (!index.open.empty()) lists[count++] = {index.open.data(), index.open.data() + index.open.size()};
        for (const auto slot : index.keyed_slots) {
            const auto& keyed = index.by_slot[slot];
            const auto value = static_cast<std::size_t>(facts_.enums[slot]);  // -1: past the end
            if (value + 1 >= keyed.start.size()) continue;
            const auto first = keyed.start[value], last = keyed.start[value + 1];
            if (first < last) lists[count++] = {keyed.rows.data() + first, keyed.rows.data() + last};
        }
        for (;;) {
            std::size_t next = count;
            for (std::size_t i = 0; i < count; ++i)
                if (lists[i].at != lists[i].end && (next == count || lists[i].at->rule < lists[next].at->rule)) next = i;
            if (next == count) return;
            visit(*lists[next].at++);
        }
    }

    void collect_rows(const RowIndex& index, std::vector<Reason>& list, std::int32_t* last = nullptr) {
        each_row(index, [&](const Row& row) {
            if (!r_.conditions.holds(row.when, facts_)) return;
            add_reason(list, row.rule);
            if (last) *last = row.rule;
        });
    }

    void add_ladder_reason() {
        const auto rule = r_.ladder_rule[static_cast<std::size_t>(decision_.contact)];
        if (rule >= 0) add_reason(out_.reasons, rule);
    }

    bool escalates() const {
        return decision_.winner >= 0 && rung(decision_.contact) > rung(facts_.get(EnumSlot::closest));
    }

    void set_role(RoleRef& ref, std::int32_t role) {
        const auto& info = r_.role_info[static_cast<std::size_t>(role)];
        ref.id = info.id;
        ref.title = info.title;
        ref.called = r_.wording.role_called[static_cast<std::size_t>(role)];
        // The closest person may have a name of their own for this topic ("the speech therapist").
        const auto topic = static_cast<std::size_t>(facts_.get(EnumSlot::topic));
        if (role == facts_.get(EnumSlot::closest) && !r_.wording.topic_called[topic].empty())
            ref.called = r_.wording.topic_called[topic];
        ref.name = ref.email = ref.phone = {};
    }

    void finish() {
        set_role(out_.contact, decision_.contact);
        set_role(out_.closest, facts_.get(EnumSlot::closest));
        const auto& channel = r_.channel_info[static_cast<std::size_t>(decision_.channel)];
        out_.channel.id = channel.id;
        out_.channel.label = channel.label;
        out_.channel.why = channel.why;
        out_.channel.then = decision_.channel_rule >= 0 ? std::string_view(r_.rules[static_cast<std::size_t>(decision_.channel_rule)].then)
                                                        : std::string_view();
        out_.escalate = escalates();
        const auto& chain = r_.ladder.chain_above(decision_.contact);
        out_.next_if_unresolved.resize(chain.size());
        for (std::size_t i = 0; i < chain.size(); ++i) set_role(out_.next_if_unresolved[i], chain[i]);
        const auto decided = decision_.winner >= 0 ? decision_.winner : decision_.stay;
        out_.decided_by = decided >= 0 ? std::string_view(r_.rules[static_cast<std::size_t>(decided)].id) : std::string_view();

        auto& u = out_.understood;
        u.topic = r_.topics[facts_.get(EnumSlot::topic)];
        u.message_type = r_.message_types[facts_.get(EnumSlot::message_type)];
        u.stakes = r_.stakes[facts_.get(EnumSlot::stakes)];
        u.compliance = facts_.get(BoolSlot::compliance);
        u.resolved = facts_.get(BoolSlot::resolved) ? Resolved::yes : facts_.get(BoolSlot::unresolved) ? Resolved::no : Resolved::unknown;
        u.attempts = facts_.attempts;
        u.raised_with.clear();
        for (auto raised = facts_.raised_with; raised != 0; raised &= raised - 1)
            u.raised_with.push_back(r_.roles[static_cast<std::int32_t>(std::countr_zero(raised))]);
        u.from.clear();  // evidence belongs to a reading; a structured situation has none
        u.ignored.clear();
        u.corrected.clear();
        u.flags.clear();
        for (auto set = facts_.bools >> static_cast<int>(BoolSlot::first_flag); set != 0; set &= set - 1)
            u.flags.push_back(r_.flags[static_cast<std::int32_t>(std::countr_zero(set))]);
    }

    const CompiledRules& r_;
    const DecisionGraph& g_;
    Facts& facts_;
    Advice& out_;
    Trace* trace_;
    Decision decision_;
};

}  // namespace

Facts resolve(const CompiledRules& rules, const Situation& s) {
    Facts facts;
    facts.set(EnumSlot::topic, resolve_id(rules.topics, s.topic, rules.default_topic, "topic"));
    // With no message type given, the topic's usual one ("a medication change" is home news), else the default.
    const auto usual = rules.topic_usual_type[static_cast<std::size_t>(facts.get(EnumSlot::topic))];
    facts.set(EnumSlot::message_type, resolve_id(rules.message_types, s.message_type,
                                                 usual >= 0 ? usual : rules.default_message_type, "message type"));
    facts.set(EnumSlot::stakes, resolve_id(rules.stakes, s.stakes, rules.default_stakes, "stakes value"));
    facts.set(BoolSlot::compliance, s.compliance);
    facts.set(BoolSlot::resolved, s.resolved == Resolved::yes);
    facts.set(BoolSlot::unresolved, s.resolved == Resolved::no);
    for (const auto& role : s.raised_with)
        if (!role.empty()) facts.raised_with |= std::uint64_t{1} << resolve_id(rules.roles, role, 0, "role");
    for (const auto& flag : s.flags)
        if (!flag.empty()) facts.set(static_cast<int>(BoolSlot::first_flag) + resolve_id(rules.flags, flag, 0, "flag"), true);
    if (s.attempts >= 0) {
        facts.attempts = s.attempts;
    } else {  // a bit count that needs no popcnt instruction, for the few roles raised
        facts.attempts = 0;
        for (auto raised = facts.raised_with; raised != 0; raised &= raised - 1) ++facts.attempts;
    }
    return facts;
}

void name_people(const CompiledRules& rules, const std::string& school, Advice& out) {
    if (!school.empty() && std::find(rules.schools.begin(), rules.schools.end(), school) == rules.schools.end()) {
        std::vector<std::string_view> known(rules.schools.begin(), rules.schools.end());
        std::string list;
        for (const auto& s : rules.schools) list += (list.empty() ? "" : ", ") + s;
        throw InputError("unknown school '" + school + "'" +
                         (list.empty() ? std::string(": the rule set's contacts name no school") : did_you_mean(school, known) + " (known: " + list + ")"));
    }
    if (rules.people.empty()) return;
    auto name = [&](RoleRef& ref) {
        const Person* found = nullptr;
        for (const auto& p : rules.people) {
            if (rules.roles[p.role] != ref.id || (!p.school.empty() && p.school != school)) continue;
            if (!found || (found->school.empty() && !p.school.empty())) found = &p;  // the school's own first
        }
        if (!found) return;
        ref.name = found->name;
        ref.email = found->email;
        ref.phone = found->phone;
    };
    name(out.contact);
    name(out.closest);
    for (auto& next : out.next_if_unresolved) name(next);
}

void walk(const CompiledRules& rules, Facts facts, Advice& out, Trace* trace) {
    if (trace) Walker<true>(rules, facts, out, trace).run();
    else Walker<false>(rules, facts, out, nullptr).run();
}

}  // namespace advise::detail
