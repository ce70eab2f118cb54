// advise --batch: one situation a line in, one JSON object a line out, in the same order.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.hpp"
#include "read_input.hpp"
#include "situation_from.hpp"

namespace advise::cli {
namespace {

// `object` (one line of JSON) with the input's line number first, so that every answer can be
// matched to its question even when the output is filtered.
void write_numbered(std::ostream& out, std::size_t line, const std::string& object) {
    out << "{\"line\":" << line << (object.size() > 2 ? "," : "") << std::string_view(object).substr(1) << '\n';
}

}  // namespace

int batch(const RuleSet& rules, const GivenFacts& given, std::istream& in, std::ostream& out, std::ostream& err) {
    std::string line;
    std::size_t number = 0, failed = 0;
    for (Line status; out && (status = read_line(in, line)) != Line::end;) {
        ++number;
        try {
            if (status == Line::too_long)
                throw InputError("the line is too long (more than " + std::to_string(max_text_bytes) +
                                 " bytes): describe the situation in a few sentences");
            const Reading reading = read_with(rules, line, given);
            write_numbered(out, number, reading.sure ? to_json(rules.evaluate(reading), -1) : to_json(reading, -1));
        } catch (const InputError& e) {
            // One bad line must not stop the rest: it gets an error object of its own.
            ++failed;
            write_numbered(out, number, nlohmann::json{{"error", e.what()}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
    }
    if (failed > 0)
        err << "advise: " << failed << " of " << number << " lines could not be answered (see their \"error\")\n";
    return failed > 0 ? exit_some_lines_failed : exit_advice;
}

}  // namespace advise::cli
