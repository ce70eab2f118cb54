#include "load/load_yaml.hpp"

#include "load/read_file.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "advise/version.hpp"
#include "load/suggest.hpp"
#include "model/utf8.hpp"

namespace advise::detail {
namespace {

SourcePos position_of(const YAML::Mark& mark) {
    if (mark.line < 0) return {};
    return {static_cast<std::size_t>(mark.line) + 1, static_cast<std::size_t>(mark.column) + 1,
            static_cast<std::size_t>(mark.pos)};
}

SourcePos position_of(const YAML::Node& node) { return position_of(node.Mark()); }

const char* kind_name(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Scalar: return "a single value";
        case YAML::NodeType::Null: return "nothing";
        default: return "an undefined value";
    }
}

// One mapping of the file, read key by key: unknown, repeated and missing keys are reported.
class MapReader {
public:
    MapReader(const YAML::Node& node, std::string path, std::vector<std::string_view> allowed,
              Diagnostics& diagnostics, std::string_view source)
        : node_(node), path_(std::move(path)), diagnostics_(diagnostics), source_(source) {
        std::set<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) {
                // `? [a, b]` is valid YAML, but a key here is always a name.
                diagnostics_.error(position_of(it->first), path_,
                                   std::string("a key must be a name, found ") + kind_name(it->first));
                continue;
            }
            const auto key = it->first.Scalar();
            key_positions_.emplace(key, position_of(it->first));
            const auto key_path = join(key);
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                diagnostics_.error(position_of(it->first), key_path,
                                   "unknown key '" + key + "'" + did_you_mean(key, allowed));
            } else if (!seen.insert(key).second) {
                diagnostics_.error(position_of(it->first), key_path, "key '" + key + "' appears twice");
            }
        }
    }

    std::string join(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    // A single value; reports a missing `required` key at the mapping's position.
    Located scalar(const std::string& key, bool required) {
        Located out;
        out.key = join(key);
        const YAML::Node value = node_[key];
        if (!value) {
            if (required) diagnostics_.error(position_of(node_), path_, "missing key '" + key + "'");
            return out;
        }
        out.pos = position_of(value);
        if (value.IsNull()) {
            // An empty value has no position of its own: point at its key.
            out.pos = key_positions_[key];
            diagnostics_.error(out, "'" + key + "' has no value");
            out.pos = {};
            return out;
        }
        if (!value.IsScalar()) {
            diagnostics_.error(out, std::string("expected a single value, found ") + kind_name(value));
            out.pos = {};
            return out;
        }
        out.value = value.Scalar();
        // A quoted value starts one column after its quote (the offset stays on the quote, so
        // that locate() can follow the value through the file).
        if (value.Tag() == "!" && (source_[out.pos.offset] == '"' || source_[out.pos.offset] == '\''))
            out.pos.column += 1;
        refuse_controls(out);
        if (required && out.value.empty()) diagnostics_.error(out, "'" + key + "' is empty");
        return out;
    }

    std::vector<Located> scalar_list(const std::string& key) {
        std::vector<Located> out;
        const YAML::Node value = node_[key];
        if (!value) return out;
        if (!value.IsSequence()) {
            diagnostics_.error(position_of(value), join(key),
                               std::string("expected a list, found ") + kind_name(value));
            return out;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
            const YAML::Node item = value[i];
            Located located{{}, position_of(item), join(key) + "[" + std::to_string(i) + "]"};
            if (!item.IsScalar()) {
                diagnostics_.error(located, std::string("expected a single value, found ") + kind_name(item));
                continue;
            }
            located.value = item.Scalar();
            refuse_controls(located);
            out.push_back(std::move(located));
        }
        return out;
    }

private:
    // An escape such as "\\e[31m" or "\\u202E" in a quoted value decodes to a character that
    // would reach a terminal raw (in --list, in advice): refused where the value is.
    void refuse_controls(const Located& located) {
        if (const auto at = find_terminal_control(located.value); at != std::string::npos) {
            const auto length = utf8_sequence_length(located.value, at);
            diagnostics_.error(located, "a control character (" +
                                            code_point_name(utf8_code_point(located.value, at, length)) +
                                            ") in the value; write the text without it");
        }
    }

    const YAML::Node& node_;
    std::string path_;
    Diagnostics& diagnostics_;
    std::string_view source_;
    std::map<std::string, SourcePos> key_positions_;
};

