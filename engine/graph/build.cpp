#include "graph/build.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "expr/compile.hpp"
#include "graph/learn.hpp"
#include "expr/parse.hpp"
#include "load/locate.hpp"
#include "load/suggest.hpp"

namespace advise::detail {
namespace {

// Ids are used inside conditions, so they must read as identifiers there.
bool is_identifier(const std::string& id) {
    if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_')) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool is_rule_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
}

// Target words an escalation rule may use instead of a role id.
constexpr std::string_view above_raised_word = "above_raised";
constexpr std::string_view above_closest_word = "above_closest";
constexpr std::string_view highest_raised_word = "highest_raised";

class Builder {
public:
    Builder(std::shared_ptr<const RuleModel> model, Diagnostics& diagnostics)
        : model_(*model), d_(diagnostics), out_(std::make_shared<CompiledRules>()) {
        out_->model = std::move(model);
    }

    std::shared_ptr<const CompiledRules> run(text::Lexicon* lexicon, text::ReaderModels* models) {
        out_->source_name = model_.file;
        out_->name = model_.name.present() ? model_.name.value : model_.file;
        register_ids();
        check_flags();
        resolve_vocabulary();
        resolve_defaults();
        const auto escalates_to = resolve_ladder();
        compile_rules();
        if (lexicon) out_->lexicon = std::move(*lexicon);
        else compile_lexicon();
        if (models) {
            out_->models = std::move(*models);
        } else {
            const auto options = training_options(model_, d_);
            if (d_.empty()) {
                const auto texts = training_texts(model_, *out_, options, d_);
                if (d_.empty()) out_->models = text::train(texts, options);
            }
        }
        d_.throw_if_any();
        out_->ladder = Ladder(escalates_to);
        add_ladder_rules();
        build_catalog();
        build_graph();
        return out_;
    }

private:
    // Adds every id of `items` to `table`, reporting malformed and repeated ids.
    template <typename Items>
    void register_table(const Items& items, IdTable& table, const std::string& what) {
        std::map<std::string, std::size_t> first_line;
        for (const auto& item : items) {
            const Located& id = item.id;
            if (!id.present() || id.value.empty()) continue;
            if (!is_identifier(id.value)) {
                d_.error(id, what + " id '" + id.value + "' must be letters, digits and '_', starting with a letter");
                continue;
            }
            if (!table.add(id.value))
                d_.error(id, "duplicate " + what + " id '" + id.value + "' (first defined on line " +
                                 std::to_string(first_line[id.value]) + ")");
            else
                first_line[id.value] = id.pos.line;
        }
    }

    void register_ids() {
        register_table(model_.roles, out_->roles, "role");
        register_table(model_.channels, out_->channels, "channel");
        register_table(model_.message_types, out_->message_types, "message type");
        register_table(model_.stakes, out_->stakes, "stakes");
        register_table(model_.flags, out_->flags, "flag");
        register_table(model_.topics, out_->topics, "topic");
        if (out_->roles.size() > static_cast<std::size_t>(max_roles))
            d_.error(model_.roles[max_roles].id, "a rule set may define at most " + std::to_string(max_roles) + " roles");
        if (out_->flags.size() > static_cast<std::size_t>(max_flags))
            d_.error(model_.flags[max_flags].id, "a rule set may define at most " + std::to_string(max_flags) + " flags");
    }

    void check_flags() {
        const IdTable none;
        const FactSchema builtin({none, none, none, none, none});
        for (const auto& flag : model_.flags)
            if (builtin.find(flag.id.value))
                d_.error(flag.id, "flag '" + flag.id.value + "' has the name of a built-in fact");
    }

    // A true/false setting; absent means false.
    bool truth(const Located& value) {
        if (!value.present() || value.value == "false") return false;
        if (value.value == "true") return true;
        d_.error(value, "expected true or false, found '" + value.value + "'");
        return false;
    }

