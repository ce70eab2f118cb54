// advise's side of the peer comparison (bench/peers/run.sh).
//
//   advise_peer_driver generate COUNT SEED FILE   seeded structured situations, one a line
//   advise_peer_driver run FILE OUT [PASSES]      evaluate them all; answers to OUT, timing to stdout
//
// A situations line is tab-separated: topic, message_type, stakes, compliance (0/1),
// raised_with (roles joined by ',', empty for none), resolved (0/1). An answer line is contact,
// channel, escalate (0/1). The peers read and write the same formats, so the answers can be
// compared line by line.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "advise/advise.hpp"

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!line.empty() && line.back() == separator) parts.emplace_back();
    return parts;
}

// Every id the rule set defines is drawn, with the stakes, compliance and history skewed so that
// each escalation criterion, their combinations and the "already raised" passes all occur often.
int generate(std::size_t count, std::uint32_t seed, const std::string& path) {
    const auto rules = advise::RuleSet::builtin();
    const auto& c = rules.catalog();
    std::mt19937 random(seed);
    auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    auto chance = [&](int percent) { return below(100) < static_cast<std::size_t>(percent); };

    std::ofstream out(path);
    if (!out) {
        std::cerr << "cannot write " << path << "\n";
        return 2;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const auto& topic = c.topics[below(c.topics.size())].id;
        const auto& type = c.message_types[below(c.message_types.size())].id;
        const auto& stakes = chance(50) ? std::string("normal") : c.stakes[below(c.stakes.size())].id;
        const bool compliance = chance(15);
        std::vector<std::string> raised;
        const auto how_many = chance(40) ? 0 : 1 + below(3);
        while (raised.size() < how_many) {
            const auto& role = c.roles[below(c.roles.size())].id;
            if (std::find(raised.begin(), raised.end(), role) == raised.end()) raised.push_back(role);
        }
        const bool resolved = chance(20);
        out << topic << '\t' << type << '\t' << stakes << '\t' << compliance << '\t';
        for (std::size_t r = 0; r < raised.size(); ++r) out << (r ? "," : "") << raised[r];
        out << '\t' << resolved << '\n';
    }
    return out ? 0 : 2;
}

int run(const std::string& path, const std::string& out_path, int passes) {
    const auto rules = advise::RuleSet::builtin();
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return 2;
    }
    std::vector<advise::Situation> situations;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto f = split(line, '\t');
        if (f.size() != 6) {
            std::cerr << path << ":" << situations.size() + 1 << ": expected 6 tab-separated fields\n";
            return 2;
        }
        advise::Situation s;
        s.topic = f[0];
        s.message_type = f[1];
        s.stakes = f[2];
        s.compliance = f[3] == "1";
        if (!f[4].empty()) s.raised_with = split(f[4], ',');
        s.resolved = f[5] == "1" ? advise::Resolved::yes : advise::Resolved::no;
        situations.push_back(std::move(s));
    }

    // Only the evaluation loop is timed; the answers are kept as views of the rule set's ids,
    // which stay valid while `rules` lives.
    const auto n = situations.size();
    std::vector<std::string_view> contact(n), channel(n);
    std::vector<char> escalate(n);
    advise::Advice advice;
    std::vector<double> seconds;
    for (int pass = 0; pass < passes; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < n; ++i) {
            rules.evaluate(situations[i], advice);
            contact[i] = advice.contact.id;
            channel[i] = advice.channel.id;
            escalate[i] = advice.escalate ? 1 : 0;
        }
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];

    std::ofstream out(out_path);
    for (std::size_t i = 0; i < n; ++i) out << contact[i] << '\t' << channel[i] << '\t' << int(escalate[i]) << '\n';
    if (!out) {
        std::cerr << "cannot write " << out_path << "\n";
        return 2;
    }
    // One line for run.sh: engine, situations, passes, median seconds of one pass.
    std::printf("advise\t%zu\t%d\t%.6f\n", n, passes, median);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 4 && args[0] == "generate")
            return generate(std::stoul(args[1]), static_cast<std::uint32_t>(std::stoul(args[2])), args[3]);
        if ((args.size() == 3 || args.size() == 4) && args[0] == "run")
            return run(args[1], args[2], args.size() == 4 ? std::max(1, std::stoi(args[3])) : 5);
    } catch (const std::exception& e) {
        std::cerr << "advise_peer_driver: " << e.what() << "\n";
        return 2;
    }
    std::cerr << "usage: advise_peer_driver generate COUNT SEED FILE\n"
                 "       advise_peer_driver run FILE OUT [PASSES]\n";
    return 2;
}