// Calls `read_item` for each mapping in the list under `key`.
void for_each_item(const YAML::Node& root, const std::string& key, bool required, Diagnostics& diagnostics,
                   const std::function<void(const YAML::Node&, const std::string&)>& read_item) {
    const YAML::Node list = root[key];
    if (!list) {
        if (required) diagnostics.error(position_of(root), "", "missing key '" + key + "'");
        return;
    }
    if (!list.IsSequence()) {
        diagnostics.error(position_of(list), key, std::string("expected a list, found ") + kind_name(list));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node item = list[i];
        const std::string path = key + "[" + std::to_string(i) + "]";
        if (!item.IsMap()) {
            diagnostics.error(position_of(item), path, std::string("expected a mapping, found ") + kind_name(item));
            continue;
        }
        read_item(item, path);
    }
}

// Reads an optional mapping under `path` with `read`; reports anything else found there.
void with_mapping(const YAML::Node& node, const std::string& path, std::vector<std::string_view> keys, Diagnostics& d,
                  std::string_view src, const std::function<void(MapReader&)>& read) {
    if (!node) return;
    if (!node.IsMap()) {
        d.error(position_of(node), path, std::string("expected a mapping, found ") + kind_name(node));
        return;
    }
    MapReader reader(node, path, std::move(keys), d, src);
    read(reader);
}

// Which keys a rule takes beyond id, when, text and source.
enum class RuleKind { escalation, plain };

RuleDef read_rule(const YAML::Node& node, const std::string& path, Diagnostics& d, std::string_view src, RuleKind kind) {
    std::vector<std::string_view> keys{"id", "when", "text", "source"};
    if (kind == RuleKind::escalation) keys.insert(keys.end(), {"to", "channel", "then", "over", "up_to", "even_below_closest"});
    MapReader r(node, path, keys, d, src);
    RuleDef rule;
    rule.id = r.scalar("id", true);
    rule.when = r.scalar("when", true);
    rule.text = r.scalar("text", true);
    rule.source = r.scalar("source", true);
    if (kind == RuleKind::escalation) {
        rule.channel = r.scalar("channel", false);
        rule.then = r.scalar("then", false);
        rule.to = r.scalar("to", true);
        rule.over = r.scalar_list("over");
        rule.up_to = r.scalar("up_to", false);
        rule.even_below_closest = r.scalar("even_below_closest", false);
    }
    return rule;
}

TermDef read_term(const YAML::Node& node, const std::string& path, Diagnostics& d, std::string_view src) {
    MapReader r(node, path, {"id", "label", "source", "phrases"}, d, src);
    return {r.scalar("id", true), r.scalar("label", true), r.scalar("source", false), r.scalar_list("phrases")};
}

void read_reader(const YAML::Node& node, ReaderDef& reader, Diagnostics& d, std::string_view src) {
    if (!node.IsMap()) {
        d.error(position_of(node), "reader", std::string("expected a mapping, found ") + kind_name(node));
        return;
    }
    MapReader r(node, "reader",
                {"compliance", "contacted", "answered", "unresolved", "resolved", "pending", "negations", "not_typos", "counts", "learning",
                 "contact_nouns", "reached_out", "dates", "sequence", "ends_scope", "titles", "not_after", "scope"},
                d, src);
    reader.contact_nouns = r.scalar_list("contact_nouns");
    reader.reached_out = r.scalar_list("reached_out");
    reader.dates = r.scalar_list("dates");
    reader.sequence = r.scalar_list("sequence");
    reader.ends_scope = r.scalar_list("ends_scope");
    reader.titles = r.scalar_list("titles");
    reader.not_after = r.scalar_list("not_after");
    with_mapping(node["scope"], "reader.scope", {"forward", "backward"}, d, src, [&](MapReader& scope) {
        reader.scope_forward = scope.scalar("forward", false);
        reader.scope_backward = scope.scalar("backward", false);
    });
    with_mapping(node["learning"], "reader.learning", {"c", "min_count", "close", "phrase_features"}, d, src, [&](MapReader& learning) {
        reader.learning_phrases = learning.scalar("phrase_features", false);
        reader.learning_c = learning.scalar("c", false);
        reader.learning_close = learning.scalar("close", false);
        reader.learning_min_count = learning.scalar("min_count", false);
    });
    reader.compliance = r.scalar_list("compliance");
    reader.contacted = r.scalar_list("contacted");
    reader.answered = r.scalar_list("answered");
    reader.unresolved = r.scalar_list("unresolved");
    reader.resolved = r.scalar_list("resolved");
    reader.pending = r.scalar_list("pending");
    reader.negations = r.scalar_list("negations");
    reader.not_typos = r.scalar_list("not_typos");
    const YAML::Node counts = node["counts"];
    if (!counts) return;
    if (!counts.IsMap()) {
        d.error(position_of(counts), "reader.counts", std::string("expected a mapping, found ") + kind_name(counts));
        return;
    }
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const std::string key = "reader.counts." + it->first.Scalar();
        Located phrase{it->first.Scalar(), position_of(it->first), key};
        Located times{{}, position_of(it->second), key};
        if (!it->second.IsScalar()) {
            d.error(times, std::string("expected a number, found ") + kind_name(it->second));
            continue;
        }
        times.value = it->second.Scalar();
        reader.counts.emplace_back(std::move(phrase), std::move(times));
    }
}

