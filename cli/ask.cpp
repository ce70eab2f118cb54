// advise "what happened" / advise --topic .. --type ..: advice for one situation.
#include <iostream>

#include "commands.hpp"
#include "situation_from.hpp"

namespace advise::cli {

int ask(const RuleSet& rules, const AskOptions& options) {
    const Reading reading = options.text ? read_with(rules, *options.text, options.given) : given_only(options.given);
    if (!reading.sure) {
        std::cout << (options.format == Format::json ? to_json(reading) + "\n" : to_text(reading, {options.color}));
        return exit_unsure;
    }
    switch (options.format) {
        case Format::json: std::cout << to_json(rules.evaluate(reading)) << '\n'; break;
        case Format::dot: std::cout << rules.to_dot(&reading.situation); break;
        case Format::text: std::cout << to_text(rules.evaluate(reading), {options.color}); break;
    }
    return exit_advice;
}

}  // namespace advise::cli
