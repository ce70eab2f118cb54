// Grading one answer to one exercise with the rules, and explaining each miss in plain words.
#pragma once

#include <array>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "train_bank.hpp"

namespace advise::cli {

// The skills a trainee is graded on.
enum class Skill { routing, channel, escalation, reframing };
inline constexpr std::array<Skill, 4> skills{Skill::routing, Skill::channel, Skill::escalation, Skill::reframing};
const char* skill_id(Skill s);     // "routing", for JSON
const char* skill_title(Skill s);  // "Routing (who to contact)", for people

// A trainee's answer; a field left out is a miss.
struct Answer {
    std::optional<std::string> contact, channel;  // ids
    std::optional<bool> escalate;
    std::optional<std::string> reframe;           // the reframed sentence, for an exercise with that task
};

// One of the reframing task's stated checks.
struct ReframeCheck {
    std::string check;   // what was checked, e.g. "asks a question"
    bool passed = false;
    std::string detail;  // what was found, for a miss
};

struct Graded {
    const Case* exercise = nullptr;
    Advice advice;  // the rules' answer to the exercise's facts
    Answer answer;
    bool contact = false, channel = false, escalate = false;
    std::vector<ReframeCheck> reframe;  // empty: no reframing task
    bool reframed = false;              // every reframing check passed

    bool right(Skill s) const;
    bool graded(Skill s) const { return s != Skill::reframing || exercise->reframe.has_value(); }
    bool all_right() const;
    // On a trap, escalating was the guide's common mistake; the trainee made it.
    bool fell_for_trap() const { return exercise->trap && answer.escalate.value_or(false); }
};

Graded grade(const RuleSet& rules, const Case& exercise, const Answer& answer, const ReframingChecks& checks);

// Each miss: what was answered, what the rules say, then the rules that decided with their
// guide sections, the guide's warnings that apply and, for the reframing task, each check.
void explain(const RuleSet& rules, const Graded& g, std::ostream& out);

// Right and total per skill, traps avoided, and the guide sections behind the misses.
struct Tally {
    std::map<Skill, std::pair<int, int>> skills;  // right, graded
    int exercises = 0, all_right = 0, traps = 0, traps_avoided = 0;
    std::map<std::string, int> reread;  // guide section -> exercises missed there

    void add(const Graded& g);
    int right() const;
    int total() const;
};

// "right of total (percent%)"
std::string score_words(int right, int total);
// Skills at 80% or better, and the sections to reread, most missed first.
void print_summary(const Tally& t, std::ostream& out);

// The label of `id` among `terms` (a role's title, a channel's words...), else the id itself.
std::string label_in(const std::vector<Term>& terms, std::string_view id);
std::string lowercase(std::string s);
// Whether `text` holds `phrase` as whole words, ignoring case.
bool has_phrase(const std::string& text, const std::string& phrase);

}  // namespace advise::cli
