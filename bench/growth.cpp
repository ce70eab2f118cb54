// How loading, evaluation, reading and memory grow with the size of a rule set.
//
//   advise_growth [--sizes 100,1000,10000,100000] [--runs 3] [--dir DIR]
//       writes a rule set of each size, measures each in fresh processes, prints a table
//   advise_growth generate TOPICS FILE    writes one rule set
//   advise_growth measure FILE            (the child) measures one rule set, prints one line
//
// A rule set of size N keeps every section of rules/default.yaml (roles, channels, message
// types, stakes, flags, escalation, stay, reader) and replaces its topics and warnings with N
// generated topics, each with a phrase of its own, and N warnings, one per topic:
// `topic == tK and stakes == safety`.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "advise/advise.hpp"
#include "child_process.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A made-up word for topic k, six letters or more, so that the reader's typo index grows too.
std::string word_for(std::size_t k) {
    std::string w = "zq";
    for (int i = 0; i < 4 || k > 0; ++i, k /= 26) w += static_cast<char>('a' + k % 26);
    return w;
}

// The top-level sections of a YAML file, by key, as written (comments before a key go with it).
std::vector<std::pair<std::string, std::string>> sections(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::pair<std::string, std::string>> out;
    std::string line, pending;
    while (std::getline(in, line)) {
        const bool top_key = !line.empty() && line[0] != ' ' && line[0] != '#' && line.find(':') != std::string::npos;
        if (top_key) {
            out.emplace_back(line.substr(0, line.find(':')), pending);
            pending.clear();
        }
        if (out.empty() || (!top_key && line.rfind('#', 0) == 0)) {
            pending += line + '\n';  // a comment belongs to the next section
        } else {
            out.back().second += line + '\n';
        }
    }
    return out;
}

int generate(std::size_t topics, const std::string& path) {
    std::ofstream out(path);
    if (!out) {
        std::cerr << "cannot write " << path << "\n";
        return 2;
    }
    const char* roles[] = {"general_ed_teacher", "special_ed_teacher", "related_service_provider", "school_psychologist",
                           "general_ed_teacher", "special_ed_teacher", "principal", "director_special_ed"};
    for (const auto& [key, text] : sections(ADVISE_DEFAULT_RULES)) {
        if (key == "topics") {
            // One terse line per topic and per warning: rule files are capped at 16 MiB, and
            // 100,000 topics fit only at about 165 bytes for a topic and its warning.
            out << "topics:\n";
            for (std::size_t k = 0; k < topics; ++k)
                out << "- {id: t" << k << ",label: t" << k << ",role: " << roles[k % 8] << ",why: g,source: g,phrases: ["
                    << word_for(k) << "]}\n";
        } else if (key == "warnings") {
            out << "warnings:\n";
            for (std::size_t k = 0; k < topics; ++k)
                out << "- {id: w" << k << ",when: topic == t" << k << " and stakes == safety,text: g,source: g}\n";
        } else if (key == "defaults") {
            out << "defaults: {topic: t0, message_type: concern, stakes: normal}\n";
        } else if (key == "name") {
            out << "name: growth-" << topics << "\n";
        } else {
            out << text;
        }
    }
    return out ? 0 : 2;
}

// Median of five timed batches of `work`, in nanoseconds per call.
template <typename Work>
double ns_per_call(Work&& work, std::size_t calls) {
    std::vector<double> batches;
    for (int b = 0; b < 5; ++b) {
        const auto start = Clock::now();
        for (std::size_t i = 0; i < calls; ++i) work(i);
        batches.push_back(seconds_since(start) * 1e9 / static_cast<double>(calls));
    }
    std::sort(batches.begin(), batches.end());
    return batches[2];
}

