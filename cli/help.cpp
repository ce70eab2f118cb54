#include "help.hpp"

#include "load/suggest.hpp"

namespace advise::cli {

const char* const help_text = R"(advise: who at school to contact about a matter, by which channel, and why.

Usage:
  advise [OPTIONS] "what happened, in your own words"
  advise [OPTIONS] --topic ID [--type ID] ...
  advise check [FILE] | diff OLD NEW | graph | test FILE... | train

Examples:
  advise "my son didn't get extended time on his quiz and I already emailed his teacher twice"
  advise --why "the bus was late again"
  echo "I want to thank the speech therapist" | advise
  advise --topic accommodation_not_followed --raised-with teacher --unresolved
  advise --json "speech sessions haven't happened for a month"
  advise check my-district.yaml
  advise diff rules-2025.yaml rules-2026.yaml

It answers in a few plain lines: whom to contact and how, why, and what to do if it does not
work. --why adds what it understood from your words and the reasons, rule by rule, each traced
to the guide "Building a Collaborative Partnership with School Staff".

Describe the situation (any fact given as an option overrides what the words said):
  --topic ID            what it is about (advise --list topics); default: read from the words
  --type ID             the kind of message: quick_question, concern, disagreement, ... (--list types)
  --stakes ID           normal, safety, fape_denial or regression
  --compliance          the school is out of compliance with a legal obligation
  --raised-with ROLE    someone already contacted about it: an id or a word for it ("teacher",
                        "AP"); repeatable
  --resolved            it was settled
  --unresolved          it was raised and not addressed (a no, no answer, nothing changed)
  --attempts N          how many times it was raised
  --flag ID             another fact the rule set declares (advise --list flags); repeatable
  --school NAME         name the people of this school, from the rule file's contacts

Output:
  -v, --why             after the answer, what was understood and the reasons with their sources
  --json                the answer as JSON (--format json)
  --format FORMAT       text, json or dot (the decision graph, the answer highlighted)
  --no-input            never ask a question, even on a terminal: answer with the alternative
  --batch               one situation a line on standard input, one JSON answer a line out
  --list KIND           the ids of: roles, channels, topics, types, stakes or flags
  --completion SHELL    a completion script for bash

Rules:
  --rules FILE          use this rule file instead of the built-in rules (all commands)

Commands:
  check [FILE]          check a rule file: soundness, and that its examples read as their topic
  diff OLD NEW          the situations whose answer changes between two rule files, by rule
  graph [--ladder]      the decision graph (or the escalation ladder) as Graphviz DOT
  test FILE...          run test cases: texts or situations with the answers they should get
  train                 advocate training: a quiz from the exercise bank, graded by the rules

  -h, --help            this help (advise COMMAND --help for a command's options)
  --version             the version

Exit codes:
  0  advice given (check: no findings; diff: no change)
  1  nothing in the text was understood, and a question is printed; check: findings; diff:
     answers change; test: a case failed
  2  bad input (empty, too long, binary or invalid UTF-8 text; an unknown id; a bad option)
     or a rule file that cannot be loaded (every problem as file:line:column: key: message)
  3  --batch: some lines could not be answered (each has its {"line": N, "error": ...})
  4  the output could not be written (a full disk, a closed output)

Environment:
  COLUMNS   the width to wrap to (default: the terminal's, or 80)
  NO_COLOR  never colour the output (colour is used only on a terminal)

Nothing is sent anywhere: advise reads the situation, answers, and keeps nothing.
See also: man advise.
)";

std::string PlainFormatter::make_option_opts(const CLI::Option* opt) const {
    if (opt->get_type_size() == 0) return {};
    const auto name = opt->get_type_name();
    return name.empty() ? std::string() : " " + name;
}

std::string parse_error_words(const CLI::App& app, const CLI::ParseError& e) {
    // An unknown option: the closest one this command takes.
    const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e);
    if (extras) {
        std::vector<std::string> names;
        std::vector<std::string_view> views;
        for (const auto* opt : app.get_options()) {
            for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
            for (const auto& n : opt->get_snames()) names.push_back("-" + n);
        }
        for (const auto& n : names) views.push_back(n);
        for (const auto& arg : app.remaining()) {
            if (arg.size() < 2 || arg[0] != '-') continue;
            const auto word = arg.substr(0, arg.find('='));
            auto hint = detail::did_you_mean(word, views);
            // " (did you mean '--topic'?)" -> " (did you mean --topic?)"
            hint.erase(std::remove(hint.begin(), hint.end(), '\''), hint.end());
            return "unknown option '" + word + "'" + hint;
        }
        if (!app.remaining().empty())
            return "unexpected '" + app.remaining().front() + "' (put what happened in quotes, before any command)";
    }
    return e.what();
}

}  // namespace advise::cli
