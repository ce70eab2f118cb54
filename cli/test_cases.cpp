#include "test_cases.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

namespace advise::cli {
namespace {

std::string scalar(const YAML::Node& node) { return node && node.IsScalar() ? node.Scalar() : std::string(); }

std::string resolved_word(const YAML::Node& node) {
    const auto s = scalar(node);
    return s.empty() ? "unknown" : s;
}

std::string at(const std::string& path, const YAML::Mark& mark) {
    return fmt::format("{}:{}:{}", path, mark.line + 1, mark.column + 1);
}

Reframe reframe_of(const YAML::Node& n, const std::string& where) {
    if (!n.IsMap()) throw InputError(where + ": `reframe` is a mapping (from, observation, example)");
    Reframe r;
    r.from = scalar(n["from"]);
    if (n["observation"]) r.observation = n["observation"].as<std::vector<std::string>>();
    r.example = scalar(n["example"]);
    if (r.from.empty() || r.observation.empty() || r.example.empty())
        throw InputError(where + ": `reframe` needs `from`, `observation` (words) and `example`");
    return r;
}

// An exercise is graded on its whole answer and read by people: everything must be there.
void check_exercise(const Case& c, const std::string& where) {
    const auto missing = [&](const char* what) {
        throw InputError(fmt::format("{}: exercise '{}' needs {}", where, c.name, what));
    };
    if (c.name.empty() || c.name.front() == '#') missing("an `id`");
    if (c.difficulty != "easy" && c.difficulty != "medium" && c.difficulty != "hard")
        missing("a `difficulty`: easy, medium or hard");
    if (c.section.empty()) missing("a `section` of the guide");
    if (c.text.empty()) missing("a `text`, the situation as a parent tells it");
    if (!c.means.topic || !c.means.message_type) missing("`means` with a topic and a message_type");
    if (!c.contact || !c.channel || !c.escalate) missing("`expect` with contact, channel and escalate");
}

}  // namespace

std::vector<Case> load_cases(const std::string& path) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        throw InputError("cannot open the test file '" + path + "'");
    } catch (const YAML::Exception& e) {
        throw InputError(fmt::format("{}: {}", at(path, e.mark), e.msg));
    }
    // A test file (`tests:` or `scenarios:`), training exercises (`exercises:`), or a rule set's
    // examples file, whose texts state their facts beside them (`examples:`): each read back as a
    // test of the facts.
    const bool is_map = root && root.IsMap();
    const bool examples = is_map && root["examples"];
    const bool exercises = is_map && root["exercises"];
    const YAML::Node list = !is_map              ? YAML::Node()
                            : root["tests"]      ? root["tests"]
                            : root["scenarios"]  ? root["scenarios"]
                            : exercises          ? root["exercises"]
                                                 : root["examples"];
    if (!list || !list.IsSequence())
        throw InputError(path + ": expected a list under `tests:`, `scenarios:`, `exercises:` or `examples:`");
    std::vector<Case> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& n = list[i];
        const auto where = at(path, n.Mark());
        if (!n.IsMap()) throw InputError(where + ": a test case is a mapping (text, expect, means)");
        Case c;
        c.file = path;
        c.line = n.Mark().line + 1;
        c.name = n["id"] ? scalar(n["id"]) : n["name"] ? scalar(n["name"]) : fmt::format("#{}", i + 1);
        c.text = scalar(n["text"]);
        try {
            if (const auto m = examples ? n : n["means"]; m && m.IsMap()) {
                if (m["topic"]) c.means.topic = scalar(m["topic"]);
                if (m["message_type"]) c.means.message_type = scalar(m["message_type"]);
                if (m["stakes"]) c.means.stakes = scalar(m["stakes"]);
                if (m["compliance"]) c.means.compliance = m["compliance"].as<bool>();
                if (m["raised_with"]) c.means.raised_with = m["raised_with"].as<std::vector<std::string>>();
                if (m["resolved"]) c.means.resolved = resolved_word(m["resolved"]);
                if (m["attempts"]) c.means.attempts = m["attempts"].as<int>();
                if (m["flags"]) c.means.flags = m["flags"].as<std::vector<std::string>>();
                if (examples) {  // an example states every fact: the unsaid ones are the defaults
                    if (!c.means.raised_with) c.means.raised_with = std::vector<std::string>{};
                    if (!c.means.resolved) c.means.resolved = "unknown";
                    if (!c.means.stakes) c.means.stakes = "normal";
                    if (!c.means.compliance) c.means.compliance = false;
                }
            }
            if (const auto e = n["expect"]; e && e.IsMap()) {
                if (e["contact"]) c.contact = scalar(e["contact"]);
                if (e["channel"]) c.channel = scalar(e["channel"]);
                if (e["escalate"]) c.escalate = e["escalate"].as<bool>();
            }
            c.trap = n["trap"] && n["trap"].as<bool>();
            c.difficulty = scalar(n["difficulty"]);
            c.section = scalar(n["section"]);
            if (n["reframe"]) c.reframe = reframe_of(n["reframe"], at(path, n["reframe"].Mark()));
        } catch (const YAML::Exception& e) {
            throw InputError(fmt::format("{}: {}", at(path, e.mark), e.msg));
        }
        if (c.text.empty() && !c.means.topic) throw InputError(where + ": a test case needs `text` or `means` with a topic");
        if (!c.contact && !c.channel && !c.escalate && !c.means.topic && !c.means.message_type)
            throw InputError(where + ": a test case needs `expect` (contact, channel, escalate) or `means`");
        if (exercises) check_exercise(c, where);
        out.push_back(std::move(c));
    }
    return out;
}

Situation situation_of(const Facts& f) {
    Situation s;
    s.topic = f.topic.value_or("");
    s.message_type = f.message_type.value_or("");
    s.stakes = f.stakes.value_or("");
    s.compliance = f.compliance.value_or(false);
    s.raised_with = f.raised_with.value_or(std::vector<std::string>{});
    const auto r = f.resolved.value_or("unknown");
    s.resolved = r == "true" ? Resolved::yes : r == "false" ? Resolved::no : Resolved::unknown;
    s.attempts = f.attempts.value_or(-1);
    s.flags = f.flags;
    return s;
}

}  // namespace advise::cli
