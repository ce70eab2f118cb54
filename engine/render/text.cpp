// Advice as text for a person at a terminal.
#include <fmt/format.h>

#include "advise/render.hpp"

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

}  // namespace

std::string to_text(const Advice& a, TextStyle style) {
    const Palette p = palette(style);
    std::string out;
    auto line = [&](std::string_view label, const std::string& value) {
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
        for (const auto& role : a.next_if_unresolved) chain += (chain.empty() ? "" : " -> ") + role;
        line("If not:", chain);
    }
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
    return out;
}

}  // namespace advise