    // Resolves a reference to an id of `table`; reports it when unknown.
    std::int32_t reference(const Located& ref, const IdTable& table, const std::string& what) {
        if (!ref.present() || ref.value.empty()) return IdTable::none;
        const auto id = table.find(ref.value);
        if (id == IdTable::none)
            d_.error(ref, "unknown " + what + " '" + ref.value + "'" + did_you_mean(ref.value, table.views()));
        return id;
    }

    void resolve_vocabulary() {
        for (const auto& r : model_.roles)
            out_->role_info.push_back({r.id.value, r.title.value, r.does.value, r.contact_when.value, r.source.value});
        for (const auto& c : model_.channels)
            out_->channel_info.push_back({c.id.value, c.label.value, c.why.value, c.source.value});
        for (const auto& t : model_.topics) {
            out_->topic_role.push_back(reference(t.role, out_->roles, "role"));
            out_->topic_usual_type.push_back(reference(t.usual_type, out_->message_types, "message type"));
            out_->topic_fallback.push_back(truth(t.fallback));
            out_->topic_named_only.push_back(truth(t.named_only));
        }
        for (const auto& m : model_.message_types)
            out_->message_channel.push_back(reference(m.channel, out_->channels, "channel"));
        resolve_wording();
        resolve_people();
    }

    // The short answer's templates; plain defaults where the file gives none.
    void resolve_wording() {
        auto& w = out_->wording;
        const auto or_else = [](const Located& l, std::string fallback) { return l.present() ? l.value : fallback; };
        for (const auto& r : model_.roles) w.role_called.push_back(or_else(r.called, "the " + r.title.value));
        for (const auto& t : model_.topics) w.topic_called.push_back(t.called.value);
        for (const auto& c : model_.channels) {
            w.channel_say.push_back(or_else(c.say, "Contact {contact}: {channel}."));
            w.channel_because.push_back(or_else(c.because, c.why.value));
        }
        for (const auto& m : model_.message_types)
            w.message_after.push_back(m.after.present() ? std::optional<std::string>(m.after.value) : std::nullopt);
        const auto& a = model_.answer;
        w.after = or_else(a.after, "If that does not settle it: {next}.");
        w.not_over_head = or_else(a.not_over_head, "{Contact} is the closest person for {topic}, so this is not going over anyone's head.");
        w.escalate_yes = or_else(a.escalate_yes, "yes, above {closest}, the closest person for {topic}");
        w.escalate_no = or_else(a.escalate_no, "no: {contact} is the closest person for {topic}");
        w.escalate_no_raised = or_else(a.escalate_no_raised, "no: a follow-up with {contact}, whom you already asked");
        w.alternative = or_else(a.alternative, "If this is mainly about {alt_topic}: {alt_contact} instead.");
    }

    // `contacts:`: each person's role must be one of the rule set's.
    void resolve_people() {
        for (const auto& c : model_.contacts) {
            const auto role = reference(c.role, out_->roles, "role");
            if (role < 0) continue;
            out_->people.push_back({role, c.school.value, c.name.value, c.email.value, c.phone.value});
            if (!c.school.value.empty() &&
                std::find(out_->schools.begin(), out_->schools.end(), c.school.value) == out_->schools.end())
                out_->schools.push_back(c.school.value);
        }
    }

    void resolve_defaults() {
        out_->default_topic = reference(model_.default_topic, out_->topics, "topic");
        out_->default_message_type = reference(model_.default_message_type, out_->message_types, "message type");
        out_->default_stakes = reference(model_.default_stakes, out_->stakes, "stakes value");
    }

    std::vector<std::int32_t> resolve_ladder() {
        std::vector<std::int32_t> escalates_to;
        for (const auto& r : model_.roles) escalates_to.push_back(reference(r.escalates_to, out_->roles, "role"));
        if (escalates_to.size() != out_->roles.size()) return {};  // ids were broken; reported already
        if (auto cycle = Ladder::find_cycle(escalates_to)) {
            std::string path;
            for (auto role : *cycle) path += (path.empty() ? "" : " -> ") + out_->roles[role];
            d_.error(model_.roles[static_cast<std::size_t>(cycle->front())].escalates_to,
                     "the escalation ladder has a cycle: " + path);
        }
        return escalates_to;
    }

