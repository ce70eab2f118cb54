#include "read_input.hpp"

#include <istream>

#include "advise/advise.hpp"

namespace advise::cli {

std::string read_text(std::istream& in) {
    std::string text(max_text_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_text_bytes)
        throw InputError("the text is too long (more than " + std::to_string(max_text_bytes) +
                         " bytes): describe the situation in a few sentences");
    return text;
}

Line read_line(std::istream& in, std::string& line) {
    line.clear();
    std::streambuf& buffer = *in.rdbuf();
    bool any = false, too_long = false;
    for (int c = buffer.sbumpc(); c != std::char_traits<char>::eof(); c = buffer.sbumpc()) {
        any = true;
        if (c == '\n') break;
        if (line.size() < max_text_bytes + 1)
            line.push_back(static_cast<char>(c));
        else
            too_long = true;
    }
    if (!any) return Line::end;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return too_long || line.size() > max_text_bytes ? Line::too_long : Line::read;
}

}  // namespace advise::cli
