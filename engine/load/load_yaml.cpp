#include "load/load_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <set>
#include <string>

#include "load/suggest.hpp"

namespace advise::detail {
namespace {

SourcePos position_of(const YAML::Node& node) {
    const auto mark = node.Mark();
    if (mark.line < 0) return {};
    return {static_cast<std::size_t>(mark.line) + 1, static_cast<std::size_t>(mark.column) + 1};
}

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
              Diagnostics& diagnostics)
        : node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
        std::set<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const auto key = it->first.Scalar();
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
        if (!value.IsScalar()) {
            diagnostics_.error(out, std::string("expected a single value, found ") + kind_name(value));
            out.pos = {};
            return out;
        }
        out.value = value.Scalar();
        // A quoted value starts one column after its quote.
        if (value.Tag() == "!") out.pos.column += 1;
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
            out.push_back(std::move(located));
        }
        return out;
    }

private:
    const YAML::Node& node_;
    std::string path_;
    Diagnostics& diagnostics_;
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

RuleDef read_rule(const YAML::Node& node, const std::string& path, Diagnostics& d, bool has_target) {
    std::vector<std::string_view> keys{"id", "when", "text", "source"};
    if (has_target) keys.insert(keys.end(), {"to", "channel", "then"});
    MapReader r(node, path, keys, d);
    RuleDef rule;
    rule.id = r.scalar("id", true);
    rule.when = r.scalar("when", true);
    rule.text = r.scalar("text", true);
    rule.source = r.scalar("source", true);
    if (has_target) {
        rule.to = r.scalar("to", true);
        rule.channel = r.scalar("channel", false);
        rule.then = r.scalar("then", false);
    }
    return rule;
}

TermDef read_term(const YAML::Node& node, const std::string& path, Diagnostics& d) {
    MapReader r(node, path, {"id", "label", "source", "phrases"}, d);
    return {r.scalar("id", true), r.scalar("label", true), r.scalar("source", false), r.scalar_list("phrases")};
}

void read_file(const YAML::Node& root, RuleModel& model, Diagnostics& d) {
    MapReader top(root, "",
                  {"advise", "name", "defaults", "roles", "channels", "message_types", "stakes", "flags",
                   "topics", "escalation", "stay", "warnings"},
                  d);
    const Located format = top.scalar("advise", false);
    if (format.present() && format.value != "1")
        d.error(format, "unsupported rule format '" + format.value + "' (this version reads format 1)");
    model.name = top.scalar("name", false);

    if (const YAML::Node defaults = root["defaults"]) {
        if (!defaults.IsMap()) {
            d.error(position_of(defaults), "defaults", std::string("expected a mapping, found ") + kind_name(defaults));
        } else {
            MapReader r(defaults, "defaults", {"topic", "message_type", "stakes"}, d);
            model.default_topic = r.scalar("topic", true);
            model.default_message_type = r.scalar("message_type", true);
            model.default_stakes = r.scalar("stakes", true);
        }
    } else {
        d.error(position_of(root), "", "missing key 'defaults'");
    }

    for_each_item(root, "roles", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "title", "does", "contact_when", "escalates_to", "source"}, d);
        model.roles.push_back({r.scalar("id", true), r.scalar("title", true), r.scalar("does", true),
                               r.scalar("contact_when", true), r.scalar("escalates_to", false),
                               r.scalar("source", true)});
    });
    for_each_item(root, "channels", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "label", "why", "source"}, d);
        model.channels.push_back(
            {r.scalar("id", true), r.scalar("label", true), r.scalar("why", true), r.scalar("source", true)});
    });
    for_each_item(root, "message_types", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "label", "channel", "note", "source", "phrases"}, d);
        model.message_types.push_back({r.scalar("id", true), r.scalar("label", true), r.scalar("channel", true),
                                       r.scalar("note", false), r.scalar("source", true),
                                       r.scalar_list("phrases")});
    });
    for_each_item(root, "stakes", true, d,
                  [&](const YAML::Node& n, const std::string& path) { model.stakes.push_back(read_term(n, path, d)); });
    for_each_item(root, "flags", false, d,
                  [&](const YAML::Node& n, const std::string& path) { model.flags.push_back(read_term(n, path, d)); });
    for_each_item(root, "topics", true, d, [&](const YAML::Node& n, const std::string& path) {
        MapReader r(n, path, {"id", "label", "role", "why", "source", "phrases", "examples"}, d);
        model.topics.push_back({r.scalar("id", true), r.scalar("label", true), r.scalar("role", true),
                                r.scalar("why", true), r.scalar("source", true), r.scalar_list("phrases"),
                                r.scalar_list("examples")});
    });
    for_each_item(root, "escalation", false, d, [&](const YAML::Node& n, const std::string& path) {
        model.escalation.push_back(read_rule(n, path, d, true));
    });
    for_each_item(root, "stay", true, d, [&](const YAML::Node& n, const std::string& path) {
        model.stay.push_back(read_rule(n, path, d, false));
    });
    for_each_item(root, "warnings", false, d, [&](const YAML::Node& n, const std::string& path) {
        model.warnings.push_back(read_rule(n, path, d, false));
    });
}

}  // namespace

RuleModel load_yaml(std::string_view text, Diagnostics& diagnostics) {
    RuleModel model;
    model.file = diagnostics.file();
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        SourcePos pos{static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1};
        if (e.mark.line < 0) pos = {1, 1};
        // yaml-cpp says "bad file" when its nesting guard trips.
        const std::string message = e.msg == "bad file" ? "the YAML nests too deeply" : e.msg;
        diagnostics.error(pos, "", "invalid YAML: " + message);
        return model;
    }
    if (!root.IsMap()) {
        diagnostics.error(root ? position_of(root) : SourcePos{1, 1}, "",
                          std::string("a rule file is a mapping of sections, found ") + kind_name(root));
        return model;
    }
    try {
        read_file(root, model, diagnostics);
    } catch (const YAML::Exception& e) {
        // Aliases and odd nodes can still surprise yaml-cpp; report rather than crash.
        diagnostics.error({static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1},
                          "", "invalid YAML: " + e.msg);
    }
    return model;
}

}  // namespace advise::detail