    std::optional<ConditionPool::Id> compile_condition(const Located& when, bool after_escalation) {
        if (!when.present()) return std::nullopt;
        auto report = [&](const expr::ParseError& e) {
            Located at = when;
            at.pos = locate(model_.text, when.pos, when.value, e.column - 1);
            d_.error(at, e.message);
        };
        auto parsed = expr::parse(when.value);
        if (auto* error = std::get_if<expr::ParseError>(&parsed)) {
            report(*error);
            return std::nullopt;
        }
        const FactSchema schema({out_->topics, out_->message_types, out_->stakes, out_->roles, out_->flags});
        std::vector<expr::ParseError> errors;
        auto id = expr::compile(std::get<expr::Node>(parsed), schema, {after_escalation}, out_->conditions, errors);
        for (const auto& e : errors) report(e);
        return id;
    }

    void add_rule(RuleInfo rule, const Located& id) {
        if (!is_rule_id(rule.id)) {
            d_.error(id, "rule id '" + rule.id + "' must be letters, digits, '_', '.' and '-'");
        } else if (auto [it, fresh] = rule_lines_.emplace(rule.id, id.pos.line); !fresh) {
            d_.error(id, "duplicate rule id '" + rule.id + "' (first defined on line " + std::to_string(it->second) + ")");
        }
        out_->rules.push_back(std::move(rule));
    }

    // Whether the item at `index` holds its id in `table` (not malformed, not a repeat).
    static bool registered(const IdTable& table, const Located& id, std::size_t index) {
        return table.find(id.value) == static_cast<std::int32_t>(index);
    }

    void compile_rules() {
        for (std::size_t t = 0; t < model_.topics.size(); ++t) {
            const auto& topic = model_.topics[t];
            if (!registered(out_->topics, topic.id, t)) continue;  // reported already
            add_rule({.id = "route." + topic.id.value, .text = topic.why.value, .source = topic.source.value,
                      .pos = topic.id.pos, .stage = RuleStage::route,
                      .subject = static_cast<std::int32_t>(t), .target_role = out_->topic_role[t]},
                     topic.id);
        }
        for (const auto& rule : model_.escalation) compile_escalation(rule);
        resolve_precedence();
        for (const auto& rule : model_.stay) compile_simple(rule, RuleStage::stay);
        for (std::size_t m = 0; m < model_.message_types.size(); ++m) {
            const auto& type = model_.message_types[m];
            if (!registered(out_->message_types, type.id, m)) continue;  // reported already
            const auto channel = out_->message_channel[m];
            std::string text = type.label.value;
            if (channel >= 0) {
                const auto& c = out_->channel_info[static_cast<std::size_t>(channel)];
                text += ": " + c.label + ". " + c.why;
            }
            if (type.note.present()) text += " " + type.note.value;
            add_rule({.id = "channel." + type.id.value, .text = text, .source = type.source.value,
                      .pos = type.id.pos, .stage = RuleStage::channel,
                      .subject = static_cast<std::int32_t>(m), .channel = channel},
                     type.id);
        }
        for (const auto& rule : model_.warnings) compile_simple(rule, RuleStage::warning);
        for (const auto& rule : model_.notes) compile_simple(rule, RuleStage::note);
    }

