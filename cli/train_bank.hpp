// The exercise bank: found beside the rules, loaded, filtered and put in a seeded order.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "test_cases.hpp"

namespace advise::cli {

// What the bank's `reframing:` settings say a reframed sentence must avoid.
struct ReframingChecks {
    std::vector<std::string> blame_words;
};

struct Bank {
    std::vector<Case> exercises;
    ReframingChecks reframing;
};

// The bank to use: `option` (--bank) when given, else exercises/ beside the rule file, else the
// installed bank (share/advise/exercises beside the program), else the source tree's.
std::string locate_bank(const std::string& option, const std::string& rules_file);

// Every exercises file of a folder (*.yaml, in name order), or one file. Ids must be unique.
// Throws InputError naming file:line for a malformed file.
Bank load_bank(const std::string& path);

// A repeatable order: the same seed gives the same draws on every platform (mt19937's output
// is fixed by the standard; the library's distributions are not, so none is used).
class Draw {
public:
    explicit Draw(std::uint32_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(engine_() % n); }
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::mt19937 engine_;
};

// A fresh seed, when none was given (printed, so a session can be repeated).
std::uint32_t fresh_seed();

// Up to `count` exercises of the given difficulty and topic (empty: any), in the seed's order.
// Throws InputError when none matches.
std::vector<const Case*> choose(const Bank& bank, const std::string& difficulty, const std::string& topic,
                                std::size_t count, std::uint32_t seed);

}  // namespace advise::cli
