#include "train_class.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "commands.hpp"

namespace advise::cli {
namespace {

struct TraineeAnswers {
    std::string name;
    std::vector<std::pair<const Case*, Answer>> answers;
};

class AnswerFile {
public:
    AnswerFile(const RuleSet& rules, const Bank& bank, std::string path) : rules_(rules), path_(std::move(path)) {
        for (const auto& c : bank.exercises) exercises_[c.name] = &c;
    }

    std::vector<TraineeAnswers> read() {
        YAML::Node root;
        try {
            root = YAML::LoadFile(path_);
        } catch (const YAML::BadFile&) {
            throw InputError("cannot open the answers file '" + path_ + "'");
        } catch (const YAML::Exception& e) {
            fail(e.mark, e.msg);
        }
        if (!root || !root.IsMap()) fail(root ? root.Mark() : YAML::Mark(), "expected `trainees:` (a list of name and answers), or `trainee:` and `answers:`");
        std::vector<TraineeAnswers> out;
        if (const auto list = root["trainees"]) {
            if (!list.IsSequence()) fail(list.Mark(), "`trainees` is a list, each with a `name` and `answers`");
            std::set<std::string> names;
            for (const auto& t : list) {
                if (!t.IsMap()) fail(t.Mark(), "a trainee is a mapping with a `name` and `answers`");
                out.push_back(trainee(t["name"], t["answers"], t.Mark()));
                if (!names.insert(out.back().name).second) fail(t["name"].Mark(), "trainee '" + out.back().name + "' appears twice");
            }
        } else {
            out.push_back(trainee(root["trainee"], root["answers"], root.Mark()));
        }
        return out;
    }

private:
    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
        // An empty file has no position: its first line is meant.
        throw InputError(fmt::format("{}:{}:{}: {}", path_, std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1, message));
    }

    std::string text(const YAML::Node& n, const char* what) const {
        if (!n.IsScalar() || n.Scalar().empty()) fail(n.Mark(), fmt::format("`{}` is a word or a sentence", what));
        return n.Scalar();
    }

    // An id of `terms`, or its title / words as written in the catalog.
    std::string id_in(const YAML::Node& n, const std::vector<Term>& terms, const char* what) const {
        const auto said = text(n, what);
        std::string ids;
        for (const auto& t : terms) {
            if (said == t.id || said == t.label) return t.id;
            ids += (ids.empty() ? "" : ", ") + t.id;
        }
        fail(n.Mark(), fmt::format("unknown {} '{}' (one of: {})", what, said, ids));
    }

    TraineeAnswers trainee(const YAML::Node& name, const YAML::Node& answers, const YAML::Mark& where) const {
        if (!name) fail(where, "a trainee needs a `name`");
        TraineeAnswers t;
        t.name = text(name, "name");
        if (!answers || !answers.IsSequence()) fail(answers ? answers.Mark() : where, "trainee '" + t.name + "' needs `answers`, a list");
        std::set<std::string> seen;
        for (const auto& a : answers) {
            if (!a.IsMap()) fail(a.Mark(), "an answer is a mapping: exercise, contact, channel, escalate");
            Answer answer;
            const Case* exercise = nullptr;
            for (const auto& kv : a) {
                const auto key = kv.first.Scalar();
                const auto& v = kv.second;
                if (key == "exercise") {
                    const auto id = text(v, "exercise");
                    const auto it = exercises_.find(id);
                    if (it == exercises_.end()) fail(v.Mark(), "no exercise '" + id + "' in the bank");
                    if (!seen.insert(id).second) fail(v.Mark(), "exercise '" + id + "' answered twice by " + t.name);
                    exercise = it->second;
                } else if (key == "contact") {
                    answer.contact = id_in(v, rules_.catalog().roles, "role");
                } else if (key == "channel") {
                    answer.channel = id_in(v, rules_.catalog().channels, "channel");
                } else if (key == "escalate") {
                    bool b = false;
                    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) fail(v.Mark(), "`escalate` is yes or no");
                    answer.escalate = b;
                } else if (key == "reframe") {
                    answer.reframe = text(v, "reframe");
                } else {
                    fail(kv.first.Mark(), "unknown key '" + key + "' (an answer has exercise, contact, channel, escalate, reframe)");
                }
            }
            if (!exercise) fail(a.Mark(), "an answer needs the `exercise` it answers");
            t.answers.emplace_back(exercise, std::move(answer));
        }
        return t;
    }

