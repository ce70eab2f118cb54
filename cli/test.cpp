// advise test FILE...: texts (or structured situations) with the answers they should get, as
// amtool's `config routes test` does for a routing tree. PASS or FAIL a case, then accuracy per
// field and the topics and message types most often confused.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "test_cases.hpp"

namespace advise::cli {
namespace {

std::string word(Resolved r) { return r == Resolved::yes ? "true" : r == Resolved::no ? "false" : "unknown"; }

std::string list_words(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    std::string out = "[";
    for (const auto& id : ids) out += (out.size() > 1 ? ", " : "") + id;
    return out + "]";
}

// Counts right and total per field, and what was confused with what.
struct Tally {
    std::map<std::string, std::pair<int, int>> fields;  // field -> (right, total)
    std::map<std::pair<std::string, std::string>, int> topics, types;  // (wanted, got) -> count
    int cases = 0, passed = 0, unsure = 0, traps = 0, traps_kept = 0;

    void count(const std::string& field, bool right) {
        auto& [r, t] = fields[field];
        r += right;
        ++t;
    }
};

void print_confusion(const char* title, const std::map<std::pair<std::string, std::string>, int>& pairs) {
    std::vector<std::pair<int, std::pair<std::string, std::string>>> list;
    for (const auto& [p, n] : pairs) list.push_back({n, p});
    if (list.empty()) return;
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::cout << '\n' << title << " (expected -> read, most frequent first)\n";
    for (std::size_t i = 0; i < list.size() && i < 10; ++i)
        std::cout << fmt::format("  {:>3}  {} -> {}\n", list[i].first, list[i].second.first, list[i].second.second);
}

}  // namespace

int test(const RuleSet& rules, const TestOptions& options) {
    Tally tally;
    for (const auto& file : options.files) {
        for (const auto& c : load_cases(file)) {
            ++tally.cases;
            Situation s;
            std::vector<std::string> diffs;
            Advice a;
            if (c.text.empty() || options.from_facts) {
                s = situation_of(c.means);
                a = rules.evaluate(s);
            } else {
                const Reading reading = rules.read(c.text);
                if (!reading.sure) {
                    ++tally.unsure;
                    std::cout << "FAIL " << c.name << ": not sure what it is about (" << reading.question << ")\n";
                    for (const char* field : {"contact", "channel", "escalate"}) tally.count(field, false);
                    continue;
                }
                s = reading.situation;
                a = rules.evaluate(reading);
            }
            const Understood& u = a.understood;
            auto fact = [&](const char* name, const auto& want, const std::string& got) {
                if (!want) return;
                const bool right = *want == got;
                tally.count(name, right);
                if (!right) diffs.push_back(fmt::format("{} {}, want {}", name, got, *want));
            };
            if (!c.text.empty() && !options.from_facts) {
                fact("topic", c.means.topic, std::string(u.topic));
                fact("message_type", c.means.message_type, std::string(u.message_type));
                fact("stakes", c.means.stakes, std::string(u.stakes));
                if (c.means.compliance) fact("compliance", std::optional<std::string>(*c.means.compliance ? "true" : "false"), u.compliance ? "true" : "false");
                if (c.means.raised_with) {
                    std::vector<std::string> got(u.raised_with.begin(), u.raised_with.end());
                    fact("raised_with", std::optional<std::string>(list_words(*c.means.raised_with)), list_words(got));
                }
                fact("resolved", c.means.resolved, word(u.resolved));
                if (c.means.topic && *c.means.topic != u.topic) ++tally.topics[{*c.means.topic, std::string(u.topic)}];
                if (c.means.message_type && *c.means.message_type != u.message_type)
                    ++tally.types[{*c.means.message_type, std::string(u.message_type)}];
            }
            // The answer: the fields that decide whether the case passes.
            bool pass = true;
            auto answer = [&](const char* name, const auto& want, const auto& got) {
                if (!want) return;
                const bool right = *want == got;
                tally.count(name, right);
                if (!right) {
                    pass = false;
                    diffs.insert(diffs.begin(), fmt::format("{} {}, want {}", name, got, *want));
                }
            };
            answer("contact", c.contact, std::string(a.contact.id));
            answer("channel", c.channel, std::string(a.channel.id));
            answer("escalate", c.escalate, a.escalate);
            if (c.trap) {
                ++tally.traps;
                tally.traps_kept += !a.escalate && a.contact.id == a.closest.id;
            }
            tally.passed += pass;
            if (!pass) {
                std::cout << "FAIL " << c.name << ": ";
                for (std::size_t i = 0; i < diffs.size(); ++i) std::cout << (i ? "; " : "") << diffs[i];
                std::cout << '\n';
            } else if (!options.quiet) {
                std::cout << "PASS " << c.name << (diffs.empty() ? "" : " (facts: ");
                for (std::size_t i = 0; i < diffs.size(); ++i) std::cout << (i ? "; " : "") << diffs[i];
                std::cout << (diffs.empty() ? "" : ")") << '\n';
            }
        }
    }
    std::cout << fmt::format("\n{} of {} passed", tally.passed, tally.cases);
    if (tally.unsure) std::cout << fmt::format(", {} not sure ({:.1f}%)", tally.unsure, 100.0 * tally.unsure / tally.cases);
    if (tally.traps) std::cout << fmt::format("; traps kept at the lowest level: {} of {}", tally.traps_kept, tally.traps);
    std::cout << "\n\nfield          right\n";
    bool above = true;
    for (const char* field : {"contact", "channel", "escalate", "topic", "message_type", "stakes", "compliance", "raised_with", "resolved"}) {
        const auto it = tally.fields.find(field);
        if (it == tally.fields.end()) continue;
        const auto [right, total] = it->second;
        const double percent = 100.0 * right / total;
        std::cout << fmt::format("  {:<13}{:6.1f}%  ({} of {})\n", field, percent, right, total);
        const bool answer_field = std::string_view(field) == "contact" || std::string_view(field) == "channel" ||
                                  std::string_view(field) == "escalate";
        if (answer_field && percent < options.min_percent) above = false;
    }
    print_confusion("Topics confused", tally.topics);
    print_confusion("Message types confused", tally.types);
    if (options.min_percent > 0) return above ? exit_advice : exit_unsure;
    return tally.passed == tally.cases ? exit_advice : exit_unsure;
}

}  // namespace advise::cli
