// advise --batch: one situation a line in, one JSON object a line out.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.hpp"
#include "situation_from.hpp"

namespace advise::cli {

int batch(const RuleSet& rules, const GivenFacts& given, std::istream& in, std::ostream& out) {
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            const Reading reading = read_with(rules, line, given);
            out << (reading.sure ? to_json(rules.evaluate(reading), -1) : to_json(reading, -1)) << '\n';
        } catch (const InputError& e) {
            // One bad line must not stop the rest: it gets an error object of its own.
            out << nlohmann::json{{"error", e.what()}}.dump() << '\n';
        }
    }
    return exit_advice;
}

}  // namespace advise::cli