    const RuleSet& rules_;
    std::string path_;
    std::map<std::string, const Case*> exercises_;
};

std::string said_words(const RuleSet& rules, const Graded& g, Skill s) {
    const auto& a = g.answer;
    switch (s) {
        case Skill::routing: return a.contact ? label_in(rules.catalog().roles, *a.contact) : "no answer";
        case Skill::channel: return a.channel ? label_in(rules.catalog().channels, *a.channel) : "no answer";
        case Skill::escalation: return a.escalate ? (*a.escalate ? "yes" : "no") : "no answer";
        case Skill::reframing: return a.reframe.value_or("no answer");
    }
    return {};
}

std::string right_words(const Graded& g, Skill s) {
    const auto& a = g.advice;
    switch (s) {
        case Skill::routing: return std::string(a.contact.title);
        case Skill::channel: return std::string(a.channel.label);
        case Skill::escalation: return a.escalate ? "yes" : "no";
        case Skill::reframing: return g.exercise->reframe->example;
    }
    return {};
}

nlohmann::json reasons_json(const std::vector<Reason>& reasons) {
    auto out = nlohmann::json::array();
    for (const auto& r : reasons) out.push_back({{"rule", r.rule}, {"text", r.text}, {"source", r.source}});
    return out;
}

nlohmann::json tally_json(const Tally& t) {
    nlohmann::json skills = nlohmann::json::object();
    for (const auto& [s, rt] : t.skills) skills[skill_id(s)] = {{"right", rt.first}, {"total", rt.second}};
    nlohmann::json reread = nlohmann::json::array();
    for (const auto& [section, n] : t.reread) reread.push_back({{"section", section}, {"missed", n}});
    return {{"exercises", t.exercises}, {"all_right", t.all_right}, {"right", t.right()}, {"total", t.total()},
            {"skills", skills}, {"traps", t.traps}, {"traps_avoided", t.traps_avoided}, {"reread", reread}};
}

}  // namespace

int grade_class(const RuleSet& rules, const Bank& bank, const std::string& file, bool json, std::ostream& out) {
    const auto trainees = AnswerFile(rules, bank, file).read();
    Tally all;
    nlohmann::json report{{"trainees", nlohmann::json::array()}};
    for (const auto& t : trainees) {
        Tally mine;
        nlohmann::json misses = nlohmann::json::array();
        std::ostringstream text;
        for (const auto& [exercise, answer] : t.answers) {
            const Graded g = grade(rules, *exercise, answer, bank.reframing);
            mine.add(g);
            all.add(g);
            if (g.all_right()) continue;
            nlohmann::json missed = nlohmann::json::array();
            for (const Skill s : skills)
                if (g.graded(s) && !g.right(s))
                    missed.push_back({{"skill", skill_id(s)}, {"answer", said_words(rules, g, s)}, {"right", right_words(g, s)}});
            misses.push_back({{"exercise", exercise->name}, {"section", exercise->section}, {"trap", exercise->trap},
                              {"missed", missed}, {"reasons", reasons_json(g.advice.reasons)},
                              {"warnings", reasons_json(g.advice.warnings)}});
            text << fmt::format("\n  {} (guide: {})\n", exercise->name, exercise->section);
            explain(rules, g, text);
        }
        if (json) {
            auto entry = tally_json(mine);
            entry["name"] = t.name;
            entry["misses"] = misses;
            report["trainees"].push_back(entry);
            continue;
        }
        out << "== " << t.name << ": ";
        print_summary(mine, out);
        if (!text.str().empty()) out << "Misses, explained:" << text.str();
        out << '\n';
    }
    if (json) {
        report["class"] = tally_json(all);
        out << report.dump(2) << '\n';
        return exit_advice;
    }
    out << fmt::format("== The class ({} trainees), per skill: ", trainees.size());
    print_summary(all, out);
    return exit_advice;
}

}  // namespace advise::cli
