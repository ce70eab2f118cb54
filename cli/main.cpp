// advise: who at school to contact, by which channel, and why.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "read_input.hpp"
#include "situation_from.hpp"
#include "train.hpp"

namespace {

constexpr const char* description = R"(advise: who at school to contact about a matter, by which channel, and why.

Tell it what happened in your own words, or describe it with options. It answers with the
person to contact, the channel, whether that is an escalation, who comes next if it stays
unresolved, and the reasons, rule by rule, each traced to the guide "Building a Collaborative
Partnership with School Staff". With words, it first says what it understood, and from which
words; any fact given as an option overrides what the words said.)";

constexpr const char* footer = R"help(
Examples:
  advise "my son didn't get extended time on tuesday's quiz and I already emailed his teacher twice"
  advise "OT question about handwriting"
  echo "the bus was late again" | advise
  advise --topic accommodation_not_followed --type concern --raised-with general_ed_teacher
  advise --type concern --compliance --json
  advise --format dot "speech sessions haven't happened for a month" | dot -Tsvg > path.svg
  advise --batch < situations.txt > answers.jsonl
  advise --list topics
  advise check my-district.yaml
  advise test tests/scenarios.yaml --min 85
  advise graph --ladder | dot -Tpng > ladder.png
  eval "$(advise --completion bash)"

Exit codes:
  0  advice given
  1  nothing in the text was understood (one question is printed); for `test`, a case failed
  2  bad input (empty, too long, binary or invalid UTF-8 text; an unknown id; a bad option)
     or a rule file that cannot be loaded (every problem as file:line:column: key: message)
  3  --batch: some lines could not be answered (each has its {"line": N, "error": ...})
  4  the output could not be written (a full disk, a closed output)

Environment:
  NO_COLOR  when set, never colour the output (colour is used only on a terminal)

Nothing is sent anywhere: advise reads the situation, answers, and keeps nothing.)help";

bool wants_color() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