    void compile_escalation(const RuleDef& def) {
        RuleInfo rule{.id = def.id.value, .text = def.text.value, .source = def.source.value, .pos = def.id.pos,
                      .stage = RuleStage::escalation, .then = def.then.value};
        set_wording(rule, def);
        if (auto when = compile_condition(def.when, false)) rule.when = *when;
        if (def.to.value == above_raised_word) {
            rule.target = TargetKind::above_raised;
        } else if (def.to.value == above_closest_word) {
            rule.target = TargetKind::above_closest;
        } else if (def.to.value == highest_raised_word) {
            rule.target = TargetKind::highest_raised;
        } else if (def.to.present()) {
            rule.target_role = out_->roles.find(def.to.value);
            if (rule.target_role == IdTable::none) {
                auto candidates = out_->roles.views();
                candidates.insert(candidates.end(), {above_raised_word, above_closest_word, highest_raised_word});
                d_.error(def.to, "unknown role '" + def.to.value + "'" + did_you_mean(def.to.value, candidates) +
                                     ": 'to' takes a role id, above_raised, above_closest or highest_raised");
            }
        }
        rule.channel = reference(def.channel, out_->channels, "channel");
        rule.up_to = reference(def.up_to, out_->roles, "role");
        rule.even_below_closest = truth(def.even_below_closest);
        add_rule(std::move(rule), def.id);
    }

    // `over: [rule ids]` names escalation rules this one beats whenever both hold.
    void resolve_precedence() {
        std::map<std::string, std::int32_t> escalation_ids;
        for (std::size_t i = 0; i < out_->rules.size(); ++i)
            if (out_->rules[i].stage == RuleStage::escalation) escalation_ids.emplace(out_->rules[i].id, static_cast<std::int32_t>(i));
        std::vector<std::string_view> names;
        for (const auto& [id, index] : escalation_ids) names.push_back(id);
        for (const auto& def : model_.escalation) {
            const auto self = escalation_ids.find(def.id.value);
            for (const auto& other : def.over) {
                const auto it = escalation_ids.find(other.value);
                if (it == escalation_ids.end()) {
                    d_.error(other, "unknown escalation rule '" + other.value + "'" + did_you_mean(other.value, names));
                } else if (self != escalation_ids.end() && it->second != self->second) {
                    out_->rules[static_cast<std::size_t>(self->second)].over.push_back(it->second);
                }
            }
        }
    }

    // A stay, warning or note rule. Warnings and notes are decided after the contact, so they
    // may test it.
    void compile_simple(const RuleDef& def, RuleStage stage) {
        RuleInfo rule{.id = def.id.value, .text = def.text.value, .source = def.source.value, .pos = def.id.pos,
                      .stage = stage};
        set_wording(rule, def);
        if (auto when = compile_condition(def.when, stage == RuleStage::warning || stage == RuleStage::note)) rule.when = *when;
        add_rule(std::move(rule), def.id);
    }

    static void set_wording(RuleInfo& rule, const RuleDef& def) {
        rule.short_text = def.short_text.present() ? def.short_text.value : def.text.value;
        if (def.after.present()) rule.after = def.after.value;
    }

    void add_phrases(const std::vector<Located>& phrases, text::CueKind kind, std::int32_t ref, bool exact = false) {
        for (const auto& p : phrases)
            if (!out_->lexicon.add(p.value, kind, ref, exact)) d_.error(p, "a phrase needs at least one word");
    }

