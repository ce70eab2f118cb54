// Advice as text for a person at a terminal.
#include <fmt/format.h>

#include "advise/render.hpp"
#include "render/escape.hpp"

namespace advise {
namespace {

struct Palette {
    const char* bold = "";
    const char* dim = "";
    const char* warn = "";
    const char* reset = "";
};

Palette palette(TextStyle style) {
    if (!style.color) return {};
    return {"\033[1m", "\033[2m", "\033[33m", "\033[0m"};
}

const Evidence* evidence_for(const std::vector<Evidence>& from, std::string_view fact) {
    for (const auto& e : from)
        if (e.fact == fact) return &e;
    return nullptr;
}

// "topic          accommodation not followed  <- "extended time""
void understood_lines(std::string& out, const std::vector<Evidence>& from, const std::vector<std::string>& ignored,
                      const std::vector<std::string>& corrected, const Understood* facts, const Palette& p) {
    auto line = [&](std::string_view name, std::string_view value, const Evidence* e) {
        // Words the person wrote are quoted; "(given)" and "(default...)" notes are not.
        std::string source = !e ? "(default)" : e->words.empty() || e->words.front() == '(' ? e->words
                                                                                            : fmt::format("<- \"{}\"", detail::printable(e->words));
        if (e && e->learned) source += " (learned)";
        out += fmt::format("  {:<14} {}  {}{}{}\n", name, value, p.dim, source, p.reset);
    };
    auto shown = [](const Evidence& e) { return std::string_view(e.label.empty() ? e.value : e.label); };
    if (facts) {
        // The three facts every answer rests on, read or defaulted; then whatever else was read.
        for (auto [fact, name, value] : {std::tuple{"topic", "topic", facts->topic},
                                         std::tuple{"message_type", "message type", facts->message_type},
                                         std::tuple{"stakes", "stakes", facts->stakes}}) {
            const Evidence* e = evidence_for(from, fact);
            line(name, e ? shown(*e) : value, e);
        }
    }
    for (const auto& e : from) {
        if (facts && (e.fact == "topic" || e.fact == "message_type" || e.fact == "stakes")) continue;
        std::string name = e.fact == "raised_with" ? "raised with" : e.fact == "message_type" ? "message type" : e.fact;
        line(name, shown(e), &e);
    }
    for (const auto& words : ignored) out += fmt::format("  {:<14} \"{}\"\n", "ignored", detail::printable(words));
    for (const auto& fix : corrected) out += fmt::format("  {:<14} {}\n", "read as", detail::printable(fix));
}

}  // namespace

std::string to_text(const Advice& a, TextStyle style) {
    const Palette p = palette(style);
    std::string out;
    const auto& u = a.understood;
    if (!u.from.empty() || !u.ignored.empty() || !u.corrected.empty()) {
        out += fmt::format("{}Understood{}\n", p.bold, p.reset);
        understood_lines(out, u.from, u.ignored, u.corrected, &u, p);
        out += '\n';
    }
    auto line = [&](std::string_view label, std::string_view value) {
        out += fmt::format("{}{:<11}{}{}\n", p.bold, label, p.reset, value);
    };
    line("Contact:", fmt::format("{} ({})", a.contact.title, a.contact.id));
    if (a.closest.id != a.contact.id)
        line("Closest:", fmt::format("{} ({}), the person closest to the issue", a.closest.title, a.closest.id));
    line("Channel:", fmt::format("{} ({})", a.channel.label, a.channel.id));
    out += fmt::format("{:<11}{}{}{}\n", "", p.dim, a.channel.why, p.reset);
    if (!a.channel.then.empty()) line("Then:", a.channel.then);
    line("Escalate:", a.escalate ? "yes" : "no");
    if (!a.next_if_unresolved.empty()) {
        std::string chain;
        for (const auto role : a.next_if_unresolved) {
            if (!chain.empty()) chain += " -> ";
            chain += role;
        }
        line("If not:", chain);
    }
    for (const auto& alt : a.alternatives)
        line("Or:", fmt::format("if this is mainly about {}, contact the {} instead", alt.topic_label, alt.contact.title));
    out += fmt::format("\n{}Why{}\n", p.bold, p.reset);
    for (std::size_t i = 0; i < a.reasons.size(); ++i) {
        const auto& r = a.reasons[i];
        out += fmt::format("  {}. {}\n     {}[{}; {}]{}\n", i + 1, r.text, p.dim, r.rule, r.source, p.reset);
    }
    if (!a.warnings.empty()) {
        out += fmt::format("\n{}{}Watch out{}\n", p.bold, p.warn, p.reset);
        for (const auto& w : a.warnings)
            out += fmt::format("  ! {}\n     {}[{}; {}]{}\n", w.text, p.dim, w.rule, w.source, p.reset);
    }
    if (!a.notes.empty()) {
        out += fmt::format("\n{}Also{}\n", p.bold, p.reset);
        for (const auto& n : a.notes)
            out += fmt::format("  - {}\n     {}[{}; {}]{}\n", n.text, p.dim, n.rule, n.source, p.reset);
    }
    return out;
}

std::string to_text(const Reading& r, TextStyle style) {
    const Palette p = palette(style);
    std::string out = fmt::format("{}Not sure what this is about.{}\n", p.bold, p.reset);
    if (!r.candidates.empty()) {
        std::string list;
        for (const auto& c : r.candidates) list += (list.empty() ? "" : ", ") + c;
        out += fmt::format("  {:<14} {}\n", "candidates", list);
    }
    out += fmt::format("  {:<14} {}\n", "question", r.question);
    if (!r.evidence.empty() || !r.ignored.empty() || !r.corrected.empty()) {
        out += fmt::format("\n{}Understood so far{}\n", p.bold, p.reset);
        understood_lines(out, r.evidence, r.ignored, r.corrected, nullptr, p);
    }
    out += "\nSay more, or name the topic: advise --topic ID \"...\" (advise --list topics)\n";
    return out;
}

}  // namespace advise