// `advise: N`, the rule format. A file of another format is refused, saying which way apart
// the two are: an older file is to be brought up to date, a newer one needs a newer advise.
void check_format(const Located& format, Diagnostics& d) {
    if (!format.present()) return;
    const std::string reads = "this advise " + std::string(version) + " reads rule format " +
                              std::to_string(rule_format);
    int n = 0;
    const char* end = format.value.data() + format.value.size();
    const auto [stop, ec] = std::from_chars(format.value.data(), end, n);
    if (ec != std::errc() || stop != end) {
        d.error(format, "the rule format is a whole number, found '" + format.value + "' (" + reads + ")");
    } else if (n < rule_format) {
        d.error(format, "rule format " + format.value + " is older than " + reads +
                            ": update the file to format " + std::to_string(rule_format));
    } else if (n > rule_format) {
        d.error(format, "rule format " + format.value + " is newer than " + reads +
                            ": use a newer advise, or a file of format " + std::to_string(rule_format));
    }
}

void read_file(const YAML::Node& root, RuleModel& model, Diagnostics& d) {
    const std::string_view src = model.text;
    MapReader top(root, "",
                  {"advise", "name", "defaults", "roles", "channels", "message_types", "stakes", "flags",
                   "topics", "ladder", "escalation", "stay", "warnings", "notes", "reader", "examples"},
                  d, src);
    check_format(top.scalar("advise", false), d);
    model.name = top.scalar("name", false);

    if (const YAML::Node defaults = root["defaults"]) {
        if (!defaults.IsMap()) {
            d.error(position_of(defaults), "defaults", std::string("expected a mapping, found ") + kind_name(defaults));
        } else {
            MapReader r(defaults, "defaults", {"topic", "message_type", "stakes"}, d, src);
            model.default_topic = r.scalar("topic", true);
            model.default_message_type = r.scalar("message_type", true);
            model.default_stakes = r.scalar("stakes", true);
        }
    } else {
        d.error(position_of(root), "", "missing key 'defaults'");
    }

    for_each_item(root, "roles", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "title", "does", "contact_when", "escalates_to", "source", "phrases"}, d, src);
        model.roles.push_back({r.scalar("id", true), r.scalar("title", true), r.scalar("does", true),
                               r.scalar("contact_when", true), r.scalar("escalates_to", false),
                               r.scalar("source", true), r.scalar_list("phrases")});
    });
    for_each_item(root, "channels", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "label", "why", "source"}, d, src);
        model.channels.push_back(
            {r.scalar("id", true), r.scalar("label", true), r.scalar("why", true), r.scalar("source", true)});
    });
    for_each_item(root, "message_types", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "label", "channel", "note", "source", "phrases"}, d, src);
        model.message_types.push_back({r.scalar("id", true), r.scalar("label", true), r.scalar("channel", true),
                                       r.scalar("note", false), r.scalar("source", true),
                                       r.scalar_list("phrases")});
    });
    for_each_item(root, "stakes", true, d,
                  [&](const YAML::Node& n, const std::string& path) { model.stakes.push_back(read_term(n, path, d, src)); });
    for_each_item(root, "flags", false, d,
                  [&](const YAML::Node& n, const std::string& path) { model.flags.push_back(read_term(n, path, d, src)); });
    for_each_item(root, "topics", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path,
                    {"id", "label", "role", "why", "source", "usual_type", "fallback", "named_only", "phrases", "decisive",
                     "examples"},
                    d, src);
        model.topics.push_back({r.scalar("id", true), r.scalar("label", true), r.scalar("role", true),
                                r.scalar("why", true), r.scalar("source", true), r.scalar("usual_type", false),
                                r.scalar("fallback", false), r.scalar("named_only", false), r.scalar_list("phrases"),
                                r.scalar_list("decisive"), r.scalar_list("examples")});
    });
    for_each_item(root, "escalation", false, d, [&](const YAML::Node& n, const std::string& path) {
        model.escalation.push_back(read_rule(n, path, d, src, RuleKind::escalation));
    });
    for_each_item(root, "stay", true, d, [&](const YAML::Node& n, const std::string& path) {
        model.stay.push_back(read_rule(n, path, d, src, RuleKind::plain));
    });
    for_each_item(root, "warnings", false, d, [&](const YAML::Node& n, const std::string& path) {
        model.warnings.push_back(read_rule(n, path, d, src, RuleKind::plain));
    });
    for_each_item(root, "notes", false, d, [&](const YAML::Node& n, const std::string& path) {
        model.notes.push_back(read_rule(n, path, d, src, RuleKind::plain));
    });
    with_mapping(root["ladder"], "ladder", {"source"}, d, src,
                 [&](MapReader& ladder) { model.ladder_source = ladder.scalar("source", true); });
    if (const YAML::Node reader = root["reader"]) read_reader(reader, model.reader, d, src);
    model.example_files = top.scalar_list("examples");
}


