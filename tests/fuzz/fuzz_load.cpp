// libFuzzer target: RuleSet::from_string on arbitrary bytes. A rule file either loads or
// throws LoadError; anything else (another exception, a crash, a sanitizer report) is a
// finding. A rule set that loads is then used, since odd but valid rules reach code that
// well-formed files never do.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "advise/advise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view yaml(reinterpret_cast<const char*>(data), size);
    try {
        const auto rules = advise::RuleSet::from_string(yaml, "fuzz.yaml");
        const auto& catalog = rules.catalog();
        advise::Situation defaults;
        (void)advise::to_json(rules.evaluate(defaults));
        // Every topic and stakes value is an id the rule set defines: evaluating them must
        // not throw. Bounded, so that a large rule set stays fast.
        std::size_t evaluated = 0;
        for (const auto& topic : catalog.topics) {
            for (const auto& stakes : catalog.stakes) {
                if (++evaluated > 16) break;
                advise::Situation s;
                s.topic = topic.id;
                s.stakes = stakes.id;
                if (!catalog.roles.empty()) s.raised_with = {catalog.roles.front().id};
                for (const auto& flag : catalog.flags) s.flags.push_back(flag.id);
                (void)advise::to_text(rules.evaluate(s));
                if (evaluated == 1) (void)rules.to_dot(&s);
            }
        }
        (void)rules.ladder_to_dot();
        try {
            const auto reading = rules.read("my son's teacher did not answer my email twice, it is urgent");
            (void)advise::to_json(rules.evaluate(reading));
        } catch (const advise::InputError&) {
            // A rule set may define no words at all; the text itself is readable.
        }
    } catch (const advise::LoadError&) {
    }
    return 0;
}
