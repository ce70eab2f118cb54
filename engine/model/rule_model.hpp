// The rule set as written in the file: plain data with the source position of every value,
// before any id is resolved. The loader fills it; the compiler checks and compiles it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace advise::detail {

struct SourcePos {
    std::size_t line = 0;    // 1-based; 0 = unknown
    std::size_t column = 0;  // 1-based
    std::size_t offset = 0;  // byte offset in the file
};

// A scalar from the file, where it was, and the key path that leads to it ("topics[3].role").
struct Located {
    std::string value;
    SourcePos pos;
    std::string key;
    bool present() const { return pos.line != 0; }
};

struct RoleDef {
    Located id, title, does, contact_when, escalates_to, source;
    Located called;                // how the short answer names the role ("the classroom teacher")
    std::vector<Located> phrases;  // how people name the role in their own words
};

struct ChannelDef {
    Located id, label, why, source;
    Located say, because;  // the short answer's templates: what to do, and why this way
};

struct MessageTypeDef {
    Located id, label, channel, note, source;
    Located after;  // the short answer's "if it does not work" template; empty: no such line
    std::vector<Located> phrases;
};

// A stakes value or a flag: a named fact value the rules can test.
struct TermDef {
    Located id, label, source;
    std::vector<Located> phrases;
};

struct TopicDef {
    Located id, label, role, why, source;
    Located usual_type;  // the message type when none is given ("a medication change" is home news)
    Located fallback;    // "true": the reader takes this topic only when no other is named
    Located named_only;  // "true": the reader takes this topic only when one of its phrases matched
    Located called;      // how the short answer names the closest person for it ("the speech therapist")
    std::vector<Located> phrases;
    std::vector<Located> decisive;  // phrases that decide the topic on their own ("due process")
    std::vector<Located> examples;
};

// An escalation, stay, warning or note rule.
struct RuleDef {
    Located id, when, to, channel, then, text, source;
    std::vector<Located> over;    // escalation: rules whose answer this one's beats, whatever level each reaches
    Located up_to;                // escalation: the highest role it may send the parent to
    Located even_below_closest;   // escalation: "true" when its role answers even below the closest person
    Located short_text, after;    // the short answer's templates: the one-line reason, what if it does not work
};

// The short answer's templates that belong to no one rule (`answer:` in the file).
struct AnswerDef {
    Located after;            // what if it does not work, unless a rule or message type says otherwise
    Located not_over_head;    // a contact above the staff who is the closest person: not an escalation
    Located escalate_yes, escalate_no, escalate_no_raised;  // the --why "Escalate:" line
    Located alternative;      // a close second reading of the text
};

// A person of the `contacts:` section: who holds a role, at one school or for every school.
struct ContactDef {
    Located role, school, name, email, phone;
};

// The vocabulary the free-text reader needs beyond ids: cues that are not ids of their own.
struct ReaderDef {
    std::vector<Located> compliance;  // the school is out of compliance ("services haven't happened")
    std::vector<Located> contacted;   // before a role: the parent raised it with them ("emailed")
    std::vector<Located> answered;    // after a role: they answered without settling it ("said no")
    std::vector<Located> unresolved;  // it is not settled ("nothing changed")
    std::vector<Located> resolved;    // it is settled ("it got sorted")
    std::vector<Located> pending;     // its outcome is not due yet ("I emailed her yesterday")
    std::vector<Located> negations;   // words that turn a following cue off ("not", "no one")
    std::vector<Located> not_typos;   // real words close to a cue, never read as its typo ("brother")
    std::vector<std::pair<Located, Located>> counts;  // "twice" -> 2
    // The scopes of a history (ConText-style): contacts named as nouns ("a sit-down with"),
    // staff reaching out (not the parent raising it), dates opening a timeline, arrows between
    // roles, words that end a scope, and how far scopes reach.
    std::vector<Located> contact_nouns, reached_out, dates, sequence, ends_scope, titles, not_after;
    Located scope_forward, scope_backward;
    Located learning_c, learning_min_count, learning_close, learning_phrases;  // how the models learn from the examples
};

// A labelled text the reader learns from, with the facts it states (docs/labelling.md). Its
// positions are in the examples file `file` (an index into RuleModel::example_files).
struct ExampleDef {
    Located text, topic, message_type, stakes, compliance, resolved, attempts;
    std::vector<Located> raised_with, flags;
    std::uint32_t file = 0;
};

struct RuleModel {
    std::string file;
    std::string text;       // the file's text, to place problems found inside multi-line values
    bool readable = false;  // false when the YAML itself could not be read: nothing else to check
    Located name;
    Located default_topic, default_message_type, default_stakes;
    std::vector<RoleDef> roles;
    std::vector<ChannelDef> channels;
    std::vector<MessageTypeDef> message_types;
    std::vector<TermDef> stakes;
    std::vector<TermDef> flags;
    std::vector<TopicDef> topics;
    std::vector<RuleDef> escalation;
    std::vector<RuleDef> stay;
    std::vector<RuleDef> warnings;
    std::vector<RuleDef> notes;  // the guide's practical advice, attached where it applies
    Located ladder_source;       // where the ladder's order comes from, for the ladder reasons
    AnswerDef answer;
    std::vector<ContactDef> contacts;  // optional: the actual people, so the answer can name them
    std::vector<Located> example_files;  // `examples:` files, as written (relative to the rule file)
    std::vector<std::string> example_paths;  // the same files as opened, for messages
    std::vector<ExampleDef> examples;    // their texts; not kept in a snapshot
    ReaderDef reader;
};

}  // namespace advise::detail
