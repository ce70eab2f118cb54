// advise train: the exercise bank, the quiz, grading a class, generated exercises, handouts.
#include "train.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <map>

#include "commands.hpp"
#include "train_class.hpp"
#include "train_coverage.hpp"
#include "train_generate.hpp"
#include "train_handout.hpp"
#include "train_quiz.hpp"

namespace advise::cli {
namespace {

// Exercises whose stated answer is not the rules' (a bank written for other rules, or stale).
int disagreeing(const RuleSet& rules, const Bank& bank) {
    int n = 0;
    for (const auto& ex : bank.exercises) {
        const Advice a = rules.evaluate(situation_of(ex.means));
        n += a.contact.id != *ex.contact || a.channel.id != *ex.channel || a.escalate != *ex.escalate;
    }
    return n;
}

void print_counts(const char* title, const std::map<std::string, int>& counts) {
    std::cout << title << '\n';
    for (const auto& [what, n] : counts) std::cout << fmt::format("  {:>3}  {}\n", n, what);
}

// What the bank covers: its answers by person, channel and difficulty, its traps and
// reframing tasks, each rule's use, and the rules no exercise exercises.
int summary(const RuleSet& rules, const Bank& bank, const std::string& where) {
    std::map<std::string, int> contacts, channels, difficulty;
    int traps = 0, reframes = 0;
    RuleUse use;
    for (const auto& ex : bank.exercises) {
        const Advice a = rules.evaluate(situation_of(ex.means));
        ++contacts[std::string(a.contact.title)];
        ++channels[std::string(a.channel.label)];
        ++difficulty[ex.difficulty];
        traps += ex.trap;
        reframes += ex.reframe.has_value();
        count_rules(a, use);
    }
    std::cout << fmt::format("{} exercises in {}: {} traps, {} reframing tasks\n", bank.exercises.size(), where, traps, reframes);
    if (const int disagree = disagreeing(rules, bank)) std::cout << fmt::format("{} exercises state an answer the rules do not give (advise test --from-facts shows which)\n", disagree);
    print_counts("By difficulty", difficulty);
    print_counts("By the person to contact", contacts);
    print_counts("By channel", channels);
    std::cout << "Exercises per rule\n";
    for (const auto& r : rules.catalog().rules)
        if (use.count(r.id)) std::cout << fmt::format("  {:>3}  {}\n", use[r.id], r.id);
    print_unexercised(rules, use, "", std::cout);
    return exit_advice;
}

}  // namespace

int train(const RuleSet& rules, const std::string& rules_file, const TrainOptions& options) {
    const auto where = locate_bank(options.bank, rules_file);
    const Bank bank = load_bank(where);
    const std::uint32_t seed = options.seed ? *options.seed : fresh_seed();
    if (options.summary) return summary(rules, bank, where);
    if (!options.grade.empty()) return grade_class(rules, bank, options.grade, options.json, std::cout);
    if (options.generate > 0) return generate(rules, bank, options.generate, seed, std::cout);
    // Trainees are graded by the rules, whatever an exercise states; say so when they differ.
    if (const int n = disagreeing(rules, bank))
        std::cerr << fmt::format("advise: {} in {} {} an answer the rules do not give; the rules' answer is used "
                                 "(advise test --from-facts shows which)\n",
                                 n == 1 ? "1 exercise" : fmt::format("{} exercises", n), where, n == 1 ? "states" : "state");
    if (options.handout > 0) {
        const auto chosen = choose(bank, options.difficulty, options.topic, static_cast<std::size_t>(options.handout), seed);
        return handout(rules, bank, chosen, seed, options.out, std::cout);
    }
    const auto chosen = choose(bank, options.difficulty, options.topic, static_cast<std::size_t>(options.count), seed);
    return quiz(rules, chosen, bank.reframing, seed, !isatty(STDIN_FILENO), std::cin, std::cout);
}

}  // namespace advise::cli
