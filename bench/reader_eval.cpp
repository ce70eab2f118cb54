// How well the reader learns, measured honestly:
//   reader_eval cv RULES.yaml [C] [MIN_COUNT] [words-only]
//                                               k-fold cross-validation per fact on the rule set's
//                                               labelled texts (never the held-out test texts);
//                                               words-only: without the phrases as features
//   reader_eval ablation RULES.yaml TEST.yaml... phrases alone, the model alone, both: contact,
//                                               channel and escalate on the test files
// The second trains its variants from the same rule file, changing only reader.learning.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "advise/advise.hpp"
#include "graph/learn.hpp"
#include "text/decide.hpp"

namespace {

using namespace advise;
using detail::text::LearnedFact;

constexpr const char* fact_names[] = {"topic", "message_type", "stakes", "compliance", "resolved"};

int cross_validate(const std::string& rules_path, double c, unsigned min_count, bool phrases, int folds) {
    const auto rules = RuleSet::from_file(rules_path);
    const auto& compiled = rules.compiled();
    detail::Diagnostics d(rules_path);
    detail::text::TrainingOptions options;
    options.c = c;
    options.min_count = min_count;
    options.phrase_features = phrases;
    const auto texts = detail::training_texts(*compiled.model, compiled, options, d);
    d.throw_if_any();
    int right[5] = {}, total[5] = {};
    int role_right = 0, channel_right = 0;  // the topic's closest role, the message type's channel
    std::vector<std::uint32_t> indices;
    std::vector<float> scores;
    for (int fold = 0; fold < folds; ++fold) {
        std::vector<detail::text::TrainingText> train, test;
        for (std::size_t i = 0; i < texts.size(); ++i) (static_cast<int>(i % folds) == fold ? test : train).push_back(texts[i]);
        const auto models = detail::text::train(train, options);
        for (const auto& t : test) {
            const float value = detail::text::feature_indices(models.features, t.features, indices);
            for (int f = 0; f < 5; ++f) {
                if (t.labels[f] < 0 || !models.facts[f].trained()) continue;
                const auto& m = models.facts[f];
                m.score(indices, value, scores);
                const auto best = static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
                right[f] += m.labels[best] == t.labels[f];
                ++total[f];
                if (f == 0) role_right += compiled.topic_role[static_cast<std::size_t>(m.labels[best])] == compiled.topic_role[static_cast<std::size_t>(t.labels[f])];
                if (f == 1) channel_right += compiled.message_channel[static_cast<std::size_t>(m.labels[best])] == compiled.message_channel[static_cast<std::size_t>(t.labels[f])];
            }
        }
    }
    std::cout << fmt::format("{}-fold cross-validation on {} labelled texts (C={}, min_count={}{})\n", folds, texts.size(), c, min_count,
                             phrases ? "" : ", words only");
    for (int f = 0; f < 5; ++f)
        std::cout << fmt::format("  {:<13} {:6.1f}%  ({} of {})\n", fact_names[f], 100.0 * right[f] / std::max(1, total[f]), right[f], total[f]);
    std::cout << fmt::format("  {:<13} {:6.1f}%  (the topic's closest role)\n", "role", 100.0 * role_right / std::max(1, total[0]));
    std::cout << fmt::format("  {:<13} {:6.1f}%  (the message type's channel)\n", "channel", 100.0 * channel_right / std::max(1, total[1]));
    return 0;
}

struct Score {
    int contact = 0, channel = 0, escalate = 0, all = 0, unsure = 0, total = 0;
};

Score score(const RuleSet& rules, const std::vector<std::string>& files) {
    Score s;
    for (const auto& file : files)
        for (const auto& n : YAML::LoadFile(file)["scenarios"]) {
            ++s.total;
            const auto reading = rules.read(n["text"].as<std::string>());
            if (!reading.sure) {
                ++s.unsure;
                continue;
            }
            const auto a = rules.evaluate(reading);
            const auto e = n["expect"];
            const bool contact = a.contact.id == e["contact"].as<std::string>();
            const bool channel = a.channel.id == e["channel"].as<std::string>();
            const bool escalate = a.escalate == e["escalate"].as<bool>();
            s.contact += contact;
            s.channel += channel;
            s.escalate += escalate;
            s.all += contact && channel && escalate;
        }
    return s;
}

// The rule file with its reader.learning settings replaced (or its examples dropped).
std::string variant(const std::string& yaml, const std::string& learning, bool examples) {
    std::string out = yaml;
    if (!examples) out = std::regex_replace(out, std::regex("\nexamples:\n(  - [^\n]*\n)+"), "\n");
    if (!learning.empty()) {
        // Into the rule file's own reader.learning mapping, or a new one.
        const std::regex own("\n  learning: \\{");
        out = std::regex_search(out, own) ? std::regex_replace(out, own, "\n  learning: {" + learning + ", ")
                                          : std::regex_replace(out, std::regex("\nreader:\n"), "\nreader:\n  learning: {" + learning + "}\n");
    }
    return out;
}

int ablation(const std::string& rules_path, const std::vector<std::string>& files) {
    std::ifstream in(rules_path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string yaml = text.str();
    const struct {
        const char* name;
        std::string yaml;
    } variants[] = {
        {"phrases alone", variant(yaml, "", false)},
        {"model alone", variant(yaml, "phrase_features: false", true)},
        {"both", yaml},
    };
    std::cout << fmt::format("{:<15} {:>8} {:>8} {:>9} {:>8} {:>7}\n", "reader", "contact", "channel", "escalate", "all 3", "unsure");
    for (const auto& v : variants) {
        const auto rules = RuleSet::from_string(v.yaml, rules_path);
        const auto s = score(rules, files);
        const auto pct = [&](int n) { return 100.0 * n / std::max(1, s.total); };
        std::cout << fmt::format("{:<15} {:>7.1f}% {:>7.1f}% {:>8.1f}% {:>7.1f}% {:>6.1f}%\n", v.name, pct(s.contact), pct(s.channel),
                                 pct(s.escalate), pct(s.all), pct(s.unsure));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 2 ? argv[1] : "";
        if (mode == "cv")
            return cross_validate(argv[2], argc > 3 ? std::stod(argv[3]) : 1.0, argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 2,
                                  !(argc > 5 && std::string(argv[5]) == "words-only"), 5);
        if (mode == "ablation" && argc > 3) return ablation(argv[2], std::vector<std::string>(argv + 3, argv + argc));
        std::cerr << "usage: reader_eval cv RULES.yaml [C] [MIN_COUNT] [words-only] | reader_eval ablation RULES.yaml TEST.yaml...\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "reader_eval: " << e.what() << '\n';
        return 2;
    }
}
