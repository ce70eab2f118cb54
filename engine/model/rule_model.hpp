// The rule set as written in the file: plain data with the source position of every value,
// before any id is resolved. The loader fills it; the compiler checks and compiles it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace advise::detail {

struct SourcePos {
    std::size_t line = 0;    // 1-based; 0 = unknown
    std::size_t column = 0;  // 1-based
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
};

struct ChannelDef {
    Located id, label, why, source;
};

struct MessageTypeDef {
    Located id, label, channel, note, source;
    std::vector<Located> phrases;
};

// A stakes value or a flag: a named fact value the rules can test.
struct TermDef {
    Located id, label, source;
    std::vector<Located> phrases;
};

struct TopicDef {
    Located id, label, role, why, source;
    std::vector<Located> phrases;
    std::vector<Located> examples;
};

// An escalation, stay or warning rule.
struct RuleDef {
    Located id, when, to, channel, then, text, source;
};

struct RuleModel {
    std::string file;
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
};

}  // namespace advise::detail
