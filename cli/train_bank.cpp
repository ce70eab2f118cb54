#include "train_bank.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

namespace advise::cli {
namespace fs = std::filesystem;

namespace {

bool present(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

// The bank installed with the program: share/advise/exercises, reached from bin/.
fs::path installed_bank() {
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return program.parent_path() / ADVISE_BANK_INSTALLED;
}

ReframingChecks reframing_of(const std::string& path) {
    ReframingChecks checks;
    try {
        const YAML::Node root = YAML::LoadFile(path);
        if (const auto r = root["reframing"]; r && r["blame_words"])
            checks.blame_words = r["blame_words"].as<std::vector<std::string>>();
    } catch (const YAML::Exception& e) {
        throw InputError(fmt::format("{}:{}:{}: reframing: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    return checks;
}

}  // namespace

std::string locate_bank(const std::string& option, const std::string& rules_file) {
    if (!option.empty()) {
        if (!present(option)) throw InputError("no exercise bank at '" + option + "'");
        return option;
    }
    std::vector<fs::path> tried;
    if (!rules_file.empty()) tried.push_back(fs::path(rules_file).parent_path() / "exercises");
    if (const auto installed = installed_bank(); !installed.empty()) tried.push_back(installed);
    tried.push_back(ADVISE_BANK_SOURCE);
    for (const auto& p : tried)
        if (present(p)) return p.lexically_normal().string();
    std::string looked;
    for (const auto& p : tried) looked += (looked.empty() ? "" : ", ") + p.lexically_normal().string();
    throw InputError("no exercise bank found (looked in " + looked + "); give one with --bank DIR");
}

Bank load_bank(const std::string& path) {
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".yaml") files.push_back(it->path().string());
        if (ec) throw InputError("cannot read the exercise folder '" + path + "': " + ec.message());
        std::sort(files.begin(), files.end());
        if (files.empty()) throw InputError("no exercise files (*.yaml) in '" + path + "'");
    } else {
        files.push_back(path);
    }
    Bank bank;
    std::map<std::string, std::string> first;  // id -> where it was first defined
    for (const auto& file : files) {
        for (auto& c : load_cases(file)) {
            const auto where = fmt::format("{}:{}", c.file, c.line);
            if (c.difficulty.empty()) throw InputError(where + ": not an exercise (a file of `exercises:` is expected)");
            if (const auto [it, added] = first.emplace(c.name, where); !added)
                throw InputError(fmt::format("{}: duplicate exercise id '{}' (first at {})", where, c.name, it->second));
            bank.exercises.push_back(std::move(c));
        }
        const auto checks = reframing_of(file);
        bank.reframing.blame_words.insert(bank.reframing.blame_words.end(), checks.blame_words.begin(),
                                          checks.blame_words.end());
    }
    return bank;
}

std::uint32_t fresh_seed() {
    std::random_device device;
    return device() % 100000;  // short enough to type again
}

std::vector<const Case*> choose(const Bank& bank, const std::string& difficulty, const std::string& topic,
                                std::size_t count, std::uint32_t seed) {
    std::vector<const Case*> chosen;
    for (const auto& c : bank.exercises)
        if ((difficulty.empty() || c.difficulty == difficulty) && (topic.empty() || c.means.topic == topic))
            chosen.push_back(&c);
    if (chosen.empty()) {
        std::string filter;
        if (!difficulty.empty()) filter += " --difficulty " + difficulty;
        if (!topic.empty()) filter += " --topic " + topic;
        throw InputError("no exercise matches" + filter);
    }
    Draw(seed).shuffle(chosen);
    if (chosen.size() > count) chosen.resize(count);
    return chosen;
}

}  // namespace advise::cli
