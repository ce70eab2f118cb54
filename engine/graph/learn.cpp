#include "graph/learn.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "advise/error.hpp"
#include "load/suggest.hpp"
#include "text/read.hpp"

namespace advise::detail {
namespace {

text::Names names_of(const CompiledRules& r) {
    return {r.topics, r.message_types, r.stakes, r.flags, r.roles, r.topic_role, r.topic_fallback};
}

// The feature hashes of a text, each once.
std::vector<std::uint64_t> features_of(const CompiledRules& r, std::string_view text, bool phrases) {
    auto facts = text::read(r.lexicon, names_of(r), text);
    std::vector<std::uint64_t> out;
    out.reserve(facts.features.size());
    for (const auto& f : facts.features)
        if (phrases || !f.phrase) out.push_back(f.hash);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

class ExampleChecker {
public:
    ExampleChecker(const CompiledRules& rules, Diagnostics& diagnostics, const std::string& file)
        : r_(rules), d_(diagnostics), here_(file) {}

    // The index of an id in `table`, -1 when absent, -2 (reported) when unknown.
    std::int32_t id(const Located& value, const IdTable& table, const char* what) {
        if (!value.present()) return -1;
        const auto index = table.find(value.value);
        if (index != IdTable::none) return index;
        here_.error(value, std::string("unknown ") + what + " '" + value.value + "'" + did_you_mean(value.value, table.views()));
        return -2;
    }

    // true/false, or the default when absent.
    std::int32_t truth(const Located& value, std::int32_t absent) {
        if (!value.present()) return absent;
        if (value.value == "true") return 1;
        if (value.value == "false") return 0;
        here_.error(value, "expected true or false, found '" + value.value + "'");
        return -2;
    }

    // 0 unknown, 1 false (not addressed), 2 true (settled).
    std::int32_t resolved(const Located& value) {
        if (!value.present() || value.value == "unknown") return 0;
        if (value.value == "false") return 1;
        if (value.value == "true") return 2;
        here_.error(value, "expected true, false or unknown, found '" + value.value + "'");
        return -2;
    }

    void check_attempts(const Located& value) {
        if (!value.present()) return;
        int n = 0;
        const auto [end, error] = std::from_chars(value.value.data(), value.value.data() + value.value.size(), n);
        if (error != std::errc() || end != value.value.data() + value.value.size() || n < 0 || n > 100)
            here_.error(value, "expected a whole number from 0 to 100, found '" + value.value + "'");
    }

    void finish() { d_.take(here_); }

private:
    const CompiledRules& r_;
    Diagnostics& d_;
    Diagnostics here_;
};

// A number of the rule file within [low, high] (`low` excluded when `open_low`), or nothing
// (reported when malformed or out of range).
template <typename Number>
std::optional<Number> number_in(const Located& at, Number low, Number high, bool open_low, Diagnostics& diagnostics) {
    if (!at.present()) return std::nullopt;
    Number value{};
    const auto [end, error] = std::from_chars(at.value.data(), at.value.data() + at.value.size(), value);
    const bool above = open_low ? value > low : value >= low;
    if (error == std::errc() && end == at.value.data() + at.value.size() && above && value <= high) return value;
    diagnostics.error(at, "expected a number " + std::string(open_low ? "above " : "from ") + fmt::format("{}", low) +
                              (open_low ? " and at most " : " to ") + fmt::format("{}", high) + ", found '" + at.value + "'");
    return std::nullopt;
}

}  // namespace

text::TrainingOptions training_options(const RuleModel& model, Diagnostics& diagnostics) {
    text::TrainingOptions options;
    const auto& learning = model.reader;
    if (const auto c = number_in(learning.learning_c, 0.0, 1000.0, true, diagnostics)) options.c = *c;
    if (const auto close = number_in(learning.learning_close, 0.0, 1.0, true, diagnostics)) options.close_second = *close;
    if (const auto n = number_in(learning.learning_min_count, 1u, 100u, false, diagnostics)) options.min_count = *n;
    if (const auto& phrases = learning.learning_phrases; phrases.present()) {
        if (phrases.value == "true" || phrases.value == "false") options.phrase_features = phrases.value == "true";
        else diagnostics.error(phrases, "expected true or false, found '" + phrases.value + "'");
    }
    return options;
}

std::vector<text::TrainingText> training_texts(const RuleModel& model, const CompiledRules& r, const text::TrainingOptions& options,
                                               Diagnostics& diagnostics) {
    using text::LearnedFact;
    std::vector<text::TrainingText> out;
    for (std::size_t t = 0; t < model.topics.size(); ++t)
        for (const auto& example : model.topics[t].examples) {
            text::TrainingText item;
            item.features = features_of(r, example.value, options.phrase_features);
            item.labels[static_cast<int>(LearnedFact::topic)] = static_cast<std::int32_t>(t);
            out.push_back(std::move(item));
        }
    std::vector<ExampleChecker> checkers;
    for (const auto& path : model.example_paths) checkers.emplace_back(r, diagnostics, path);
    for (const auto& e : model.examples) {
        auto& check = checkers[e.file];
        text::TrainingText item;
        auto& labels = item.labels;
        labels[static_cast<int>(LearnedFact::topic)] = check.id(e.topic, r.topics, "topic");
        labels[static_cast<int>(LearnedFact::message_type)] = check.id(e.message_type, r.message_types, "message type");
        labels[static_cast<int>(LearnedFact::stakes)] =
            e.stakes.present() ? check.id(e.stakes, r.stakes, "stakes value") : r.default_stakes;
        labels[static_cast<int>(LearnedFact::compliance)] = check.truth(e.compliance, 0);
        labels[static_cast<int>(LearnedFact::resolved)] = check.resolved(e.resolved);
        for (const auto& role : e.raised_with) check.id(role, r.roles, "role");
        for (const auto& flag : e.flags) check.id(flag, r.flags, "flag");
        check.check_attempts(e.attempts);
        if (std::any_of(labels.begin(), labels.end(), [](std::int32_t l) { return l == -2; })) continue;
        item.features = features_of(r, e.text.value, options.phrase_features);
        out.push_back(std::move(item));
    }
    for (auto& check : checkers) check.finish();
    return out;
}

}  // namespace advise::detail
