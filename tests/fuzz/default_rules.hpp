// The rules the text targets fuzz with, loaded once: ADVISE_FUZZ_RULES if set, else the
// built-in snapshot in the test build (ADVISE_FUZZ_BUILTIN: the same rules without training
// the models again), else rules/default.yaml (libFuzzer builds have no generated snapshot).
// LLVMFuzzerInitialize loads them, so that the first input is not charged with the loading.
#pragma once

#include <cstdlib>

#include "advise/advise.hpp"

#ifndef ADVISE_DEFAULT_RULES
#define ADVISE_DEFAULT_RULES "rules/default.yaml"
#endif

namespace fuzz {

inline const advise::RuleSet& rules() {
    static const advise::RuleSet loaded = [] {
        const char* path = std::getenv("ADVISE_FUZZ_RULES");
#ifdef ADVISE_FUZZ_BUILTIN
        if (path == nullptr) return advise::RuleSet::builtin();
#endif
        return advise::RuleSet::from_file(path ? path : ADVISE_DEFAULT_RULES);
    }();
    return loaded;
}

}  // namespace fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::rules();
    return 0;
}
