// advise: who at school to contact, by which channel, and why.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.hpp"

namespace {

constexpr const char* examples = R"(
Examples:
  advise --topic accommodation_not_followed --type concern
  advise --type concern --raised-with general_ed_teacher --unresolved
  advise --topic speech_therapy --compliance --json
  advise --list topics

Exit codes: 0 advice given, 2 bad input or a rule file that cannot be loaded.)";

bool wants_color() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

}  // namespace

int main(int argc, char** argv) {
    using namespace advise;
    CLI::App app{"advise: who at school to contact about a matter, by which channel, and why.", "advise"};
    app.footer(examples);
    app.set_version_flag("--version", std::string("advise ") + advise::version);

    cli::AskOptions ask;
    std::string rules_file, list_kind, format = "text";
    bool json = false, resolved = false, unresolved = false;
    auto& s = ask.situation;
    app.add_option("--topic", s.topic, "What it is about (see --list topics)");
    app.add_option("--type", s.message_type, "Message type: quick_question, concern, disagreement, ... (see --list types)");
    app.add_option("--stakes", s.stakes, "normal, safety, fape_denial or regression");
    app.add_flag("--compliance", s.compliance, "The school is out of compliance with a legal obligation");
    app.add_option("--raised-with", s.raised_with, "A role already contacted about this (repeatable)")->take_all();
    app.add_option("--attempts", s.attempts, "How many times it was raised (default: the number of --raised-with)");
    auto* resolved_flag = app.add_flag("--resolved", resolved, "That contact settled it");
    app.add_flag("--unresolved", unresolved, "That contact did not settle it (the default)")->excludes(resolved_flag);
    app.add_option("--flag", s.flags, "A fact the rule set declares, e.g. verbal_agreement (repeatable; see --list flags)")
        ->take_all();
    app.add_option("--rules", rules_file, "A rule file to use instead of the built-in rules");
    app.add_flag("--json", json, "Print the answer as JSON");
    app.add_option("--format", format, "Output: text, json or dot (the path through the decision graph)")
        ->check(CLI::IsMember({"text", "json", "dot"}));
    app.add_option("--list", list_kind, "List the ids of: roles, channels, topics, types, stakes or flags");

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

    try {
        const RuleSet rules = rules_file.empty() ? RuleSet::builtin() : RuleSet::from_file(rules_file);
        if (!list_kind.empty()) return cli::list(rules, list_kind);
        s.resolved = resolved;
        ask.format = json ? cli::Format::json : format == "json" ? cli::Format::json
                                              : format == "dot"  ? cli::Format::dot
                                                                 : cli::Format::text;
        ask.color = wants_color();
        return cli::ask(rules, ask);
    } catch (const LoadError& e) {
        std::cerr << e.what() << '\n';
        return cli::exit_bad_input;
    } catch (const InputError& e) {
        std::cerr << "advise: " << e.what() << '\n';
        return cli::exit_bad_input;
    }
}
