// libFuzzer target: free text read with the default rules (default_rules.hpp), then evaluated
// and rendered. Text either reads or throws InputError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "advise/advise.hpp"
#include "default_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    advise::Reading reading;
    try {
        reading = fuzz::rules().read(text);
    } catch (const advise::InputError&) {
        return 0;
    }
    // Whatever was read names only ids of the rule set: evaluating it must not throw.
    const auto advice = fuzz::rules().evaluate(reading);
    if (advice.contact.id.empty() || advice.reasons.empty()) __builtin_trap();
    (void)advise::to_text(advice);
    (void)advise::to_json(advice);
    if (!reading.sure) {
        (void)advise::to_text(reading);
        (void)advise::to_json(reading);
    }
    (void)fuzz::rules().to_dot(&reading.situation);
    return 0;
}
