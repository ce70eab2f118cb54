// Runs tests/scenarios.yaml through the advise CLI (--batch, JSON lines), prints the accuracy per
// field and every miss, and fails when any field is below the threshold.
//   scenario_runner ADVISE_BINARY SCENARIOS.yaml [MIN_ACCURACY_PERCENT]
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

struct Scenario {
    std::string id, text, contact, channel;
    bool escalate = false;
    bool trap = false;
};

std::vector<Scenario> load(const std::string& path) {
    std::vector<Scenario> out;
    for (const auto& node : YAML::LoadFile(path)["scenarios"]) {
        const auto expect = node["expect"];
        out.push_back({node["id"].as<std::string>(), node["text"].as<std::string>(), expect["contact"].as<std::string>(),
                       expect["channel"].as<std::string>(), expect["escalate"].as<bool>(),
                       node["trap"] && node["trap"].as<bool>()});
    }
    return out;
}

// Writes every text, one a line, to a file and reads the CLI's answers back, one a line.
std::vector<nlohmann::json> ask_all(const std::string& advise, const std::vector<Scenario>& scenarios) {
    char input_path[] = "/tmp/advise-scenarios-XXXXXX";
    const int fd = mkstemp(input_path);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    {
        std::ofstream input(input_path);
        for (const auto& s : scenarios) {
            std::string line = s.text;
            for (auto& c : line)
                if (c == '\n' || c == '\r') c = ' ';
            input << line << '\n';
        }
    }
    close(fd);
    const std::string command = "'" + advise + "' --batch < '" + input_path + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + advise);
    std::vector<nlohmann::json> answers;
    std::string line;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        line += buffer;
        if (!line.empty() && line.back() == '\n') {
            answers.push_back(nlohmann::json::parse(line));
            line.clear();
        }
    }
    const int status = pclose(pipe);
    std::remove(input_path);
    if (status != 0) throw std::runtime_error("advise --batch exited with status " + std::to_string(status));
    return answers;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: scenario_runner ADVISE SCENARIOS.yaml [MIN_PERCENT]\n";
        return 2;
    }
    const double minimum = argc > 3 ? std::stod(argv[3]) : 95.0;
    try {
        const auto scenarios = load(argv[2]);
        const auto answers = ask_all(argv[1], scenarios);
        if (answers.size() != scenarios.size()) {
            std::cerr << "expected " << scenarios.size() << " answers, got " << answers.size() << '\n';
            return 1;
        }
        std::map<std::string, int> right;
        int traps = 0, traps_right = 0, misses = 0;
        for (std::size_t i = 0; i < scenarios.size(); ++i) {
            const auto& s = scenarios[i];
            const auto& a = answers[i];
            const bool answered = a.contains("contact");
            const std::string contact = answered ? a["contact"]["role"].get<std::string>() : "(unsure)";
            const std::string channel = answered ? a["channel"]["id"].get<std::string>() : "(unsure)";
            const bool escalate = answered && a["escalate"].get<bool>();
            const bool ok_contact = contact == s.contact, ok_channel = channel == s.channel;
            const bool ok_escalate = answered && escalate == s.escalate;
            right["contact"] += ok_contact;
            right["channel"] += ok_channel;
            right["escalate"] += ok_escalate;
            if (s.trap) {
                ++traps;
                traps_right += ok_contact && ok_escalate;
            }
            if (ok_contact && ok_channel && ok_escalate) continue;
            ++misses;
            std::cout << "MISS " << s.id << ": got " << contact << " " << channel << " " << (escalate ? "escalate" : "stay")
                      << ", want " << s.contact << " " << s.channel << " " << (s.escalate ? "escalate" : "stay");
            if (answered) std::cout << " (understood topic " << a["understood"]["topic"].get<std::string>() << ")";
            else if (a.contains("error")) std::cout << " (error: " << a["error"].get<std::string>() << ")";
            std::cout << '\n';
        }
        bool pass = true;
        const auto total = static_cast<double>(scenarios.size());
        for (const auto& [field, count] : right) {
            const double percent = 100.0 * count / total;
            std::printf("%-9s %6.1f%%  (%d of %zu)\n", field.c_str(), percent, count, scenarios.size());
            pass = pass && percent >= minimum;
        }
        std::printf("traps     %d of %d kept at the lowest level\n", traps_right, traps);
        std::printf("%zu passed, %d failed\n", scenarios.size() - static_cast<std::size_t>(misses), misses);
        return pass ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "scenario_runner: " << e.what() << '\n';
        return 2;
    }
}
