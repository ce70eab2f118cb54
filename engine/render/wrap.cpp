#include "render/wrap.hpp"

#include <cctype>
#include <vector>

namespace advise::detail {

std::size_t columns(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b) {  // ESC [ ... letter: a colour, no column
            while (i + 1 < text.size() && !std::isalpha(static_cast<unsigned char>(text[i + 1]))) ++i;
            ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++n;  // count the first byte of each UTF-8 character
    }
    return n;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first, std::string_view rest) {
    // Each word with the spaces before it: a run of spaces inside a line is kept ("value  source"),
    // and dropped where the line breaks.
    std::vector<std::pair<std::size_t, std::string_view>> words;
    for (std::size_t at = 0; at < text.size();) {
        const auto start = text.find_first_not_of(' ', at);
        if (start == std::string_view::npos) break;
        const auto end = std::min(text.find(' ', start), text.size());
        words.emplace_back(start - at, text.substr(start, end - start));
        at = end;
    }
    std::string out(first);
    std::size_t used = columns(first);
    const std::size_t indent = columns(rest);
    bool line_empty = true;
    for (const auto& [gap, word] : words) {
        const auto w = columns(word);
        const std::size_t spaces = std::max<std::size_t>(gap, 1);
        if (!line_empty && used + spaces + w > width) {
            out += '\n';
            out += rest;
            used = indent;
            line_empty = true;
        }
        if (!line_empty) {
            out.append(spaces, ' ');
            used += spaces;
        }
        out += word;
        used += w;
        line_empty = false;
    }
    return out + '\n';
}

}  // namespace advise::detail
