#include "train_grade.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ostream>

namespace advise::cli {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; }

// Words of `text` on lines of at most 78 columns, the first line after `first`, the rest
// indented by `rest` spaces.
void wrap(std::ostream& out, const std::string& first, std::size_t rest, std::string_view text) {
    std::size_t column = first.size();
    out << first;
    std::size_t i = 0;
    bool line_start = true;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const auto end = std::min(text.find(' ', i), text.size());
        if (i == end) break;
        const auto word = text.substr(i, end - i);
        if (!line_start && column + 1 + word.size() > 78) {
            out << '\n' << std::string(rest, ' ');
            column = rest;
            line_start = true;
        }
        if (!line_start) {
            out << ' ';
            ++column;
        }
        out << word;
        column += word.size();
        line_start = false;
        i = end;
    }
    out << '\n';
}

std::vector<ReframeCheck> check_reframe(const Reframe& task, const std::string& said, const ReframingChecks& checks) {
    std::vector<ReframeCheck> out;
    out.push_back({"asks a question", said.find('?') != std::string::npos, "no question mark"});
    const bool names = std::any_of(task.observation.begin(), task.observation.end(),
                                   [&](const std::string& w) { return has_phrase(said, w); });
    std::string words;
    for (const auto& w : task.observation) words += (words.empty() ? "" : ", ") + w;
    out.push_back({"names the observation", names, "none of: " + words});
    std::string blame;
    for (const auto& w : checks.blame_words)
        if (has_phrase(said, w)) blame += (blame.empty() ? "" : ", ") + w;
    out.push_back({"no blame words", blame.empty(), "found: " + blame});
    return out;
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

// The first section a rule's source names ("guide, 2: Learn the People"): enough to find it in
// the guide; the whole source is in `advise --json`.
std::string_view main_section(std::string_view source) { return source.substr(0, source.find(';')); }

}  // namespace

const char* skill_id(Skill s) {
    switch (s) {
        case Skill::routing: return "routing";
        case Skill::channel: return "channel";
        case Skill::escalation: return "escalation";
        case Skill::reframing: return "reframing";
    }
    return "";
}

const char* skill_title(Skill s) {
    switch (s) {
        case Skill::routing: return "Routing (who to contact)";
        case Skill::channel: return "Channel";
        case Skill::escalation: return "Escalation judgement";
        case Skill::reframing: return "Reframing";
    }
    return "";
}

std::string label_in(const std::vector<Term>& terms, std::string_view id) {
    for (const auto& t : terms)
        if (t.id == id) return t.label;
    return std::string(id);
}

