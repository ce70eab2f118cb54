// advise: who at school to contact, by which channel, and why.
#include <CLI/CLI.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "help.hpp"
#include "read_input.hpp"
#include "situation_from.hpp"
#include "train.hpp"

namespace {

bool wants_color() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

// COLUMNS when set, else the terminal's width, else 80 (piped).
std::size_t output_width() {
    if (const char* columns = std::getenv("COLUMNS")) {
        const long n = std::strtol(columns, nullptr, 10);
        if (n > 0) return static_cast<std::size_t>(n);
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

int run(int argc, char** argv) {
    using namespace advise;
    CLI::App app{"advise: who at school to contact about a matter, by which channel, and why.", "advise"};
    app.formatter(std::make_shared<cli::PlainFormatter>());
    app.get_formatter()->column_width(24);
    app.set_version_flag("--version", std::string("advise ") + advise::version);
    bool help = false, why = false, no_input = false;

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
        ->allow_extra_args(false)->type_name("ROLE");
    auto* attempts_option = app.add_option("--attempts", attempts, "How many times it was raised")->type_name("N");
    auto* resolved_flag = app.add_flag("--resolved", resolved, "It was settled (default: unknown, so follow up before escalating)");
    auto* unresolved_flag = app.add_flag("--unresolved", unresolved, "It was raised and not addressed: a no, no answer after a reasonable wait, or no change");
    app.add_option("--school", given.school, "Name the people of this school, from the rule file's contacts")->type_name("NAME");
    app.add_flag("-v,--why", why, "After the answer, what was understood and the reasons");
    app.add_flag("--no-input", no_input, "Never ask a question, even on a terminal");
    app.add_option("--flag", given.flags, "A fact the rule set declares, e.g. verbal_agreement (repeatable; see --list flags)")
        ->allow_extra_args(false);
    app.add_option("--rules", rules_file, "A rule file to use instead of the built-in rules")->type_name("FILE");
    app.add_flag("--json", json, "Print the answer as JSON (same as --format json)");
    app.add_option("--format", format, "Output: text, json or dot (the path through the decision graph)")->type_name("FORMAT");
    app.add_flag("--batch", batch, "Read one situation a line from standard input; write one JSON object a line");
    app.add_option("--list", list_kind, "List the ids of: roles, channels, topics, types, stakes or flags")->type_name("KIND");
    app.add_option("--completion", completion_shell, "Print a shell completion script (bash)")->type_name("SHELL");

    std::string check_file;
    bool check_json = false, ladder = false;
    auto* check_command = app.add_subcommand("check", "Check a rule set: soundness, and that its examples read as their topic (exit 0 clean, 1 findings, 2 cannot load)");
    check_command->add_option("file", check_file, "The rule file (default: --rules, else the built-in rules)")->type_name("FILE");
    check_command->add_option("--rules", rules_file, "The rule file to check")->type_name("FILE");
    check_command->add_flag("--json", check_json, "Print the findings as JSON");
    std::vector<std::string> diff_files;
    auto* diff_command = app.add_subcommand("diff", "The situations whose answer changes between two rule files, grouped by rule (exit 0 none, 1 some)");
    diff_command->add_option("files", diff_files, "OLD and NEW rule files")->required()->expected(2)->type_name("FILE");
    bool diff_json = false;
    diff_command->add_flag("--json", diff_json, "Print the changes as JSON");
    auto* graph_command = app.add_subcommand("graph", "Print the decision graph as Graphviz DOT");
    graph_command->add_flag("--ladder", ladder, "Print the escalation ladder instead");
    graph_command->add_option("file", rules_file, "A rule file to draw instead of the built-in rules")->type_name("FILE");
    graph_command->add_option("--rules", rules_file, "A rule file to draw instead of the built-in rules")->type_name("FILE");

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

    // The top-level help is written for a person (help.cpp); the commands keep CLI11's, made plain.
    app.set_help_flag();
    app.add_flag("-h,--help", help, "This help");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "advise: " << cli::parse_error_words(app, e) << " (see advise --help)\n";
        return cli::exit_bad_input;
    }
    if (help) {
        std::cout << cli::help_text;
        return cli::exit_advice;
    }
    const auto fail = [](const std::string& message) {
        std::cerr << "advise: " << message << " (see advise --help)\n";
        return cli::exit_bad_input;
    };
    if (format != "text" && format != "json" && format != "dot")
        return fail("--format takes text, json or dot, not '" + format + "'");
    if (resolved && unresolved) return fail("--resolved and --unresolved contradict each other: give one");
    if (*attempts_option && (attempts < 0 || attempts > 1000)) return fail("--attempts takes a number from 0 to 1000");
    const CLI::App* command = nullptr;
    for (const auto* sub : {check_command, diff_command, graph_command, test_command, train_command})
        if (*sub) command = sub;
    if (command && !words.empty())
        return fail("'" + join(words) + "' is not something " + command->get_name() +
                    " takes: give what happened without a command, or the command without it");
    if (!completion_shell.empty()) return cli::completion(completion_shell);
    if (*check_command) return cli::check(check_file.empty() ? rules_file : check_file, check_json);
    if (*topic_option) given.topic = topic;
    if (*type_option) given.message_type = type;
    if (*stakes_option) given.stakes = stakes;
    if (*attempts_option) given.attempts = attempts;
    if (*resolved_flag || *unresolved_flag) given.resolved = resolved ? Resolved::yes : Resolved::no;

    try {
        if (*diff_command) return cli::diff(diff_files[0], diff_files[1], diff_json);
        const RuleSet rules = rules_file.empty() ? RuleSet::builtin() : RuleSet::from_file(rules_file);
        if (!list_kind.empty()) return cli::list(rules, list_kind);
        if (*graph_command) return cli::graph(rules, ladder);
        if (*test_command) return cli::test(rules, test_options);
        if (*train_command) return cli::train(rules, rules_file, train_options);
        given.raised_with = cli::role_ids(rules, given.raised_with);
        // Facts given as options are checked before any input is read: a batch with an unknown
        // id fails at once, not once per line.
        if (given.any() || !given.school.empty()) (void)rules.evaluate(cli::given_only(given));
        if (batch) return cli::batch(rules, given, std::cin, std::cout, std::cerr);

        cli::AskOptions ask;
        ask.given = given;
        ask.format = json || format == "json" ? cli::Format::json : format == "dot" ? cli::Format::dot : cli::Format::text;
        ask.color = wants_color() && ask.format == cli::Format::text;
        ask.why = why;
        ask.width = output_width();
        // On a terminal, a close second reading is a question; piped, it is shown beside the answer.
        ask.may_ask = !no_input && ask.format == cli::Format::text && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
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