int run(int argc, char** argv) {
    using namespace advise;
    CLI::App app{description, "advise"};
    app.footer(footer);
    app.set_version_flag("--version", std::string("advise ") + advise::version);
    app.get_formatter()->column_width(28);

    cli::GivenFacts given;
    std::vector<std::string> words;
    std::string rules_file, list_kind, completion_shell, format = "text", topic, type, stakes;
    bool json = false, resolved = false, unresolved = false, batch = false;
    int attempts = -1;
    app.add_option("situation", words, "What happened, in your own words (read from standard input when absent)");
    auto* topic_option = app.add_option("--topic", topic, "What it is about (see --list topics)");
    auto* type_option = app.add_option("--type", type, "Message type: quick_question, scheduling, home_context, concern, "
                                                        "disagreement, formal_request, introduction, end_of_year_letter, "
                                                        "positive_feedback, meeting_recap (see --list types)");
    auto* stakes_option = app.add_option("--stakes", stakes, "normal, safety, fape_denial or regression");
    app.add_flag("--compliance", given.compliance, "The school is out of compliance with a legal obligation");
    app.add_option("--raised-with", given.raised_with, "A role already contacted about this (repeatable; see --list roles)")
        ->allow_extra_args(false);
    auto* attempts_option = app.add_option("--attempts", attempts, "How many times it was raised")->check(CLI::Range(0, 1000));
    auto* resolved_flag = app.add_flag("--resolved", resolved, "It was settled (default: unknown, so follow up before escalating)");
    auto* unresolved_flag = app.add_flag("--unresolved", unresolved, "It was raised and not addressed: a no, no answer after a reasonable wait, or no change")->excludes(resolved_flag);
    app.add_option("--flag", given.flags, "A fact the rule set declares, e.g. verbal_agreement (repeatable; see --list flags)")
        ->allow_extra_args(false);
    app.add_option("--rules", rules_file, "A rule file to use instead of the built-in rules");
    app.add_flag("--json", json, "Print the answer as JSON (same as --format json)");
    app.add_option("--format", format, "Output: text, json or dot (the path through the decision graph)")
        ->check(CLI::IsMember({"text", "json", "dot"}));
    app.add_flag("--batch", batch, "Read one situation a line from standard input; write one JSON object a line");
    app.add_option("--list", list_kind, "List the ids of: roles, channels, topics, types, stakes or flags");
    app.add_option("--completion", completion_shell, "Print a shell completion script (bash)");

    std::string check_file;
    bool check_json = false, ladder = false;
    auto* check_command = app.add_subcommand("check", "Check a rule set for soundness (exit 0 clean, 1 findings, 2 cannot load)");
    check_command->add_option("file", check_file, "The rule file (default: the built-in rules)");
    check_command->add_flag("--json", check_json, "Print the findings as JSON");
    auto* graph_command = app.add_subcommand("graph", "Print the decision graph as Graphviz DOT");
    graph_command->add_flag("--ladder", ladder, "Print the escalation ladder instead");
    graph_command->add_option("--rules", rules_file, "A rule file to draw instead of the built-in rules");

    cli::TestOptions test_options;
    auto* test_command = app.add_subcommand(
        "test", "Run test cases (texts or situations with the answers they should get); exit 1 on a failure");
    test_command->add_option("files", test_options.files, "Test files: `tests:` (or `scenarios:`) of text, expect, means")
        ->required()->type_name("FILE");
    test_command->add_option("--min", test_options.min_percent, "Pass when contact, channel and escalate are each right at least this often")
        ->type_name("PERCENT")->check(CLI::Range(0.0, 100.0));
    test_command->add_flag("--quiet", test_options.quiet, "Print failing cases only");
    test_command->add_flag("--from-facts", test_options.from_facts, "Evaluate each case's stated facts (`means`), not its text");
    test_command->add_option("--rules", rules_file, "A rule file to test instead of the built-in rules")->type_name("FILE");

    // advise train: advocate training with the exercise bank, graded by the rules.
    cli::TrainOptions train_options;
    auto* train_command = app.add_subcommand(
        "train", "Advocate training: a quiz from the exercise bank, graded and explained by the rules");
    train_command->add_option("--count", train_options.count, "Questions in a session (default 10)")
        ->type_name("N")->check(CLI::Range(1, 1000));
    train_command->add_option("--difficulty", train_options.difficulty, "Only exercises of this difficulty")
        ->check(CLI::IsMember({"easy", "medium", "hard"}));
    train_command->add_option("--topic", train_options.topic, "Only exercises about this topic (see advise --list topics)")
        ->type_name("ID");
    train_command->add_option_function<unsigned>(
        "--seed", [&](const unsigned& seed) { train_options.seed = seed; }, "A repeatable order (the same seed, the same exercises)")
        ->type_name("S");
    train_command->add_option("--bank", train_options.bank, "An exercise folder or file (default: the exercises beside the rules)")
        ->type_name("DIR|FILE");
    train_command->add_option("--grade", train_options.grade, "Grade the answers of one or many trainees, per trainee and per skill")
        ->type_name("FILE");
    train_command->add_flag("--json", train_options.json, "With --grade: the report as JSON");
    train_command->add_option("--generate", train_options.generate, "Write N new exercises built from the rules, with a coverage report")
        ->type_name("N")->check(CLI::Range(1, 10000));
    train_command->add_option("--handout", train_options.handout, "Write a Markdown handout of N exercises and its answer key")
        ->type_name("N")->check(CLI::Range(1, 1000));
    train_command->add_option("--out", train_options.out, "With --handout: the folder to write into (default: here)")
        ->type_name("DIR");
    train_command->add_flag("--summary", train_options.summary, "What the bank covers: people, channels, traps, rules");
    train_command->add_option("--rules", rules_file, "A rule file to train with instead of the built-in rules")->type_name("FILE");
    train_command->footer(R"(
Examples:
  advise train                              10 exercises: who, which channel, escalate or not
  advise train --count 5 --difficulty hard --seed 7
  advise train --grade answers.yaml --json  a class's answers, per trainee and per skill
  advise train --generate 20 --seed 3 > more.yaml && advise train --bank more.yaml
  advise train --handout 12 --seed 4 --out workshop/
  advise train --summary                    what the exercise bank covers)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "advise: " << e.what() << " (see advise --help)\n";
        return cli::exit_bad_input;
    }
    if (!completion_shell.empty()) return cli::completion(completion_shell);
    if (*check_command) return cli::check(check_file, check_json);
    if (*topic_option) given.topic = topic;
    if (*type_option) given.message_type = type;
    if (*stakes_option) given.stakes = stakes;
    if (*attempts_option) given.attempts = attempts;
    if (*resolved_flag || *unresolved_flag) given.resolved = resolved ? Resolved::yes : Resolved::no;

    try {
        const RuleSet rules = rules_file.empty() ? RuleSet::builtin() : RuleSet::from_file(rules_file);
        if (!list_kind.empty()) return cli::list(rules, list_kind);
        if (*graph_command) return cli::graph(rules, ladder);
        if (*test_command) return cli::test(rules, test_options);
        if (*train_command) return cli::train(rules, rules_file, train_options);
        // Facts given as options are checked before any input is read: a batch with an unknown
        // id fails at once, not once per line.
        if (given.any()) (void)rules.evaluate(cli::given_only(given));
        if (batch) return cli::batch(rules, given, std::cin, std::cout, std::cerr);

        cli::AskOptions ask;
        ask.given = given;
        ask.format = json || format == "json" ? cli::Format::json : format == "dot" ? cli::Format::dot : cli::Format::text;
        ask.color = wants_color() && ask.format == cli::Format::text;
        if (!words.empty()) {
            ask.text = join(words);
        } else if (!given.any()) {
            // No words and no facts: the situation comes on standard input.
            if (isatty(STDIN_FILENO)) {
                std::cerr << "advise: say what happened, e.g. advise \"OT question about handwriting\" (see advise --help)\n";
                return cli::exit_bad_input;
            }
            ask.text = cli::read_text(std::cin);
        }
        return cli::ask(rules, ask);
    } catch (const LoadError& e) {
        std::cerr << e.what() << '\n';
        return cli::exit_bad_input;
    } catch (const InputError& e) {
        std::cerr << "advise: " << e.what() << '\n';
        return cli::exit_bad_input;
    }
}

// Whatever the command, an answer that could not be written is not a success.
int main(int argc, char** argv) {
    // advise writes through std::cout only: its own buffer is much faster than C stdio's (a
    // --batch of 100,000 lines), and a failed write still shows as the stream's state.
    std::ios::sync_with_stdio(false);
    const int code = run(argc, argv);
    errno = 0;
    std::cout.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
        std::cerr << "advise: cannot write the output" << (errno != 0 ? std::string(": ") + std::strerror(errno) : "")
                  << '\n';
        return advise::cli::exit_cannot_write;
    }
    return code;
}
