#include "render/template.hpp"

#include <algorithm>
#include <cctype>

namespace advise::detail {
namespace {

std::string lower_first(std::string_view name) {
    std::string out(name);
    if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

bool known(std::string_view name) {
    const auto& names = placeholder_names();
    return std::find(names.begin(), names.end(), lower_first(name)) != names.end();
}

}  // namespace

const std::vector<std::string_view>& placeholder_names() {
    // contact: whom to contact, by how the rule set calls the role (and their name, when known);
    // closest: the person closest to the issue; next: the next person up; raised: the highest
    // person it was raised with; topic: what it is about; why: the topic's reason; channel:
    // the channel's words; alt_topic, alt_contact: a close second reading.
    static const std::vector<std::string_view> names{"contact", "closest", "next",  "raised",   "topic",
                                                     "why",     "channel", "alt_topic", "alt_contact"};
    return names;
}

std::optional<std::string> unknown_placeholder(std::string_view text) {
    for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
        const auto end = text.find('}', at);
        if (end == std::string_view::npos) return std::string(text.substr(at));
        const auto name = text.substr(at + 1, end - at - 1);
        if (!known(name)) return std::string(text.substr(at, end - at + 1));
    }
    return std::nullopt;
}

std::string fill(std::string_view text, const std::function<std::string(std::string_view)>& value) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', from)) {
        const auto end = text.find('}', at);
        if (end == std::string_view::npos) break;
        out.append(text.substr(from, at - from));
        const auto name = text.substr(at + 1, end - at - 1);
        std::string v = value(lower_first(name));
        if (!v.empty() && std::isupper(static_cast<unsigned char>(name.front())))
            v[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(v[0])));
        out += v;
        from = end + 1;
    }
    out.append(text.substr(from));
    return out;
}

}  // namespace advise::detail
