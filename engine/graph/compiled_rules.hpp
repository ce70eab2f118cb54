// A rule set compiled once: ids as integers, conditions pooled, and the decision graph that an
// evaluation walks. Immutable after build, so any number of threads may walk it at once.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "advise/rule_set.hpp"
#include "expr/condition.hpp"
#include "graph/ladder.hpp"
#include "model/id_table.hpp"
#include "model/rule_model.hpp"
#include "text/lexicon.hpp"
#include "text/models.hpp"

namespace advise::detail {

enum class RuleStage : std::uint8_t { route, escalation, stay, channel, ladder, warning, note };

// Where an escalation rule sends the parent.
enum class TargetKind : std::uint8_t { role, above_raised, above_closest, highest_raised };

// Every rule with an id: the routes (one per topic), escalation and stay rules, the channel
// rows (one per message type), the ladder steps (one per role) and the warnings.
struct RuleInfo {
    std::string id;
    std::string text;
    std::string source;
    SourcePos pos;
    RuleStage stage = RuleStage::route;
    std::int32_t subject = -1;           // route: its topic; channel: its message type; ladder: its role
    ConditionPool::Id when = 0;          // escalation, stay, warning
    TargetKind target = TargetKind::role;
    std::int32_t target_role = -1;       // TargetKind::role
    std::int32_t channel = -1;           // escalation: a fixed channel, or -1 for the message type's
    std::string then;                    // escalation: a follow-up step
    std::vector<std::int32_t> over;      // escalation: rules this one beats, whatever level each reaches
    std::int32_t up_to = -1;             // escalation: the highest role it may reach, or -1
    bool even_below_closest = false;     // escalation: its role answers even below the closest person
    std::string short_text;              // the short answer's one-line reason (a template); its text when not given
    std::optional<std::string> after;    // the short answer's "if it does not work" (a template), when the rule gives one
};

// The short answer's templates (render/template.hpp fills them): the rule set's own words, or
// plain defaults for a rule file that gives none.
struct Wording {
    std::vector<std::string> role_called;                  // by role: its `called`, else its title
    std::vector<std::string> topic_called;                 // by topic: the closest person's name for it; may be empty
    std::vector<std::string> channel_say, channel_because; // by channel
    std::vector<std::optional<std::string>> message_after; // by message type, when it replaces `after` ("" = no such line)
    std::string after, not_over_head, escalate_yes, escalate_no, escalate_no_raised, alternative;
};

// A person of the `contacts:` section.
struct Person {
    std::int32_t role = -1;
    std::string school;  // empty: for every school
    std::string name, email, phone;
};

enum class VertexKind : std::uint8_t {
    start,
    choose_closest,     // switch on topic: the role table
    closest_role,       // outcome: the person closest to the issue
    choose_escalation,  // the escalation criteria; the highest rung among those that hold wins
    escalation,         // outcome: an escalation rule's target
    stay,               // no criterion holds: stay with the closest person (collects stay rules)
    choose_channel,     // switch on message type: the channel table
    channel,            // outcome: a channel
    collect_warnings,   // every warning and note that holds
    warning,            // outcome: a warning or a note
    done
};

// next: the one way on; row: a rule of a decision; otherwise: no rule held; borrowed: an
// escalation rule without a channel takes the channel of another rule that holds.
enum class EdgeKind : std::uint8_t { next, row, otherwise, borrowed };

struct VertexData {
    VertexKind kind = VertexKind::start;
    std::int32_t ref = -1;  // role, rule or channel index, by kind
    std::string label;
};

struct EdgeData {
    EdgeKind kind = EdgeKind::next;
    std::int32_t rule = -1;  // row edges: the rule they stand for
};

using DecisionGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = DecisionGraph::vertex_descriptor;

// One row of a switch decision: the rule it stands for and the vertex it leads to.
struct SwitchRow {
    std::int32_t rule = -1;
    Vertex target = 0;
};

// A row of a decision that tests a condition: an escalation criterion, a stay rule, a warning.
struct Row {
    std::int32_t rule = -1;
    ConditionPool::Id when = 0;
    Vertex target = 0;
};

// The rows of one decision, indexed by the `fact == id` their condition requires, if any
// (`topic == mental_health and ...`): an evaluation looks at the rows without a key and at
// those keyed on the situation's own values, so ten thousand warnings, one per topic, cost
// what ten do. Each list is in file order.
struct RowIndex {
    struct Keyed {
        std::vector<std::uint32_t> start;  // by value: its rows are rows[start[v], start[v + 1])
        std::vector<Row> rows;
    };
    std::vector<Row> open;  // rows without a key
    std::array<Keyed, static_cast<std::size_t>(EnumSlot::count)> by_slot;
    std::vector<std::uint8_t> keyed_slots;  // the slots that have rows
    // Every row, when there are so few that testing each (a key is tested first, inline) is
    // cheaper than merging the lists above; else empty.
    std::vector<Row> few;
};

struct RoleInfo {
    std::string id, title, does, contact_when, source;
};

struct ChannelInfo {
    std::string id, label, why, source;
};

struct CompiledRules {
    std::shared_ptr<const RuleModel> model;  // the rule set as written, for positions in findings
    std::string source_name;
    std::string name;
    Catalog catalog;

    IdTable roles, channels, topics, message_types, stakes, flags;
    std::vector<RoleInfo> role_info;
    std::vector<ChannelInfo> channel_info;
    std::vector<std::int32_t> topic_role;          // topic -> closest role
    std::vector<std::int32_t> topic_usual_type;    // topic -> message type when none is given, or -1
    std::vector<bool> topic_fallback;              // topic -> read only when no other topic is named
    std::vector<bool> topic_named_only;            // topic -> read only when one of its phrases matched
    std::vector<std::int32_t> message_channel;     // message type -> channel
    std::int32_t default_topic = 0, default_message_type = 0, default_stakes = 0;

    std::vector<RuleInfo> rules;
    std::vector<std::int32_t> ladder_rule;         // role -> its ladder rule, or -1 at the top
    ConditionPool conditions;
    Ladder ladder{{}};

    text::Lexicon lexicon;                         // phrases and cues for reading free text
    text::ReaderModels models;                     // learned from the labelled texts; may be untrained

    Wording wording;
    std::vector<Person> people;                    // `contacts:`, in file order
    std::vector<std::string> schools;              // the schools they name, in file order

    DecisionGraph graph;
    Vertex start = 0;
    std::vector<Vertex> next;                      // each vertex's `next` edge target (itself if none)
    std::vector<SwitchRow> closest_by_topic;       // indexed by topic
    std::vector<SwitchRow> channel_by_message_type;// indexed by message type
    RowIndex escalation_rows, stay_rows, warning_rows, note_rows;
    Vertex no_escalation = 0;                      // where the walk goes when no criterion holds
};

}  // namespace advise::detail
