// libFuzzer target: free text read with the default rules (rules/default.yaml, loaded once,
// so that no generated snapshot is needed), then evaluated and rendered. Text either reads
// or throws InputError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "advise/advise.hpp"

#ifndef ADVISE_DEFAULT_RULES
#define ADVISE_DEFAULT_RULES "rules/default.yaml"
#endif

namespace {

const advise::RuleSet& rules() {
    static const advise::RuleSet loaded = [] {
#ifdef ADVISE_FUZZ_BUILTIN
        // The test build has the built-in snapshot: the same rules, without training the models again.
        if (std::getenv("ADVISE_FUZZ_RULES") == nullptr) return advise::RuleSet::builtin();
#endif
        const char* path = std::getenv("ADVISE_FUZZ_RULES");
        return advise::RuleSet::from_file(path ? path : ADVISE_DEFAULT_RULES);
    }();
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)rules();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    advise::Reading reading;
    try {
        reading = rules().read(text);
    } catch (const advise::InputError&) {
        return 0;
    }
    // Whatever was read names only ids of the rule set: evaluating it must not throw.
    const auto advice = rules().evaluate(reading);
    if (advice.contact.id.empty() || advice.reasons.empty()) __builtin_trap();
    (void)advise::to_text(advice);
    (void)advise::to_json(advice);
    if (!reading.sure) {
        (void)advise::to_text(reading);
        (void)advise::to_json(reading);
    }
    (void)rules().to_dot(&reading.situation);
    return 0;
}
