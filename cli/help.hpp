// What `advise --help` prints: written for a person, as the man page (cli/advise.1) is.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace advise::cli {

// The top-level help: summary, usage, examples first, options in groups, exit codes.
extern const char* const help_text;

// CLI11's help for the subcommands, without its library notation (`INT:INT in [0 - 1000]`,
// `Excludes:`): an option shows its value's name (FILE, ID, N) and what it does.
class PlainFormatter : public CLI::Formatter {
public:
    std::string make_option_opts(const CLI::Option* opt) const override;
};

// "advise: unknown option '--tpoic' (did you mean --topic?)", or the parser's own words.
std::string parse_error_words(const CLI::App& app, const CLI::ParseError& e);

}  // namespace advise::cli
