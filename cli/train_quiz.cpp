#include "train_quiz.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <ostream>

#include "commands.hpp"
#include "read_input.hpp"

namespace advise::cli {
namespace {

struct Quit {};  // "q", or the input ended

std::string trimmed_lower(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return lowercase(s.substr(b, e - b + 1));
}

class Session {
public:
    Session(std::istream& in, std::ostream& out, bool echo) : in_(in), out_(out), echo_(echo) {}

    // One line of input; Quit when the trainee quits or the input ends.
    std::string line(const char* prompt = "> ") {
        std::string s;
        for (;;) {
            out_ << prompt << std::flush;
            const Line got = read_line(in_, s);  // bounded: a line is at most a text's length
            if (got == Line::end) {
                out_ << "\n(input ended)\n";
                throw Quit{};
            }
            if (got == Line::read) break;
            out_ << "\nThat answer is too long; a few words will do.\n";
        }
        if (echo_) out_ << s << '\n';  // piped answers show in the transcript as typed ones do
        if (const auto t = trimmed_lower(s); t == "q" || t == "quit") throw Quit{};
        return s;
    }

    // A numbered choice among `terms`: its number, its id or its words.
    std::string choose(const std::string& question, const std::vector<Term>& terms) {
        out_ << question << '\n';
        for (std::size_t i = 0; i < terms.size(); ++i) out_ << fmt::format("  {}) {}\n", i + 1, terms[i].label);
        for (;;) {
            const auto said = trimmed_lower(line());
            for (std::size_t i = 0; i < terms.size(); ++i)
                if (said == std::to_string(i + 1) || said == terms[i].id || said == trimmed_lower(terms[i].label))
                    return terms[i].id;
            out_ << fmt::format("Answer with a number from 1 to {}, or an id such as {} (q to stop).\n", terms.size(),
                                terms.front().id);
        }
    }

    bool yes_no(const std::string& question) {
        out_ << question << '\n';
        for (;;) {
            const auto said = trimmed_lower(line());
            if (said == "y" || said == "yes" || said == "1") return true;
            if (said == "n" || said == "no" || said == "2") return false;
            out_ << "Answer y or n (q to stop).\n";
        }
    }

private:
    std::istream& in_;
    std::ostream& out_;
    bool echo_;
};

}  // namespace

int quiz(const RuleSet& rules, const std::vector<const Case*>& exercises, const ReframingChecks& checks,
         std::uint32_t seed, bool echo, std::istream& in, std::ostream& out) {
    // The roles by their titles and the channels in the guide's words.
    const auto& roles = rules.catalog().roles;
    const auto& channels = rules.catalog().channels;
    out << fmt::format("advise train: {} {} (seed {}: `--seed {}` gives the same ones again).\n", exercises.size(),
                       exercises.size() == 1 ? "exercise" : "exercises", seed, seed);
    out << "For each situation: who should the parent contact, by which channel, and is that an\n"
           "escalation? Answer with a number or an id; q stops.\n";
    Session session(in, out, echo);
    Tally tally;
    try {
        for (std::size_t i = 0; i < exercises.size(); ++i) {
            const Case& ex = *exercises[i];
            out << fmt::format("\nExercise {} of {}  ({})\n", i + 1, exercises.size(), ex.difficulty);
            out << "  \"" << ex.text << "\"\n\n";
            Answer answer;
            answer.contact = session.choose("Who should the parent contact first?", roles);
            answer.channel = session.choose("By which channel?", channels);
            answer.escalate = session.yes_no("Is that an escalation, above the person closest to the issue? (y/n)");
            if (ex.reframe) {
                out << "Reframe it: turn \"" << ex.reframe->from << "\" into a question that opens an investigation.\n";
                answer.reframe = session.line();
            }
            const Graded g = grade(rules, ex, answer, checks);
            tally.add(g);
            if (g.all_right()) {
                out << fmt::format("Right: {}, {}, {}.\n", g.advice.contact.title, g.advice.channel.label,
                                   g.advice.escalate ? "an escalation" : "no escalation");
                for (const auto& w : g.advice.warnings) out << "The guide also warns: " << w.text << '\n';
            } else {
                out << "Not quite.\n";
                explain(rules, g, out);
            }
            out << fmt::format("In the guide: {}. Score so far: {} answers right\n", ex.section,
                               score_words(tally.right(), tally.total()));
        }
    } catch (const Quit&) {
        out << "Session stopped.\n";
    }
    out << "\nSummary: ";
    print_summary(tally, out);
    return exit_advice;
}

}  // namespace advise::cli