// 1-based line and column (in bytes) of `offset` in `text`.
SourcePos position_at(std::string_view text, std::size_t offset) {
    SourcePos pos{1, 1, offset};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

// yaml-cpp reports an unclosed '[' or '{' where it gave up, often lines later; the author
// needs the bracket that was never closed.
SourcePos unclosed_flow(std::string_view text, std::size_t until, char open) {
    std::vector<std::size_t> openers;
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < until && i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') comment = false;
        if (comment) continue;
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (!openers.empty()) quote = c;  // quotes matter only inside a flow collection
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
            comment = true;
        } else if (c == '[' || c == '{') {
            openers.push_back(i);
        } else if ((c == ']' || c == '}') && !openers.empty()) {
            openers.pop_back();
        }
    }
    for (auto it = openers.rbegin(); it != openers.rend(); ++it)
        if (text[*it] == open) return position_at(text, *it);
    return {};
}

// Whether the line starting at `i` looks like `key:` or `- key:`, which a value in quotes
// spanning lines hardly ever holds.
bool looks_like_key_line(std::string_view text, std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
    return i > start && i < text.size() && text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
}

// A quote left open takes the lines below into its value, up to the next quote or the end;
// yaml-cpp then reports the end of some mapping, far below. Returns the quote whose value runs
// to the end of the file or over a line that looks like a key, if there is one.
SourcePos unclosed_quote(std::string_view text) {
    char quote = 0;
    std::size_t opened = 0;
    bool comment = false;
    char before = '\n';  // the last character outside quotes that is not a space
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (quote == '"' && c == '\\') {
                ++i;  // an escaped character, perhaps a quote
            } else if (c == '\n' && looks_like_key_line(text, i + 1)) {
                return position_at(text, opened);
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;  // '' is a quote inside single quotes
                } else {
                    quote = 0;
                    before = c;
                }
            }
            continue;
        }
        if (c == '\n') {
            comment = false;
            before = '\n';
            continue;
        }
        if (comment || c == ' ' || c == '\t' || c == '\r') continue;
        const bool after_space = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n';
        if (c == '#' && after_space) {
            comment = true;
        } else if ((c == '"' || c == '\'') && std::string_view("\n:-[{,?").find(before) != std::string_view::npos) {
            // Only where a value starts: the quote in "Teacher's aide" is part of a plain value.
            quote = c;
            opened = i;
        } else {
            before = c;
        }
    }
    return quote ? position_at(text, opened) : SourcePos{};
}

// One error for what yaml-cpp could not read, placed where the author has to look.
void report_yaml_error(const YAML::Exception& e, std::string_view text, Diagnostics& diagnostics) {
    // yaml-cpp says "bad file" when its nesting guard trips.
    const std::string message = "invalid YAML: " + (e.msg == "bad file" ? "the YAML nests too deeply" : e.msg);
    if (e.mark.line < 0) return diagnostics.error({1, 1, 0}, "", message);
    if (e.msg == "end of sequence flow not found" || e.msg == "end of map flow not found") {
        const auto pos = unclosed_flow(text, static_cast<std::size_t>(e.mark.pos), e.msg[7] == 's' ? '[' : '{');
        if (pos.line != 0) return diagnostics.error(pos, "", message + " (this bracket is never closed)");
    }
    if (const auto pos = unclosed_quote(text); pos.line != 0)
        return diagnostics.error(pos, "", message + " (this quote is not closed on its line)");
    diagnostics.error(position_of(e.mark), "", message);
}


