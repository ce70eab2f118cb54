// advise "what happened" / advise --topic .. --type ..: advice for one situation.
#include <iostream>
#include <string>

#include "commands.hpp"
#include "situation_from.hpp"

namespace advise::cli {
namespace {

// The topic's words, as the rule set labels it.
std::string topic_label(const RuleSet& rules, std::string_view id) {
    for (const auto& t : rules.catalog().topics)
        if (t.id == id) return t.label;
    return std::string(id);
}

// Two readings are close and answer differently: a person at the terminal picks one ("Is this
// mainly about 1) the bus or 2) speech therapy?"). Returns the advice for the reading chosen;
// an empty line, or the end of input, keeps the first.
Advice ask_between(const RuleSet& rules, const Reading& reading, Advice advice) {
    std::vector<std::pair<std::string, std::string>> choices{{reading.situation.topic.empty() ? std::string(advice.understood.topic) : reading.situation.topic,
                                                              topic_label(rules, advice.understood.topic)}};
    for (const auto& alt : advice.alternatives) choices.emplace_back(alt.topic, std::string(alt.topic_label));
    std::cout << "Is this mainly about ";
    for (std::size_t i = 0; i < choices.size(); ++i)
        std::cout << (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") << i + 1 << ") " << choices[i].second;
    std::cout << "? [1-" << choices.size() << "] " << std::flush;
    std::string line;
    std::size_t pick = 1;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) break;
        try {
            pick = std::stoul(line);
        } catch (const std::exception&) {
            pick = 0;
        }
        if (pick >= 1 && pick <= choices.size()) break;
        std::cout << "Please type a number from 1 to " << choices.size() << ": " << std::flush;
        pick = 1;
    }
    std::cout << '\n';
    Reading chosen = reading;
    chosen.situation.topic = choices[pick - 1].first;
    chosen.alternatives.clear();  // the person said which it is
    return rules.evaluate(chosen);
}

}  // namespace

int ask(const RuleSet& rules, const AskOptions& options) {
    const Reading reading = options.text ? read_with(rules, *options.text, options.given) : given_only(options.given);
    if (!reading.sure) {
        std::cout << (options.format == Format::json ? to_json(reading) + "\n"
                                                     : to_text(reading, {options.color, options.width, false}));
        return exit_unsure;
    }
    switch (options.format) {
        case Format::json: std::cout << to_json(rules.evaluate(reading)) << '\n'; break;
        case Format::dot: std::cout << rules.to_dot(&reading.situation); break;
        case Format::text: {
            Advice advice = rules.evaluate(reading);
            if (options.may_ask && !advice.alternatives.empty() && !options.given.topic)
                advice = ask_between(rules, reading, std::move(advice));
            std::cout << to_text(advice, {options.color, options.width, options.why});
            break;
        }
    }
    return exit_advice;
}

}  // namespace advise::cli
