// How fast the engine loads its rules, evaluates situations and renders advice.
#include <benchmark/benchmark.h>

#include <random>

#include "advise/advise.hpp"

namespace {

// A fixed, seeded mix of structured situations over the built-in vocabulary.
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
        s.stakes = random() % 4 == 0 ? pick(c.stakes) : "normal";
        s.compliance = random() % 10 == 0;
        if (random() % 3 == 0) s.raised_with.push_back(pick(c.roles));
        s.resolved = random() % 4 == 0;
    }
    return out;
}

void load_default_rules(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(advise::RuleSet::from_file(ADVISE_DEFAULT_RULES));
    }
}
BENCHMARK(load_default_rules)->Unit(benchmark::kMicrosecond);

void evaluate_structured(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto situations = situation_mix(rules, 4096);
    advise::Advice advice;
    std::size_t i = 0;
    for (auto _ : state) {
        rules.evaluate(situations[i++ & 4095], advice);
        benchmark::DoNotOptimize(advice.contact.id.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(evaluate_structured);

void render_json(benchmark::State& state) {
    const auto rules = advise::RuleSet::builtin();
    const auto situations = situation_mix(rules, 256);
    std::vector<advise::Advice> advice;
    for (const auto& s : situations) advice.push_back(rules.evaluate(s));
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(advise::to_json(advice[i++ & 255]));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(render_json);

}  // namespace

BENCHMARK_MAIN();
