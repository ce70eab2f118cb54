// libFuzzer target: one rule condition. The bytes go to the X3 parser directly, then into the
// tests' small rule file as the `when:` of an escalation rule and of a warning, which is loaded
// (type check, compile) and evaluated over a spread of situations.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "advise/advise.hpp"
#include "expr/parse.hpp"
#include "../small_rules.hpp"

namespace {

// A YAML double-quoted scalar holding `text`: quotes, backslashes and control bytes escaped
// (\xHH of a byte below 0x80 is that byte), everything else as it is.
std::string quoted(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The tests' small rule set with `escalation_when` as the condition of one more escalation
// rule and `warning_when` as that of a warning.
std::string rules_with(const std::string& escalation_when, const std::string& warning_when) {
    return test::small_rules("  - {id: warn.fuzz, when: " + warning_when + ", text: t, source: s}\n",
                             "  - {id: up.fuzz, when: " + escalation_when + ", to: above_raised, channel: letter, text: t, source: s}\n");
}

void evaluate_all(const advise::RuleSet& rules) {
    for (const char* topic : {"lunch", "meds"})
        for (const char* stakes : {"calm", "urgent"})
            for (int attempts : {-1, 0, 3})
                for (auto resolved : {advise::Resolved::unknown, advise::Resolved::no, advise::Resolved::yes}) {
                    advise::Situation s;
                    s.topic = topic;
                    s.message_type = attempts == 3 ? "demand" : "ask";
                    s.stakes = stakes;
                    s.attempts = attempts;
                    s.resolved = resolved;
                    s.compliance = attempts == 0;
                    if (attempts != 0) s.raised_with = {"tutor", "head"};
                    if (resolved == advise::Resolved::yes) s.flags = {"angry"};
                    (void)rules.evaluate(s);
                }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = advise::detail::expr::parse(text);
    if (const auto* error = std::get_if<advise::detail::expr::ParseError>(&parsed)) {
        // A column inside the text, or just past it ("expected a value" at the end).
        if (error->column < 1 || error->column > size + 1 || error->message.empty()) __builtin_trap();
    }
    // A condition that does not parse gives the same error in either place: load it once, to
    // check where the loader places the error in the file.
    const std::string condition = quoted(text);
    const bool parses = std::holds_alternative<advise::detail::expr::Node>(parsed);
    for (const auto& yaml : {rules_with(condition, "\"true\""), rules_with("\"false\"", condition)}) {
        try {
            evaluate_all(advise::RuleSet::from_string(yaml, "fuzz.yaml"));
        } catch (const advise::LoadError&) {
        }
        if (!parses) break;
    }
    return 0;
}
