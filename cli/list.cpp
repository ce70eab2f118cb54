// advise --list KIND: the ids a rule set defines, to use with the other options.
#include <iostream>
#include <map>

#include "commands.hpp"

namespace advise::cli {

int list(const RuleSet& rules, const std::string& kind) {
    const Catalog& c = rules.catalog();
    const std::map<std::string, const std::vector<Term>*> kinds{
        {"roles", &c.roles},   {"channels", &c.channels}, {"topics", &c.topics},
        {"types", &c.message_types}, {"stakes", &c.stakes}, {"flags", &c.flags}};
    const auto it = kinds.find(kind);
    if (it == kinds.end()) {
        std::cerr << "advise: --list takes roles, channels, topics, types, stakes or flags, not '" << kind << "'\n";
        return exit_bad_input;
    }
    std::size_t width = 0;
    for (const auto& term : *it->second) width = std::max(width, term.id.size());
    for (const auto& term : *it->second)
        std::cout << term.id << std::string(width + 2 - term.id.size(), ' ') << term.label << '\n';
    return exit_advice;
}

}  // namespace advise::cli
