// The cold cost of RuleSet::builtin(): it builds the default rules from their snapshot once per
// process and then shares them, so each measurement needs a fresh process.
//
//   advise_bench_builtin [RUNS]   (default 21) runs itself RUNS times and prints the spread
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "advise/advise.hpp"
#include "child_process.hpp"

namespace {

using Clock = std::chrono::steady_clock;

long long ns_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

// One measurement: the first builtin() (snapshot to compiled graph), a second one (the shared
// copy), and the first evaluation (cold caches), then the peak RSS of the whole process.
int child() {
    const long rss_before = bench::peak_rss_kib();
    auto start = Clock::now();
    const auto rules = advise::RuleSet::builtin();
    const auto first = ns_since(start);
    start = Clock::now();
    const auto again = advise::RuleSet::builtin();
    const auto second = ns_since(start);
    advise::Situation s;
    s.topic = "speech_therapy";
    s.raised_with = {"related_service_provider"};
    start = Clock::now();
    const auto advice = rules.evaluate(s);
    const auto evaluate = ns_since(start);
    if (advice.contact.id != "principal" || again.rule_count() != rules.rule_count()) return 1;
    std::printf("%lld %lld %lld %ld %ld\n", first, second, evaluate, rss_before, bench::peak_rss_kib());
    return 0;
}

template <typename T>
T median(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--child") return child();
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    std::vector<long long> first, second, evaluate;
    std::vector<long> rss_before, rss_after;
    std::vector<double> process;
    for (int i = 0; i < runs; ++i) {
        const auto r = bench::run_self({"--child"});
        long long a = 0, b = 0, c = 0;
        long d = 0, e = 0;
        std::istringstream in(r.out);
        if (r.status != 0 || !(in >> a >> b >> c >> d >> e)) {
            std::cerr << "advise_bench_builtin: child failed (status " << r.status << ")\n";
            return 1;
        }
        first.push_back(a);
        second.push_back(b);
        evaluate.push_back(c);
        rss_before.push_back(d);
        rss_after.push_back(e);
        process.push_back(r.seconds);
    }
    auto row = [&](const char* what, const std::vector<long long>& v) {
        std::printf("%-38s %10.1f %10.1f %10.1f\n", what, static_cast<double>(*std::min_element(v.begin(), v.end())) / 1e3,
                    static_cast<double>(median(v)) / 1e3, static_cast<double>(*std::max_element(v.begin(), v.end())) / 1e3);
    };
    std::printf("RuleSet::builtin() in %d fresh processes (microseconds)\n", runs);
    std::printf("%-38s %10s %10s %10s\n", "", "min", "median", "max");
    row("first builtin() (snapshot -> graph)", first);
    row("second builtin() (shared copy)", second);
    row("first evaluate() after it", evaluate);
    std::printf("%-38s %10.1f %10.1f %10.1f\n", "whole process, fork to exit", *std::min_element(process.begin(), process.end()) * 1e6,
                median(process) * 1e6, *std::max_element(process.begin(), process.end()) * 1e6);
    std::printf("peak RSS: %.1f MiB before builtin(), %.1f MiB after (medians)\n", static_cast<double>(median(rss_before)) / 1024,
                static_cast<double>(median(rss_after)) / 1024);
    return 0;
}
