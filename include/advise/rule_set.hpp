// A compiled rule set: load it once, then evaluate situations from any number of threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "advise/advice.hpp"
#include "advise/reading.hpp"
#include "advise/situation.hpp"

namespace advise {

namespace detail { struct CompiledRules; }

// One entry of a rule set's vocabulary: a role, channel, topic, message type, stakes value or flag.
struct Term {
    std::string id;
    std::string label;        // a role's title, a channel's words, a topic's label...
    std::string description;  // what it does / when to use it; may be empty
};

// The ids a rule set defines, in file order.
struct Catalog {
    std::vector<Term> roles;
    std::vector<Term> channels;
    std::vector<Term> topics;
    std::vector<Term> message_types;
    std::vector<Term> stakes;
    std::vector<Term> flags;
    std::vector<Term> rules;  // every rule with an id, the routes included: label = its text, description = its source
};

// Immutable and cheap to copy (copies share one compiled graph). Every const member is safe to
// call from many threads at once.
class RuleSet {
public:
    // Throws LoadError listing every problem found (file:line:column, key, message).
    static RuleSet from_file(const std::string& path);
    static RuleSet from_string(std::string_view yaml, std::string source_name = "<string>");
    // The default rule set (the guide), built into the library.
    static RuleSet builtin();

    // Throws InputError when the situation names an id this rule set does not define.
    Advice evaluate(const Situation& situation) const;
    // Same, reusing `out`'s storage: no allocation once `out` has grown to size.
    void evaluate(const Situation& situation, Advice& out) const;

    // Reads a situation told in a person's own words: the models learned from the rule set's
    // labelled texts, its phrases and its history cues.
    // Throws InputError for empty, oversized (> 64 KiB), binary or invalid UTF-8 text.
    Reading read(std::string_view text) const;
    // Evaluates what was read, carrying its evidence into `understood.from`.
    Advice evaluate(const Reading& reading) const;

    const Catalog& catalog() const;
    const std::string& source_name() const;  // the file it was loaded from
    std::size_t rule_count() const;          // every rule with an id, the routes included

    // Graphviz DOT of the decision graph; with a situation, the path its evaluation takes is
    // highlighted. Throws InputError like evaluate().
    std::string to_dot(const Situation* situation = nullptr) const;
    // Graphviz DOT of the escalation ladder.
    std::string ladder_to_dot() const;

    // The compiled form, for the engine's own stages (check, render); opaque to apps.
    const detail::CompiledRules& compiled() const { return *impl_; }

private:
    explicit RuleSet(std::shared_ptr<const detail::CompiledRules> impl);
    std::shared_ptr<const detail::CompiledRules> impl_;
};

}  // namespace advise
