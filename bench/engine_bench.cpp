// How fast the engine loads its rules, evaluates situations, reads free text and renders advice.
// Every benchmark that handles situations reports items per second (one item = one situation).
#include <benchmark/benchmark.h>

#include "builtin/default_rules.hpp"
#include "graph/build.hpp"
#include "model/snapshot.hpp"
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "advise/advise.hpp"

namespace {

// A fixed, seeded mix of structured situations over the built-in vocabulary, skewed so that the
// escalation criteria and the "already raised" paths are all taken.
std::vector<advise::Situation> situation_mix(const advise::RuleSet& rules, std::size_t count) {
    const auto& c = rules.catalog();
    std::mt19937 random(20261123);
    auto pick = [&](const std::vector<advise::Term>& terms) {
        return terms[std::uniform_int_distribution<std::size_t>(0, terms.size() - 1)(random)].id;
    };
    std::vector<advise::Situation> out(count);
    for (auto& s : out) {
        s.topic = pick(c.topics);
        s.message_type = pick(c.message_types);
        s.stakes = random() % 2 == 0 ? pick(c.stakes) : "normal";
        s.compliance = random() % 7 == 0;
        for (auto raised = random() % 4; raised-- > 1;) s.raised_with.push_back(pick(c.roles));
        s.resolved = static_cast<advise::Resolved>(random() % 3);
        if (random() % 8 == 0) s.flags.push_back(pick(c.flags));
    }
    return out;
}

// Parents' own words: the `text:` of every scenario in tests/scenarios.yaml.
const std::vector<std::string>& parent_messages() {
    static const std::vector<std::string> texts = [] {
        std::vector<std::string> out;
        for (const auto& scenario : YAML::LoadFile(ADVISE_SCENARIOS)["scenarios"])
            if (scenario["text"]) out.push_back(scenario["text"].as<std::string>());
        return out;
    }();
    return texts;
}

void set_items(benchmark::State& state) { state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations())); }

// Loading: read rules/default.yaml, parse the YAML, check it, compile conditions, the lexicon
// and the decision graph. One item = one rule set.
void load_default_rules(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(advise::RuleSet::from_file(ADVISE_DEFAULT_RULES));
    set_items(state);
}
BENCHMARK(load_default_rules)->Unit(benchmark::kMillisecond);

// The same rules from a string already in memory: the part of loading that is not file I/O.
void load_default_rules_from_string(benchmark::State& state) {
    const auto yaml = [] {
        std::ifstream in(ADVISE_DEFAULT_RULES);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    for (auto _ : state) benchmark::DoNotOptimize(advise::RuleSet::from_string(yaml, "default.yaml"));
    set_items(state);
}
BENCHMARK(load_default_rules_from_string)->Unit(benchmark::kMillisecond);

// The default rules as the CLI and RuleSet::builtin() load them: from the snapshot made at
// build time (no YAML), then compiled into the graph. builtin() does this once per process.
void load_default_rules_builtin(benchmark::State& state) {
    for (auto _ : state) {
        auto snapshot = advise::detail::restore_snapshot(advise::detail::default_rules_snapshot);
        auto model = std::make_shared<const advise::detail::RuleModel>(std::move(snapshot.model));
        advise::detail::Diagnostics diagnostics(advise::detail::default_rules_name);
        benchmark::DoNotOptimize(advise::detail::build(std::move(model), diagnostics, &snapshot.lexicon, &snapshot.models));
    }
    set_items(state);
}
BENCHMARK(load_default_rules_builtin)->Unit(benchmark::kMicrosecond);

constexpr std::size_t mix_size = 4096;  // a power of two, so the index wraps with a mask

// Structured evaluation reusing one Advice: the allocation-free path.
void evaluate_structured(benchmark::State& state) {
    static const auto rules = advise::RuleSet::builtin();
    static const auto situations = situation_mix(rules, mix_size);
    advise::Advice advice;
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * 997;
    for (auto _ : state) {
        rules.evaluate(situations[i++ & (mix_size - 1)], advice);
        benchmark::DoNotOptimize(advice.contact.id.data());
    }
    set_items(state);
}
BENCHMARK(evaluate_structured)->Threads(1)->Threads(2)->UseRealTime();

// Structured evaluation returning a fresh Advice each time: what a caller that does not keep one pays.
void evaluate_structured_fresh(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto situations = situation_mix(rules, mix_size);
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(rules.evaluate(situations[i++ & (mix_size - 1)]));
    set_items(state);
}
BENCHMARK(evaluate_structured_fresh);

// Free text: read a parent's message, then evaluate what was read (when the reader is sure).
void read_and_evaluate(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto& texts = parent_messages();
    std::size_t i = 0, sure = 0;
    for (auto _ : state) {
        const auto reading = rules.read(texts[i++ % texts.size()]);
        if (reading.sure) {
            ++sure;
            benchmark::DoNotOptimize(rules.evaluate(reading));
        }
        benchmark::DoNotOptimize(reading.situation.topic.data());
    }
    set_items(state);
    state.counters["sure_share"] = static_cast<double>(sure) / static_cast<double>(state.iterations());
    state.counters["messages"] = static_cast<double>(texts.size());
}
BENCHMARK(read_and_evaluate);

// Reading alone, to split the free-text cost between the reader and the evaluation.
void read_only(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto& texts = parent_messages();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(rules.read(texts[i++ % texts.size()]));
    set_items(state);
}
BENCHMARK(read_only);

// Advice for the JSON benchmarks: half structured, half read from the parents' messages, so
// that `understood.from` (the evidence) is rendered too.
std::vector<advise::Advice> advice_to_render(const advise::RuleSet& rules) {
    std::vector<advise::Advice> out;
    for (const auto& s : situation_mix(rules, 128)) out.push_back(rules.evaluate(s));
    for (const auto& text : parent_messages()) {
        if (out.size() == 256) break;
        const auto reading = rules.read(text);
        if (reading.sure) out.push_back(rules.evaluate(reading));
    }
    return out;
}

void render_json(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto advice = advice_to_render(rules);
    const int indent = static_cast<int>(state.range(0));
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        auto json = advise::to_json(advice[i++ % advice.size()], indent);
        bytes += json.size();
        benchmark::DoNotOptimize(json.data());
    }
    set_items(state);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
// 2: the CLI's --json; -1: one line, as --batch writes.
BENCHMARK(render_json)->Arg(2)->Arg(-1)->ArgName("indent");

void render_text(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto advice = advice_to_render(rules);
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(advise::to_text(advice[i++ % advice.size()]));
    set_items(state);
}
BENCHMARK(render_text);

}  // namespace

BENCHMARK_MAIN();
