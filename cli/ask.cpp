// advise --topic .. --type ..: advice for a structured situation.
#include <iostream>

#include "commands.hpp"

namespace advise::cli {

int ask(const RuleSet& rules, const AskOptions& options) {
    switch (options.format) {
        case Format::json: std::cout << to_json(rules.evaluate(options.situation)) << '\n'; break;
        case Format::dot: std::cout << rules.to_dot(&options.situation); break;
        case Format::text: std::cout << to_text(rules.evaluate(options.situation), {options.color}); break;
    }
    return exit_advice;
}

}  // namespace advise::cli