    void compile_lexicon() {
        using text::CueKind;
        auto each = [&](const auto& items, CueKind kind) {
            for (std::size_t i = 0; i < items.size(); ++i)
                add_phrases(items[i].phrases, kind, static_cast<std::int32_t>(i));
        };
        each(model_.topics, CueKind::topic);
        for (std::size_t t = 0; t < model_.topics.size(); ++t)
            add_phrases(model_.topics[t].decisive, CueKind::decisive_topic, static_cast<std::int32_t>(t));
        each(model_.message_types, CueKind::message_type);
        each(model_.stakes, CueKind::stakes);
        each(model_.flags, CueKind::flag);
        each(model_.roles, CueKind::role);
        const auto& r = model_.reader;
        add_phrases(r.compliance, CueKind::compliance, 0);
        add_phrases(r.contacted, CueKind::contacted, 0, true);  // past tense only: "emailed", not "email"
        add_phrases(r.answered, CueKind::answered, 0);
        add_phrases(r.unresolved, CueKind::unresolved, 0);
        add_phrases(r.resolved, CueKind::resolved, 0);
        add_phrases(r.pending, CueKind::pending, 0);
        add_phrases(r.negations, CueKind::negation, 0, true);
        for (const auto& word : r.negations) out_->lexicon.never_correct(word.value);  // "not" is no typo of "note"
        add_phrases(r.contact_nouns, CueKind::contact_noun, 0);
        add_phrases(r.reached_out, CueKind::reached_out, 0, true);
        add_phrases(r.dates, CueKind::date, 0, true);
        add_phrases(r.sequence, CueKind::sequence, 0, true);
        add_phrases(r.ends_scope, CueKind::ends_scope, 0, true);
        add_phrases(r.titles, CueKind::title, 0, true);
        add_phrases(r.not_after, CueKind::not_after, 0, true);
        for (auto [value, reach] : {std::pair{&r.scope_forward, &out_->lexicon.scopes.forward},
                                    std::pair{&r.scope_backward, &out_->lexicon.scopes.backward}}) {
            if (!value->present()) continue;
            unsigned n = 0;
            const auto [end, error] = std::from_chars(value->value.data(), value->value.data() + value->value.size(), n);
            if (error != std::errc() || end != value->value.data() + value->value.size() || n < 1 || n > 50)
                d_.error(*value, "expected a whole number of words from 1 to 50, found '" + value->value + "'");
            else
                *reach = n;
        }
        for (const auto& word : r.not_typos) out_->lexicon.never_correct(word.value);
        for (const auto& [phrase, times] : r.counts) {
            int value = 0;
            const auto [end, error] = std::from_chars(times.value.data(), times.value.data() + times.value.size(), value);
            if (error != std::errc() || end != times.value.data() + times.value.size() || value < 1 || value > 100) {
                d_.error(times, "expected a whole number from 1 to 100, found '" + times.value + "'");
                continue;
            }
            if (!out_->lexicon.add(phrase.value, CueKind::count, value)) d_.error(phrase, "a phrase needs at least one word");
        }
        out_->lexicon.finish();
    }

    void add_ladder_rules() {
        out_->ladder_rule.assign(out_->roles.size(), -1);
        for (std::size_t r = 0; r < model_.roles.size(); ++r) {
            const auto& chain = out_->ladder.chain_above(static_cast<std::int32_t>(r));
            if (chain.empty()) continue;
            std::string text = "If this is not resolved, the next step up is ";
            for (std::size_t i = 0; i < chain.size(); ++i)
                text += (i == 0 ? "" : i + 1 == chain.size() ? ", then " : ", then ") +
                        out_->role_info[static_cast<std::size_t>(chain[i])].title;
            text += ": one level at a time.";
            out_->ladder_rule[r] = static_cast<std::int32_t>(out_->rules.size());
            const auto& role = model_.roles[r];
            const auto& source = model_.ladder_source.present() ? model_.ladder_source.value : role.source.value;
            add_rule({.id = "ladder." + role.id.value, .text = text, .source = source,
                      .pos = role.escalates_to.pos, .stage = RuleStage::ladder,
                      .subject = static_cast<std::int32_t>(r)},
                     role.id);
        }
        d_.throw_if_any();  // generated ids may clash with a rule file's own
    }

    void build_catalog() {
        auto& c = out_->catalog;
        for (const auto& r : model_.roles) c.roles.push_back({r.id.value, r.title.value, r.contact_when.value});
        for (const auto& ch : model_.channels) c.channels.push_back({ch.id.value, ch.label.value, ch.why.value});
        for (const auto& t : model_.topics) c.topics.push_back({t.id.value, t.label.value, t.why.value});
        for (const auto& m : model_.message_types) c.message_types.push_back({m.id.value, m.label.value, m.note.value});
        for (const auto& s : model_.stakes) c.stakes.push_back({s.id.value, s.label.value, ""});
        for (const auto& f : model_.flags) c.flags.push_back({f.id.value, f.label.value, ""});
        for (const auto& rule : out_->rules) c.rules.push_back({rule.id, rule.text, rule.source});
    }

