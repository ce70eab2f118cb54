#include "text/fold.hpp"

#include "advise/error.hpp"
#include "model/utf8.hpp"

namespace advise::detail::text {
namespace {

// ASCII stand-ins for the punctuation phones and word processors put in.
char ascii_for(std::string_view sequence) {
    if (sequence == "\u2018" || sequence == "\u2019" || sequence == "\u02BC") return '\'';
    if (sequence == "\u201C" || sequence == "\u201D") return '"';
    if (sequence == "\u2013" || sequence == "\u2014") return '-';
    if (sequence == "\u2026") return '.';
    if (sequence == "\u00A0") return ' ';
    // Accented Latin letters read as their base letter: "José", "naïve", "résumé".
    if (sequence.size() == 2 && static_cast<unsigned char>(sequence[0]) == 0xC3) {
        static constexpr std::string_view base = "aaaaaaaceeeeiiiidnooooo ouuuuyts"  // U+00C0-U+00DF
                                                 "aaaaaaaceeeeiiiidnooooo ouuuuyty"; // U+00E0-U+00FF
        return base[(static_cast<unsigned char>(sequence[1]) - 0x80) & 0x3F];
    }
    return ' ';  // other letters and symbols separate words
}

}  // namespace

Folded fold(std::string_view input) {
    if (input.size() > max_text_bytes)
        throw InputError("the text is too long (" + std::to_string(input.size()) + " bytes; at most " +
                         std::to_string(max_text_bytes) + "): describe the situation in a few sentences");
    Folded out;
    out.text.reserve(input.size());
    out.origin.reserve(input.size() + 1);
    bool has_letter = false, has_other_script = false;
    for (std::size_t i = 0; i < input.size();) {
        const auto c = static_cast<unsigned char>(input[i]);
        const std::size_t length = utf8_sequence_length(input, i);
        if (length == 0)
            throw InputError("the text is not valid UTF-8 (byte " + std::to_string(i + 1) + ")");
        if (c == 0)
            throw InputError("the text contains a NUL byte (byte " + std::to_string(i + 1) + "): is it a binary file?");
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
            throw InputError("the text contains a control character (" + code_point_name(c) + ", byte " +
                             std::to_string(i + 1) + "): remove it and try again");
        const char folded = length == 1 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)
                                        : ascii_for(input.substr(i, length));
        has_letter = has_letter || (folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9');
        has_other_script = has_other_script || length > 1;
        out.text.push_back(folded);
        out.origin.push_back(static_cast<std::uint32_t>(i));
        i += length;
    }
    out.origin.push_back(static_cast<std::uint32_t>(input.size()));
    if (!has_letter && has_other_script)
        throw InputError("the text has no words advise can read (it reads English): say what happened, e.g. \"OT question about handwriting\"");
    if (!has_letter) throw InputError("the text is empty: say what happened, e.g. \"OT question about handwriting\"");
    return out;
}

}  // namespace advise::detail::text
