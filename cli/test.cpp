// advise test FILE...: texts (or structured situations) with the answers they should get, as
// amtool's `config routes test` does for a routing tree. PASS or FAIL a case, then accuracy per
// field and the topics and message types most often confused.
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "commands.hpp"

namespace advise::cli {
namespace {

// What a case states about the situation (`means`), each fact optional.
struct Facts {
    std::optional<std::string> topic, message_type, stakes, resolved;
    std::optional<bool> compliance;
    std::optional<std::vector<std::string>> raised_with;
    std::optional<int> attempts;
    std::vector<std::string> flags;
};

struct Case {
    std::string file, name, text;  // an empty text: the case is the structured situation `means`
    Facts means;
    std::optional<std::string> contact, channel;
    std::optional<bool> escalate;
    bool trap = false;
};

std::string scalar(const YAML::Node& node) { return node && node.IsScalar() ? node.Scalar() : std::string(); }

std::string resolved_word(const YAML::Node& node) {
    const auto s = scalar(node);
    return s.empty() ? "unknown" : s;
}

std::vector<Case> load(const std::string& path) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        throw InputError("cannot open the test file '" + path + "'");
    } catch (const YAML::Exception& e) {
        throw InputError(fmt::format("{}:{}:{}: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    // A test file (`tests:` or `scenarios:`), or a rule set's examples file, whose texts state
    // their facts beside them (`examples:`): each read back as a test of the facts.
    const bool examples = root && root.IsMap() && root["examples"];
    const YAML::Node list = !root || !root.IsMap() ? YAML::Node()
                            : root["tests"]      ? root["tests"]
                            : root["scenarios"]  ? root["scenarios"]
                                                 : root["examples"];
    if (!list || !list.IsSequence()) throw InputError(path + ": expected a list under `tests:`, `scenarios:` or `examples:`");
    std::vector<Case> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& n = list[i];
        const auto where = fmt::format("{}:{}:{}", path, n.Mark().line + 1, n.Mark().column + 1);
        if (!n.IsMap()) throw InputError(where + ": a test case is a mapping (text, expect, means)");
        Case c;
        c.file = path;
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
        } catch (const YAML::Exception& e) {
            throw InputError(fmt::format("{}:{}:{}: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
        }
        if (c.text.empty() && !c.means.topic) throw InputError(where + ": a test case needs `text` or `means` with a topic");
        if (!c.contact && !c.channel && !c.escalate && !c.means.topic && !c.means.message_type)
            throw InputError(where + ": a test case needs `expect` (contact, channel, escalate) or `means`");
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

std::string word(Resolved r) { return r == Resolved::yes ? "true" : r == Resolved::no ? "false" : "unknown"; }

std::string list_words(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    std::string out = "[";
    for (const auto& id : ids) out += (out.size() > 1 ? ", " : "") + id;
    return out + "]";
}

// Counts right and total per field, and what was confused with what.
struct Tally {
    std::map<std::string, std::pair<int, int>> fields;  // field -> (right, total)
    std::map<std::pair<std::string, std::string>, int> topics, types;  // (wanted, got) -> count
    int cases = 0, passed = 0, unsure = 0, traps = 0, traps_kept = 0;

    void count(const std::string& field, bool right) {
        auto& [r, t] = fields[field];
        r += right;
        ++t;
    }
};

void print_confusion(const char* title, const std::map<std::pair<std::string, std::string>, int>& pairs) {
    std::vector<std::pair<int, std::pair<std::string, std::string>>> list;
    for (const auto& [p, n] : pairs) list.push_back({n, p});
    if (list.empty()) return;
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::cout << '\n' << title << " (expected -> read, most frequent first)\n";
    for (std::size_t i = 0; i < list.size() && i < 10; ++i)
        std::cout << fmt::format("  {:>3}  {} -> {}\n", list[i].first, list[i].second.first, list[i].second.second);
}

}  // namespace

int test(const RuleSet& rules, const TestOptions& options) {
    Tally tally;
    for (const auto& file : options.files) {
        for (const auto& c : load(file)) {
            ++tally.cases;
            Situation s;
            std::vector<std::string> diffs;
            Advice a;
            if (c.text.empty() || options.from_facts) {
                s = situation_of(c.means);
                a = rules.evaluate(s);
            } else {
                const Reading reading = rules.read(c.text);
                if (!reading.sure) {
                    ++tally.unsure;
                    std::cout << "FAIL " << c.name << ": not sure what it is about (" << reading.question << ")\n";
                    for (const char* field : {"contact", "channel", "escalate"}) tally.count(field, false);
                    continue;
                }
                s = reading.situation;
                a = rules.evaluate(reading);
            }
            const Understood& u = a.understood;
            auto fact = [&](const char* name, const auto& want, const std::string& got) {
                if (!want) return;
                const bool right = *want == got;
                tally.count(name, right);
                if (!right) diffs.push_back(fmt::format("{} {}, want {}", name, got, *want));
            };
            if (!c.text.empty() && !options.from_facts) {
                fact("topic", c.means.topic, std::string(u.topic));
                fact("message_type", c.means.message_type, std::string(u.message_type));
                fact("stakes", c.means.stakes, std::string(u.stakes));
                if (c.means.compliance) fact("compliance", std::optional<std::string>(*c.means.compliance ? "true" : "false"), u.compliance ? "true" : "false");
                if (c.means.raised_with) {
                    std::vector<std::string> got(u.raised_with.begin(), u.raised_with.end());
                    fact("raised_with", std::optional<std::string>(list_words(*c.means.raised_with)), list_words(got));
                }
                fact("resolved", c.means.resolved, word(u.resolved));
                if (c.means.topic && *c.means.topic != u.topic) ++tally.topics[{*c.means.topic, std::string(u.topic)}];
                if (c.means.message_type && *c.means.message_type != u.message_type)
                    ++tally.types[{*c.means.message_type, std::string(u.message_type)}];
            }
            // The answer: the fields that decide whether the case passes.
            bool pass = true;
            auto answer = [&](const char* name, const auto& want, const auto& got) {
                if (!want) return;
                const bool right = *want == got;
                tally.count(name, right);
                if (!right) {
                    pass = false;
                    diffs.insert(diffs.begin(), fmt::format("{} {}, want {}", name, got, *want));
                }
            };
            answer("contact", c.contact, std::string(a.contact.id));
            answer("channel", c.channel, std::string(a.channel.id));
            answer("escalate", c.escalate, a.escalate);
            if (c.trap) {
                ++tally.traps;
                tally.traps_kept += !a.escalate && a.contact.id == a.closest.id;
            }
            tally.passed += pass;
            if (!pass) {
                std::cout << "FAIL " << c.name << ": ";
                for (std::size_t i = 0; i < diffs.size(); ++i) std::cout << (i ? "; " : "") << diffs[i];
                std::cout << '\n';
            } else if (!options.quiet) {
                std::cout << "PASS " << c.name << (diffs.empty() ? "" : " (facts: ");
                for (std::size_t i = 0; i < diffs.size(); ++i) std::cout << (i ? "; " : "") << diffs[i];
                std::cout << (diffs.empty() ? "" : ")") << '\n';
            }
        }
    }
    std::cout << fmt::format("\n{} of {} passed", tally.passed, tally.cases);
    if (tally.unsure) std::cout << fmt::format(", {} not sure ({:.1f}%)", tally.unsure, 100.0 * tally.unsure / tally.cases);
    if (tally.traps) std::cout << fmt::format("; traps kept at the lowest level: {} of {}", tally.traps_kept, tally.traps);
    std::cout << "\n\nfield          right\n";
    bool above = true;
    for (const char* field : {"contact", "channel", "escalate", "topic", "message_type", "stakes", "compliance", "raised_with", "resolved"}) {
        const auto it = tally.fields.find(field);
        if (it == tally.fields.end()) continue;
        const auto [right, total] = it->second;
        const double percent = 100.0 * right / total;
        std::cout << fmt::format("  {:<13}{:6.1f}%  ({} of {})\n", field, percent, right, total);
        const bool answer_field = std::string_view(field) == "contact" || std::string_view(field) == "channel" ||
                                  std::string_view(field) == "escalate";
        if (answer_field && percent < options.min_percent) above = false;
    }
    print_confusion("Topics confused", tally.topics);
    print_confusion("Message types confused", tally.types);
    if (options.min_percent > 0) return above ? exit_advice : exit_unsure;
    return tally.passed == tally.cases ? exit_advice : exit_unsure;
}

}  // namespace advise::cli