    Vertex add_vertex(VertexKind kind, std::int32_t ref, std::string label) {
        return boost::add_vertex(VertexData{kind, ref, std::move(label)}, out_->graph);
    }
    void add_edge(Vertex from, Vertex to, EdgeKind kind, std::int32_t rule = -1) {
        boost::add_edge(from, to, EdgeData{kind, rule}, out_->graph);
    }

    // How many values each enumerated fact has.
    std::size_t values_of(EnumSlot slot) const {
        const auto& o = *out_;
        switch (slot) {
            case EnumSlot::topic: return o.topics.size();
            case EnumSlot::message_type: return o.message_types.size();
            case EnumSlot::stakes: return o.stakes.size();
            case EnumSlot::closest:
            case EnumSlot::contact: return o.roles.size();
            case EnumSlot::count: break;
        }
        return 0;
    }

    // Up to this many rows, a decision tests each of them rather than look up its index.
    static constexpr std::size_t few_rows = 16;

    // `rows` (in file order) split by the key of their condition.
    RowIndex index_rows(const std::vector<Row>& rows) const {
        RowIndex index;
        for (std::size_t slot = 0; slot < index.by_slot.size(); ++slot) {
            auto& keyed = index.by_slot[slot];
            std::vector<std::vector<Row>> by_value;
            for (const auto& row : rows) {
                const auto [key_slot, value] = out_->conditions.key_of(row.when);
                if (key_slot != static_cast<int>(slot)) continue;
                if (by_value.empty()) by_value.resize(values_of(static_cast<EnumSlot>(slot)));
                by_value[static_cast<std::size_t>(value)].push_back(row);
            }
            if (by_value.empty()) continue;  // nothing keyed on this fact: no table to look in
            for (const auto& list : by_value) {
                keyed.start.push_back(static_cast<std::uint32_t>(keyed.rows.size()));
                keyed.rows.insert(keyed.rows.end(), list.begin(), list.end());
            }
            keyed.start.push_back(static_cast<std::uint32_t>(keyed.rows.size()));
            index.keyed_slots.push_back(static_cast<std::uint8_t>(slot));
        }
        for (const auto& row : rows)
            if (out_->conditions.key_of(row.when).first < 0) index.open.push_back(row);
        if (rows.size() <= few_rows) index.few = rows;
        return index;
    }