// A rule file is UTF-8 text without control characters; yaml-cpp would pass bad bytes through
// or stop at a NUL, so they are found here, with their line and column.
bool check_bytes(std::string_view text, Diagnostics& diagnostics) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", c);
            diagnostics.error({line, column, i}, "", std::string("invalid UTF-8 (byte ") + hex + ")");
            return false;
        }
        if (const char32_t cp = utf8_code_point(text, i, length); is_terminal_control(cp)) {
            diagnostics.error({line, column, i}, "", "a control character (" + code_point_name(cp) + ") in the rule file");
            return false;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return true;
}

}  // namespace

namespace {

// One `examples:` file: a mapping with a list of labelled texts (docs/labelling.md).
void read_examples(const YAML::Node& root, std::uint32_t file, std::vector<ExampleDef>& out, Diagnostics& d,
                   std::string_view src) {
    MapReader top(root, "", {"examples"}, d, src);
    for_each_item(root, "examples", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path,
                    {"text", "topic", "message_type", "stakes", "compliance", "resolved", "attempts", "raised_with", "flags"},
                    d, src);
        out.push_back({r.scalar("text", true), r.scalar("topic", true), r.scalar("message_type", true),
                       r.scalar("stakes", false), r.scalar("compliance", false), r.scalar("resolved", false),
                       r.scalar("attempts", false), r.scalar_list("raised_with"), r.scalar_list("flags"), file});
    });
}

// The checks every file read as YAML gets: its size, its bytes, then the YAML itself.
// Returns a null node (reported) when it cannot be read.
YAML::Node parse_checked(std::string_view text, Diagnostics& diagnostics, const char* what) {
    if (text.size() > max_rule_file_bytes) {
        diagnostics.error({1, 1, 0}, "", std::string("the ") + what + " is " + std::to_string(text.size()) +
                                             " bytes; at most " + std::to_string(max_rule_file_bytes) + " (16 MiB) are read");
        return {};
    }
    if (!check_bytes(text, diagnostics)) return {};
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        report_yaml_error(e, text, diagnostics);
        return {};
    }
}

}  // namespace

void load_examples(RuleModel& model, const std::filesystem::path& base, Diagnostics& diagnostics) {
    for (const auto& file : model.example_files) {
        const auto path = (base / file.value).lexically_normal().string();
        const auto index = static_cast<std::uint32_t>(model.example_paths.size());
        model.example_paths.push_back(path);
        Diagnostics here(path);
        std::string text;
        try {
            text = read_rule_file(path);
        } catch (const LoadError& e) {
            diagnostics.error(file, "the examples file '" + path + "': " + e.diagnostics().front().message);
            continue;
        }
        const YAML::Node root = parse_checked(text, here, "examples file");
        if (root && !root.IsMap()) {
            here.error(position_of(root), "", std::string("an examples file is a mapping with `examples:`, found ") + kind_name(root));
        } else if (root) {
            try {
                read_examples(root, index, model.examples, here, text);
            } catch (const YAML::Exception& e) {
                report_yaml_error(e, text, here);
            }
        }
        diagnostics.take(here);
    }
}

RuleModel load_yaml(std::string_view text, Diagnostics& diagnostics) {
    RuleModel model;
    model.file = diagnostics.file();
    if (text.size() > max_rule_file_bytes) {
        diagnostics.error({1, 1, 0}, "", "the rule file is " + std::to_string(text.size()) + " bytes; at most " +
                                             std::to_string(max_rule_file_bytes) + " (16 MiB) are read");
        return model;
    }
    if (!check_bytes(text, diagnostics)) return model;
    model.text = std::string(text);
    YAML::Node root;
    try {
        root = YAML::Load(model.text);
    } catch (const YAML::Exception& e) {
        report_yaml_error(e, text, diagnostics);
        return model;
    }
    if (!root.IsMap()) {
        SourcePos pos = position_of(root);
        if (pos.line == 0 || root.IsNull()) pos = {1, 1, 0};
        diagnostics.error(pos, "", std::string("a rule file is a mapping of sections, found ") + kind_name(root));
        return model;
    }
    model.readable = true;
    try {
        read_file(root, model, diagnostics);
    } catch (const YAML::Exception& e) {
        // Aliases and odd nodes can still surprise yaml-cpp; report rather than crash.
        report_yaml_error(e, text, diagnostics);
        model.readable = false;
    }
    return model;
}

}  // namespace advise::detail