// The child: one rule set in a fresh process. Prints: rules, load seconds, evaluate ns,
// read+evaluate ns, peak RSS KiB before loading, peak RSS KiB at the end.
int measure(const std::string& path) {
    const long rss_before = bench::peak_rss_kib();
    const auto start = Clock::now();
    std::optional<advise::RuleSet> loaded;
    try {
        loaded = advise::RuleSet::from_file(path);
    } catch (const advise::LoadError& e) {
        std::printf("refused %s\n", e.diagnostics().empty() ? e.what() : e.diagnostics().front().message.c_str());
        return 3;
    }
    const double load = seconds_since(start);
    const auto& rules = *loaded;

    const auto& c = rules.catalog();
    std::mt19937 random(7);
    auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    constexpr std::size_t mix = 4096;
    std::vector<advise::Situation> situations(mix);
    for (auto& s : situations) {
        s.topic = c.topics[below(c.topics.size())].id;
        s.message_type = c.message_types[below(c.message_types.size())].id;
        s.stakes = c.stakes[below(c.stakes.size())].id;
        if (below(3) == 0) s.raised_with.push_back(c.roles[below(c.roles.size())].id);
    }
    // Messages naming a topic by its phrase; with the default rules, the scenario-like sentence
    // still names a default topic.
    std::vector<std::string> texts;
    const bool generated = c.topics.front().id == "t0";
    for (std::size_t i = 0; i < 256; ++i)
        texts.push_back(generated ? "quick question about the " + word_for(below(c.topics.size())) + ", I emailed his teacher twice"
                                  : "quick question about his speech sessions, I emailed his teacher twice");

    advise::Advice advice;
    const double evaluate = ns_per_call([&](std::size_t i) { rules.evaluate(situations[i % mix], advice); },
                                        std::max<std::size_t>(200, 4'000'000 / (c.topics.size() + 50)));
    std::size_t sure = 0;
    const double read = ns_per_call(
        [&](std::size_t i) {
            const auto reading = rules.read(texts[i % texts.size()]);
            if (reading.sure) {
                ++sure;
                advice = rules.evaluate(reading);
            }
        },
        std::max<std::size_t>(100, 400'000 / (c.topics.size() + 50)));
    if (sure == 0) {
        std::cerr << "no message was read with certainty\n";
        return 1;
    }
    std::printf("%zu %.6f %.1f %.1f %ld %ld\n", rules.rule_count(), load, evaluate, read, rss_before, bench::peak_rss_kib());
    return 0;
}

struct Row {
    std::string name;
    std::string refused;  // why the engine would not load it, if it did not
    std::size_t topics = 0, rules = 0;
    double file_mib = 0, load_s = 0, evaluate_ns = 0, read_ns = 0, rss_before_mib = 0, rss_mib = 0;
};

Row measure_in_children(const std::string& name, std::size_t topics, const std::string& path, int runs) {
    std::vector<Row> samples;
    for (int r = 0; r < runs; ++r) {
        const auto child = bench::run_self({"measure", path});
        Row row{name, {}, topics};
        row.file_mib = static_cast<double>(std::filesystem::file_size(path)) / (1024 * 1024);
        if (child.status == 3 && child.out.rfind("refused ", 0) == 0) {
            row.refused = child.out.substr(8, child.out.find_last_not_of('\n') - 7);
            return row;
        }
        long before = 0, peak = 0;
        std::istringstream in(child.out);
        if (child.status != 0 || !(in >> row.rules >> row.load_s >> row.evaluate_ns >> row.read_ns >> before >> peak))
            throw std::runtime_error("measuring " + path + " failed (status " + std::to_string(child.status) + ")");
        row.rss_before_mib = static_cast<double>(before) / 1024;
        row.rss_mib = static_cast<double>(peak) / 1024;
        samples.push_back(row);
    }
    auto median_of = [&](double Row::*field) {
        std::vector<double> v;
        for (const auto& s : samples) v.push_back(s.*field);
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    Row out = samples.front();
    for (auto field : {&Row::load_s, &Row::evaluate_ns, &Row::read_ns, &Row::rss_before_mib, &Row::rss_mib})
        out.*field = median_of(field);
    return out;
}

int table(const std::vector<std::size_t>& sizes, int runs, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::vector<Row> rows;
    rows.push_back(measure_in_children("default.yaml", 36, ADVISE_DEFAULT_RULES, runs));
    for (const auto n : sizes) {
        const auto path = (dir / ("growth-" + std::to_string(n) + ".yaml")).string();
        if (generate(n, path) != 0) return 2;
        rows.push_back(measure_in_children("growth-" + std::to_string(n), n, path, runs));
    }
    std::printf("Medians of %d fresh processes per rule set. evaluate: structured, reusing an Advice; read: read() + evaluate().\n", runs);
    std::printf("%-14s %8s %8s %9s %10s %12s %11s %12s %10s\n", "rule set", "topics", "rules", "file MiB", "load ms",
                "evaluate ns", "evals/s", "read+eval ns", "peak RSS");
    for (const auto& r : rows) {
        if (!r.refused.empty()) {
            std::printf("%-14s %8zu %8s %9.2f  not loaded: %s\n", r.name.c_str(), r.topics, "-", r.file_mib, r.refused.c_str());
            continue;
        }
        std::printf("%-14s %8zu %8zu %9.2f %10.1f %12.0f %11.0f %12.0f %6.1f MiB\n", r.name.c_str(), r.topics, r.rules, r.file_mib,
                    r.load_s * 1e3, r.evaluate_ns, 1e9 / r.evaluate_ns, r.read_ns, r.rss_mib);
    }
    std::printf("(peak RSS of the same process before loading: %.1f MiB)\n", rows.front().rss_before_mib);
    return 0;
}

std::vector<std::size_t> parse_sizes(const std::string& list) {
    std::vector<std::size_t> out;
    std::istringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) out.push_back(std::stoul(item));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "generate") return generate(std::stoul(args[1]), args[2]);
        if (args.size() == 2 && args[0] == "measure") return measure(args[1]);
        std::vector<std::size_t> sizes{100, 1'000, 10'000, 100'000};
        int runs = 3;
        std::filesystem::path dir = std::filesystem::temp_directory_path() / "advise-growth";
        for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
            if (args[i] == "--sizes") sizes = parse_sizes(args[i + 1]);
            else if (args[i] == "--runs") runs = std::max(1, std::stoi(args[i + 1]));
            else if (args[i] == "--dir") dir = args[i + 1];
            else throw std::invalid_argument("unknown option " + args[i]);
        }
        if (args.size() % 2 != 0) throw std::invalid_argument("options take a value");
        return table(sizes, runs, dir);
    } catch (const std::exception& e) {
        std::cerr << "advise_growth: " << e.what() << "\n"
                  << "usage: advise_growth [--sizes 100,1000,10000,100000] [--runs 3] [--dir DIR]\n"
                     "       advise_growth generate TOPICS FILE\n"
                     "       advise_growth measure FILE\n";
        return 2;
    }
}