    void build_graph() {
        auto& o = *out_;
        o.start = add_vertex(VertexKind::start, -1, "situation");
        const auto choose_closest = add_vertex(VertexKind::choose_closest, -1, "closest person (by topic)");
        add_edge(o.start, choose_closest, EdgeKind::next);
        const auto choose_escalation = add_vertex(VertexKind::choose_escalation, -1, "escalation criteria");
        const auto stay = add_vertex(VertexKind::stay, -1, "stay with the closest person");
        const auto choose_channel = add_vertex(VertexKind::choose_channel, -1, "channel (by message type)");
        const auto collect_warnings = add_vertex(VertexKind::collect_warnings, -1, "warnings and notes");
        const auto done = add_vertex(VertexKind::done, -1, "advice");

        std::vector<Vertex> role_vertex;
        for (std::size_t r = 0; r < o.roles.size(); ++r) {
            role_vertex.push_back(add_vertex(VertexKind::closest_role, static_cast<std::int32_t>(r), o.role_info[r].title));
            add_edge(role_vertex.back(), choose_escalation, EdgeKind::next);
        }
        std::vector<Vertex> channel_vertex;
        for (std::size_t c = 0; c < o.channels.size(); ++c) {
            channel_vertex.push_back(add_vertex(VertexKind::channel, static_cast<std::int32_t>(c), o.channel_info[c].label));
            add_edge(channel_vertex.back(), collect_warnings, EdgeKind::next);
        }
        o.closest_by_topic.assign(o.topics.size(), {});
        o.channel_by_message_type.assign(o.message_types.size(), {});
        std::vector<Row> escalation_rows, stay_rows, warning_rows, note_rows;
        for (std::size_t i = 0; i < o.rules.size(); ++i) {
            const auto& rule = o.rules[i];
            const auto index = static_cast<std::int32_t>(i);
            switch (rule.stage) {
                case RuleStage::route: {
                    const auto topic = rule.subject;
                    const auto target = role_vertex[static_cast<std::size_t>(rule.target_role)];
                    add_edge(choose_closest, target, EdgeKind::row, index);
                    o.closest_by_topic[static_cast<std::size_t>(topic)] = {index, target};
                    break;
                }
                case RuleStage::escalation: {
                    const auto outcome = add_vertex(VertexKind::escalation, index, rule.id);
                    add_edge(choose_escalation, outcome, EdgeKind::row, index);
                    escalation_rows.push_back({index, rule.when, outcome});
                    add_edge(outcome, rule.channel >= 0 ? channel_vertex[static_cast<std::size_t>(rule.channel)] : choose_channel,
                             EdgeKind::next);
                    break;
                }
                case RuleStage::stay:
                    add_edge(stay, choose_channel, EdgeKind::row, index);
                    stay_rows.push_back({index, rule.when, choose_channel});
                    break;
                case RuleStage::channel: {
                    const auto message_type = rule.subject;
                    const auto target = channel_vertex[static_cast<std::size_t>(rule.channel)];
                    add_edge(choose_channel, target, EdgeKind::row, index);
                    o.channel_by_message_type[static_cast<std::size_t>(message_type)] = {index, target};
                    break;
                }
                case RuleStage::warning:
                case RuleStage::note: {
                    const auto outcome = add_vertex(VertexKind::warning, index, rule.id);
                    add_edge(collect_warnings, outcome, EdgeKind::row, index);
                    (rule.stage == RuleStage::warning ? warning_rows : note_rows).push_back({index, rule.when, outcome});
                    add_edge(outcome, done, EdgeKind::next);
                    break;
                }
                case RuleStage::ladder: break;  // the ladder is its own graph
            }
        }
        // An escalation rule without a channel of its own may borrow the channel of another rule
        // that holds at the same time.
        for (auto [v, end] = boost::vertices(o.graph); v != end; ++v) {
            if (o.graph[*v].kind != VertexKind::escalation) continue;
            if (o.rules[static_cast<std::size_t>(o.graph[*v].ref)].channel >= 0) continue;
            std::vector<bool> linked(o.channels.size(), false);
            for (const auto& rule : o.rules)
                if (rule.stage == RuleStage::escalation && rule.channel >= 0 && !linked[static_cast<std::size_t>(rule.channel)]) {
                    linked[static_cast<std::size_t>(rule.channel)] = true;
                    add_edge(*v, channel_vertex[static_cast<std::size_t>(rule.channel)], EdgeKind::borrowed);
                }
        }
        add_edge(choose_escalation, stay, EdgeKind::otherwise);
        o.no_escalation = stay;
        o.escalation_rows = index_rows(escalation_rows);
        o.stay_rows = index_rows(stay_rows);
        o.warning_rows = index_rows(warning_rows);
        o.note_rows = index_rows(note_rows);
        add_edge(stay, choose_channel, EdgeKind::next);
        add_edge(collect_warnings, done, EdgeKind::next);

        o.next.resize(boost::num_vertices(o.graph));
        for (auto [v, end] = boost::vertices(o.graph); v != end; ++v) {
            o.next[*v] = *v;
            for (auto [e, e_end] = boost::out_edges(*v, o.graph); e != e_end; ++e)
                if (o.graph[*e].kind == EdgeKind::next) o.next[*v] = boost::target(*e, o.graph);
        }
    }

    const RuleModel& model_;
    Diagnostics& d_;
    std::shared_ptr<CompiledRules> out_;
    std::map<std::string, std::size_t> rule_lines_;
};

}  // namespace

std::shared_ptr<const CompiledRules> build(std::shared_ptr<const RuleModel> model, Diagnostics& diagnostics,
                                           text::Lexicon* lexicon, text::ReaderModels* models) {
    return Builder(std::move(model), diagnostics).run(lexicon, models);
}

}  // namespace advise::detail
