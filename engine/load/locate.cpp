#include "load/locate.hpp"

namespace advise::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

SourcePos locate(std::string_view text, SourcePos start, std::string_view value, std::size_t index) {
    std::size_t at = start.offset;
    if (start.line == 0 || at >= text.size()) return start;
    SourcePos pos{start.line, start.column, at};
    const auto advance = [&] {
        if (text[at] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
        pos.offset = ++at;
    };
    // Step over what opens the value: a quote, or a block indicator line.
    if (text[at] == '"' || text[at] == '\'') {
        pos.offset = ++at;  // the column already stands past the quote
    } else if (text[at] == '>' || text[at] == '|') {
        while (at < text.size() && text[at] != '\n') advance();
        if (at < text.size()) advance();
        while (at < text.size() && is_blank(text[at])) advance();
    }
    // Follow the value through the text: a line break (and the next line's indentation) in the
    // file stands for the single space or newline it was folded into.
    for (std::size_t i = 0; i < index && i < value.size(); ++i) {
        if (at >= text.size()) return start;
        if (text[at] == value[i]) {
            advance();
            continue;
        }
        if ((value[i] == ' ' || value[i] == '\n') && (text[at] == '\n' || text[at] == '\r' || is_blank(text[at]))) {
            while (at < text.size() && (text[at] == '\n' || text[at] == '\r' || is_blank(text[at]))) advance();
            continue;
        }
        return start;  // escapes and the like: keep the value's own position
    }
    // Land on the character itself, not on blanks before it.
    while (at < text.size() && index < value.size() && value[index] != ' ' && (text[at] == '\n' || is_blank(text[at])))
        advance();
    return pos;
}

}  // namespace advise::detail
