// The advise commands, one file each. Each returns the process exit code.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "advise/advise.hpp"

namespace advise::cli {

// Exit codes, as documented in --help and the README.
inline constexpr int exit_advice = 0;
inline constexpr int exit_unsure = 1;
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_some_lines_failed = 3;  // --batch: some lines got an "error" object
inline constexpr int exit_cannot_write = 4;       // the output could not be written (a full disk)

enum class Format { text, json, dot };

// Facts given as options; each one given overrides what the text said.
struct GivenFacts {
    std::optional<std::string> topic, message_type, stakes;
    bool compliance = false;
    std::vector<std::string> raised_with;
    std::optional<Resolved> resolved;
    std::optional<int> attempts;
    std::vector<std::string> flags;

    bool any() const {
        return topic || message_type || stakes || compliance || !raised_with.empty() || resolved || attempts ||
               !flags.empty();
    }
};

struct AskOptions {
    GivenFacts given;
    std::optional<std::string> text;  // the situation in the person's own words, if told
    Format format = Format::text;
    bool color = false;
};

// One situation: structured (options only) or told in words (options override the words).
int ask(const RuleSet& rules, const AskOptions& options);
// One situation a line in, one JSON object a line out: every line, numbered, errors included;
// how many lines failed goes to `err`.
int batch(const RuleSet& rules, const GivenFacts& given, std::istream& in, std::ostream& out, std::ostream& err);
int list(const RuleSet& rules, const std::string& kind);
// advise check [FILE]: findings of the static analysis; the built-in rules without FILE.
int check(const std::string& file, bool json);
// advise graph [--ladder]: Graphviz DOT.
int graph(const RuleSet& rules, bool ladder);
int completion(const std::string& shell);

struct TestOptions {
    std::vector<std::string> files;
    double min_percent = 0;  // 0: any failing case fails the run
    bool quiet = false;      // print failing cases only
    bool from_facts = false; // evaluate each case's stated facts, not its text: checks the labels
};
// advise test FILE...: PASS/FAIL per case, accuracy per field, confusions; 1 on failure.
int test(const RuleSet& rules, const TestOptions& options);

}  // namespace advise::cli
