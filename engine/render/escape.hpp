// The person's own words, safe to print on a terminal: characters that would make it act (an
// escape sequence, a bidirectional override) are shown as <U+XXXX> instead.
#pragma once

#include <string>
#include <string_view>

#include <algorithm>

#include "model/utf8.hpp"

namespace advise::detail {

inline std::string printable(std::string_view text) {
    if (find_terminal_control(text) == std::string_view::npos) return std::string(text);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = std::max<std::size_t>(1, utf8_sequence_length(text, i));
        const char32_t cp = utf8_code_point(text, i, length);
        if (is_terminal_control(cp)) {
            out += '<';
            out += code_point_name(cp);
            out += '>';
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

}  // namespace advise::detail
