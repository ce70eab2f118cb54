// The C interface (include/advise/advise.h) over RuleSet. Every entry point catches every
// exception: none may cross into C, where it would end the process.
#include "advise/advise.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "advise/error.hpp"
#include "advise/render.hpp"
#include "advise/rule_set.hpp"
#include "advise/version.hpp"
#include "capi/situation_json.hpp"

struct advise_rules {
    advise::RuleSet rules;  // immutable: its const members are safe from many threads at once
};

namespace {

// Per thread, so that threads sharing one handle never see each other's errors.
thread_local std::string last_error;

// Runs `body`, turning any exception into `failed` and a message for advise_last_error().
template <class Body, class Result>
Result guarded(Body body, Result failed) noexcept {
    try {
        last_error.clear();
        return body();
    } catch (const std::bad_alloc&) {
        last_error = "out of memory";
    } catch (const std::exception& e) {
        try {
            last_error = e.what();
        } catch (...) {
            last_error.clear();  // out of memory for the message itself
        }
    } catch (...) {
        last_error = "unknown error";
    }
    return failed;
}

// A copy the caller frees with advise_string_free() (malloc, so any C runtime's free works too).
char* caller_owned(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

void require(const void* argument, const char* name) {
    if (argument == nullptr) throw advise::InputError(std::string(name) + " is NULL");
}

}  // namespace

extern "C" {

const char* advise_version(void) { return advise::version; }

int advise_rule_format(void) { return advise::rule_format; }

advise_rules* advise_rules_builtin(void) {
    return guarded([] { return new advise_rules{advise::RuleSet::builtin()}; }, static_cast<advise_rules*>(nullptr));
}

advise_rules* advise_rules_from_file(const char* path) {
    return guarded(
        [&] {
            require(path, "path");
            return new advise_rules{advise::RuleSet::from_file(path)};
        },
        static_cast<advise_rules*>(nullptr));
}

advise_rules* advise_rules_from_string(const char* yaml, size_t yaml_length, const char* source_name) {
    return guarded(
        [&] {
            require(yaml, "yaml");
            return new advise_rules{advise::RuleSet::from_string(std::string_view(yaml, yaml_length),
                                                                 source_name ? source_name : "<string>")};
        },
        static_cast<advise_rules*>(nullptr));
}

void advise_rules_free(advise_rules* rules) { delete rules; }

char* advise_evaluate_json(const advise_rules* rules, const char* situation_json) {
    return guarded(
        [&] {
            require(rules, "rules");
            require(situation_json, "situation_json");
            const advise::Situation situation = advise::detail::situation_from_json(situation_json);
            return caller_owned(advise::to_json(rules->rules.evaluate(situation), -1));
        },
        static_cast<char*>(nullptr));
}

char* advise_evaluate_text(const advise_rules* rules, const char* text) {
    return guarded(
        [&] {
            require(rules, "rules");
            require(text, "text");
            const advise::Reading reading = rules->rules.read(text);
            return caller_owned(reading.sure ? advise::to_json(rules->rules.evaluate(reading), -1)
                                             : advise::to_json(reading, -1));
        },
        static_cast<char*>(nullptr));
}

void advise_string_free(char* s) { std::free(s); }

const char* advise_last_error(void) { return last_error.c_str(); }

}  // extern "C"
