#include "train_handout.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "commands.hpp"

extern char** environ;

namespace advise::cli {
namespace fs = std::filesystem;

namespace {

std::string list_of(const std::vector<Term>& terms) {
    std::string out;
    for (std::size_t i = 0; i < terms.size(); ++i) out += fmt::format("{}{}) {}", i ? "; " : "", i + 1, terms[i].label);
    return out;
}

// The sheet gives nothing away: the id and the guide section would hint at the answer.
std::string heading(std::size_t i, const Case& ex) { return fmt::format("## {}. ({})\n\n", i + 1, ex.difficulty); }
std::string key_heading(std::size_t i, const Case& ex) {
    return fmt::format("## {}. {} (guide: {})\n\n", i + 1, ex.name, ex.section);
}

std::string sheet(const RuleSet& rules, const std::vector<const Case*>& exercises, std::uint32_t seed) {
    std::ostringstream md;
    md << fmt::format("# Who to contact, and how: {} situations\n\n", exercises.size());
    md << "For each situation, as a parent told it, write down who the parent should contact first, by "
          "which channel, and whether that is an escalation (going above the person closest to the issue).\n\n";
    md << "**People:** " << list_of(rules.catalog().roles) << ".\n\n";
    md << "**Channels:** " << list_of(rules.catalog().channels) << ".\n\n";
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        const Case& ex = *exercises[i];
        md << heading(i, ex) << "> " << ex.text << "\n\n";
        md << "Who: ______________________  Channel: ______________________  Escalation: yes / no\n\n";
        if (ex.reframe)
            md << "Reframe \"" << ex.reframe->from << "\" as a question that opens an investigation:\n\n"
               << "______________________________________________________________________\n\n";
    }
    md << fmt::format("*advise train --handout {} --seed {}*\n", exercises.size(), seed);
    return md.str();
}

std::string key(const RuleSet& rules, const Bank& bank, const std::vector<const Case*>& exercises, std::uint32_t seed) {
    std::ostringstream md;
    md << fmt::format("# Answer key: {} situations (seed {})\n\n", exercises.size(), seed);
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        const Case& ex = *exercises[i];
        const Advice a = rules.evaluate(situation_of(ex.means));
        md << key_heading(i, ex);
        md << fmt::format("**Who:** {}. **Channel:** {}. **Escalation:** {}.\n\n", a.contact.title, a.channel.label,
                          a.escalate ? fmt::format("yes, above the {}", a.closest.title) : std::string("no"));
        if (ex.trap) md << "*A trap: escalating here is one of the guide's common mistakes.*\n\n";
        md << "Why:\n\n";
        for (const auto& r : a.reasons) md << "- " << r.text << " (" << r.source << ")\n";
        if (!a.warnings.empty()) md << "\nThe guide warns:\n\n";
        for (const auto& w : a.warnings) md << "- " << w.text << " (" << w.source << ")\n";
        if (ex.reframe) {
            std::string words, blame;
            for (const auto& w : ex.reframe->observation) words += (words.empty() ? "" : ", ") + w;
            for (const auto& w : bank.reframing.blame_words) blame += (blame.empty() ? "" : ", ") + w;
            md << "\n**Reframing.** The guide's way: " << ex.reframe->example << "\n\n"
               << "Checks: it asks a question (a question mark); it names the observation (one of: " << words
               << "); it has no blame words (" << blame << ").\n";
        }
        md << '\n';
    }
    return md.str();
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream f(path);
    f << text;
    f.close();
    if (!f) throw InputError("cannot write '" + path.string() + "'");
}

// pandoc, when it is on the PATH (Debian's `pandoc`).
bool has_pandoc() {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && access((fs::path(dir) / "pandoc").c_str(), X_OK) == 0) return true;
    return false;
}

// Runs pandoc without a shell; true when it made the PDF.
bool to_pdf(const fs::path& md, const fs::path& pdf) {
    std::string a0 = "pandoc", a1 = md.string(), a2 = "-o", a3 = pdf.string();
    char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "pandoc", nullptr, nullptr, argv, environ) != 0) return false;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int handout(const RuleSet& rules, const Bank& bank, const std::vector<const Case*>& exercises, std::uint32_t seed,
            const std::string& folder, std::ostream& out) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (!fs::is_directory(folder, ec)) throw InputError("cannot write handouts into '" + folder + "'");
    const auto sheet_path = fs::path(folder) / fmt::format("handout-{}.md", seed);
    const auto key_path = fs::path(folder) / fmt::format("answer-key-{}.md", seed);
    write(sheet_path, sheet(rules, exercises, seed));
    write(key_path, key(rules, bank, exercises, seed));
    out << fmt::format("Wrote {} ({} exercises) and {}.\n", sheet_path.string(), exercises.size(), key_path.string());
    if (!has_pandoc()) {
        out << "No PDF: pandoc is not installed (Debian: apt-get install pandoc).\n";
        return exit_advice;
    }
    for (const auto& md : {sheet_path, key_path}) {
        auto pdf = md;
        pdf.replace_extension(".pdf");
        out << (to_pdf(md, pdf) ? fmt::format("Wrote {}.\n", pdf.string())
                                : fmt::format("No PDF for {}: pandoc failed (it needs a LaTeX engine for PDF).\n", md.string()));
    }
    return exit_advice;
}

}  // namespace advise::cli
