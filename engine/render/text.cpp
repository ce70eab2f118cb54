// Advice as text for a person at a terminal.
#include <fmt/format.h>

#include <ostream>

#include "advise/render.hpp"
#include "render/escape.hpp"
#include "render/short_answer.hpp"
#include "render/wrap.hpp"

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

using detail::wrap;

// "topic          accommodation not followed  <- "extended time""
void understood_lines(std::string& out, const std::vector<Evidence>& from, const std::vector<std::string>& ignored,
                      const std::vector<std::string>& corrected, const Understood* facts, const Palette& p,
                      std::size_t width) {
    auto line = [&](std::string_view name, std::string_view value, const Evidence* e) {
        // Words the person wrote are quoted; "(given)" and "(default...)" notes are not.
        std::string source = !e ? "(default)" : e->words.empty() || e->words.front() == '(' ? e->words
                                                                                            : fmt::format("<- \"{}\"", detail::printable(e->words));
        if (e && e->learned) source += " (learned)";
        out += wrap(fmt::format("{}  {}{}{}", value, p.dim, source, p.reset), width, fmt::format("  {:<14} ", name), std::string(17, ' '));
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
    for (const auto& words : ignored)
        out += wrap(fmt::format("\"{}\"", detail::printable(words)), width, fmt::format("  {:<14} ", "ignored"), std::string(17, ' '));
    for (const auto& fix : corrected) out += wrap(detail::printable(fix), width, fmt::format("  {:<14} ", "read as"), std::string(17, ' '));
}

}  // namespace

// The short answer, then with `why` what was understood, the answer's parts, and the reasons
// rule by rule with their guide sections.
std::string to_text(const Advice& a, TextStyle style) {
    const Palette p = palette(style);
    const std::size_t width = style.width < 20 ? 20 : style.width;
    std::string out;
    const auto summary = detail::short_answer(a);
    for (std::size_t i = 0; i < summary.size(); ++i)
        out += i == 0 ? p.bold + wrap(summary[i] + p.reset, width, "", "") : wrap(summary[i], width, "", "");
    if (!style.why && !summary.empty()) return out;
    if (!out.empty()) out += '\n';

    const auto& u = a.understood;
    if (!u.from.empty() || !u.ignored.empty() || !u.corrected.empty()) {
        out += fmt::format("{}Understood{}\n", p.bold, p.reset);
        understood_lines(out, u.from, u.ignored, u.corrected, &u, p, width);
        out += '\n';
    }
    const std::string hanging(11, ' ');
    auto line = [&](std::string_view label, std::string_view value) {
        out += wrap(value, width, fmt::format("{}{:<11}{}", p.bold, label, p.reset), hanging);
    };
    line("Contact:", a.contact.name.empty() ? std::string(a.contact.title) : fmt::format("{}, {}", a.contact.title, a.contact.name));
    if (!a.contact.email.empty()) line("Email:", a.contact.email);
    if (!a.contact.phone.empty()) line("Phone:", a.contact.phone);
    if (a.closest.id != a.contact.id) line("Closest:", fmt::format("{}, the person closest to the issue", a.closest.title));
    line("Channel:", a.channel.label);
    out += wrap(fmt::format("{}{}{}", p.dim, a.channel.why, p.reset), width, hanging, hanging);
    if (!a.channel.then.empty()) line("Then:", a.channel.then);
    line("Escalate:", detail::escalate_words(a));
    if (!a.next_if_unresolved.empty()) {
        std::string chain;
        for (const auto& role : a.next_if_unresolved) chain += (chain.empty() ? "" : ", then ") + std::string(role.title);
        line("If not:", chain);
    }
    for (const auto& alt : a.alternatives)
        line("Or:", fmt::format("if this is mainly about {}, contact the {} instead", alt.topic_label, alt.contact.title));
    out += fmt::format("\n{}Why{}\n", p.bold, p.reset);
    for (std::size_t i = 0; i < a.reasons.size(); ++i) {
        const auto& r = a.reasons[i];
        out += wrap(r.text, width, fmt::format("  {}. ", i + 1), "     ");
        out += wrap(fmt::format("{}[{}; {}]{}", p.dim, r.rule, r.source, p.reset), width, "     ", "      ");
    }
    if (!a.warnings.empty()) {
        out += fmt::format("\n{}{}Watch out{}\n", p.bold, p.warn, p.reset);
        for (const auto& w : a.warnings) {
            out += wrap(w.text, width, "  ! ", "    ");
            out += wrap(fmt::format("{}[{}; {}]{}", p.dim, w.rule, w.source, p.reset), width, "     ", "      ");
        }
    }
    if (!a.notes.empty()) {
        out += fmt::format("\n{}Also{}\n", p.bold, p.reset);
        for (const auto& n : a.notes) {
            out += wrap(n.text, width, "  - ", "    ");
            out += wrap(fmt::format("{}[{}; {}]{}", p.dim, n.rule, n.source, p.reset), width, "     ", "      ");
        }
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
        understood_lines(out, r.evidence, r.ignored, r.corrected, nullptr, p, style.width < 20 ? 20 : style.width);
    }
    out += "\nSay more, or name the topic: advise --topic ID \"...\" (advise --list topics)\n";
    return out;
}

std::ostream& operator<<(std::ostream& out, const Advice& advice) { return out << to_text(advice); }

}  // namespace advise