std::string lowercase(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool has_phrase(const std::string& text, const std::string& phrase) {
    const auto t = lowercase(text), p = lowercase(phrase);
    if (p.empty()) return false;
    for (auto at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
        const bool starts = at == 0 || !is_word_char(t[at - 1]) || !is_word_char(p.front());
        const auto end = at + p.size();
        const bool ends = end == t.size() || !is_word_char(t[end]) || !is_word_char(p.back());
        if (starts && ends) return true;
    }
    return false;
}

bool Graded::right(Skill s) const {
    switch (s) {
        case Skill::routing: return contact;
        case Skill::channel: return channel;
        case Skill::escalation: return escalate;
        case Skill::reframing: return reframed;
    }
    return false;
}

bool Graded::all_right() const {
    return std::all_of(skills.begin(), skills.end(), [&](Skill s) { return !graded(s) || right(s); });
}

Graded grade(const RuleSet& rules, const Case& exercise, const Answer& answer, const ReframingChecks& checks) {
    Graded g;
    g.exercise = &exercise;
    g.advice = rules.evaluate(situation_of(exercise.means));
    g.answer = answer;
    g.contact = answer.contact && *answer.contact == g.advice.contact.id;
    g.channel = answer.channel && *answer.channel == g.advice.channel.id;
    g.escalate = answer.escalate && *answer.escalate == g.advice.escalate;
    if (exercise.reframe) {
        g.reframe = check_reframe(*exercise.reframe, answer.reframe.value_or(""), checks);
        g.reframed = answer.reframe && std::all_of(g.reframe.begin(), g.reframe.end(), [](const auto& c) { return c.passed; });
    }
    return g;
}

void explain(const RuleSet& rules, const Graded& g, std::ostream& out) {
    const Advice& a = g.advice;
    const auto said = [](const auto& answer, auto words) { return answer ? words(*answer) : std::string("no answer"); };
    if (!g.contact)
        wrap(out, "  Who:        ", 14,
             fmt::format("you said {}; the rules say {}.", said(g.answer.contact, [&](auto& id) { return label_in(rules.catalog().roles, id); }),
                         a.contact.title));
    if (!g.channel)
        wrap(out, "  Channel:    ", 14,
             fmt::format("you said {}; the rules say {}: {}", said(g.answer.channel, [&](auto& id) { return label_in(rules.catalog().channels, id); }),
                         a.channel.label, a.channel.why));
    if (!g.escalate) {
        const auto answer = said(g.answer.escalate, [](bool b) { return yes_no(b); });
        const auto why = a.escalate ? fmt::format("an escalation criterion holds, so it goes above the {}, the person closest to the issue.", a.closest.title)
                         : a.contact.id == a.closest.id
                             ? fmt::format("no escalation criterion holds; stay with the {}, the person closest to the issue.", a.closest.title)
                             : fmt::format("the {} is already the person for this, not a step above the one closest to it.", a.contact.title);
        wrap(out, "  Escalate:   ", 14, fmt::format("you said {}; the rules say {}: {}", answer, yes_no(a.escalate), why));
    }
    if (!g.contact || !g.channel || !g.escalate) {
        out << "  The rules that decided:\n";
        for (const auto& r : a.reasons) wrap(out, "    - ", 6, fmt::format("{} ({})", r.text, main_section(r.source)));
        if (!a.warnings.empty()) out << "  The guide warns:\n";
        for (const auto& w : a.warnings) wrap(out, "    - ", 6, fmt::format("{} ({})", w.text, main_section(w.source)));
        if (g.fell_for_trap())
            wrap(out, "  ", 2, "This was a trap: escalating here is one of the guide's common mistakes. Stay at the lowest level that can solve the problem.");
    }
    if (!g.reframe.empty() && !g.reframed) {
        out << "  Reframing, checked:\n";
        for (const auto& c : g.reframe)
            wrap(out, "    ", 8, fmt::format("{} {}{}", c.passed ? "[x]" : "[ ]", c.check, c.passed ? "" : " (" + c.detail + ")"));
        wrap(out, "  The guide's way: ", 4, g.exercise->reframe->example);
    }
}

void Tally::add(const Graded& g) {
    ++exercises;
    all_right += g.all_right();
    for (const Skill s : cli::skills) {
        if (!g.graded(s)) continue;
        auto& [r, t] = skills[s];
        r += g.right(s);
        ++t;
    }
    if (g.exercise->trap) {
        ++traps;
        traps_avoided += !g.fell_for_trap();
    }
    if (!g.all_right()) ++reread[g.exercise->section];
}

int Tally::right() const {
    int n = 0;
    for (const auto& [s, rt] : skills) n += rt.first;
    return n;
}

int Tally::total() const {
    int n = 0;
    for (const auto& [s, rt] : skills) n += rt.second;
    return n;
}

std::string score_words(int right, int total) {
    return total == 0 ? "0 of 0" : fmt::format("{} of {} ({:.0f}%)", right, total, 100.0 * right / total);
}

void print_summary(const Tally& t, std::ostream& out) {
    out << fmt::format("{} {}, {} fully right; {} answers right\n", t.exercises, t.exercises == 1 ? "exercise" : "exercises",
                       t.all_right, score_words(t.right(), t.total()));
    std::string strengths;
    for (const auto& [s, rt] : t.skills) {
        out << fmt::format("  {:<26}{}\n", skill_title(s), score_words(rt.first, rt.second));
        if (rt.second > 0 && rt.first * 5 >= rt.second * 4) strengths += (strengths.empty() ? "" : ", ") + std::string(skill_title(s));
    }
    if (t.traps) out << fmt::format("  {:<26}{}\n", "Traps not fallen for", score_words(t.traps_avoided, t.traps));
    out << "Strengths: " << (strengths.empty() ? "none yet at 80% or better" : strengths) << '\n';
    std::vector<std::pair<std::string, int>> sections(t.reread.begin(), t.reread.end());
    std::stable_sort(sections.begin(), sections.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (sections.empty()) {
        out << (t.exercises ? "To reread: nothing; every answer was right.\n" : "Nothing was answered.\n");
        return;
    }
    out << "To reread in the guide:\n";
    for (const auto& [section, n] : sections)
        out << fmt::format("  - {} ({} {})\n", section, n, n == 1 ? "exercise missed" : "exercises missed");
}

}  // namespace advise::cli
