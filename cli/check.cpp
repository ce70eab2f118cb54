// advise check [FILE]: is a rule set sound? Exit 0 clean, 1 findings, 2 cannot load.
#include <nlohmann/json.hpp>

#include <iostream>

#include "commands.hpp"

namespace advise::cli {

int check(const std::string& file, bool json) {
    const CheckReport report = file.empty() ? CheckReport{true, true, advise::check(RuleSet::builtin())} : check_file(file);
    if (json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& f : report.findings)
            list.push_back({{"kind", f.kind},
                            {"file", f.where.file},
                            {"line", f.where.line},
                            {"column", f.where.column},
                            {"key", f.where.key},
                            {"message", f.where.message},
                            {"rules", f.rules}});
        std::cout << nlohmann::ordered_json{{"file", file.empty() ? RuleSet::builtin().source_name() : file},
                                            {"loaded", report.loaded},
                                            {"findings", list}}
                         .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    } else {
        for (const auto& f : report.findings) std::cout << f.where.to_string() << " [" << f.kind << "]\n";
        if (report.findings.empty())
            std::cout << (file.empty() ? RuleSet::builtin().source_name() : file) << ": no findings\n";
    }
    if (!report.loaded) return exit_bad_input;
    return report.findings.empty() ? exit_advice : exit_unsure;
}

}  // namespace advise::cli
