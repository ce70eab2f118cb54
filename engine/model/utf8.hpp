// UTF-8 well-formedness, for every place that takes text from outside: rule files, conditions,
// a person's words.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace advise::detail {

// The length of the well-formed UTF-8 sequence at `at` (1 for ASCII), or 0 when the bytes there
// are not UTF-8 (a stray continuation byte, an overlong form, a surrogate, a cut-off sequence).
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(1) < low || byte(1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
    return length;
}

// The code point of the well-formed sequence of `length` bytes at `at`.
inline char32_t utf8_code_point(std::string_view text, std::size_t at, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[at + k])); };
    if (length == 1) return byte(0);
    char32_t cp = byte(0) & (0xFFu >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(k) & 0x3Fu);
    return cp;
}

// Characters that make a terminal do something instead of showing a letter: C0 controls other
// than tab, line feed and carriage return; DEL; the C1 controls (U+0080-U+009F, U+009B starts an
// escape sequence on some terminals); and the bidirectional overrides and isolates, which can
// make text read differently from what it says.
inline bool is_terminal_control(char32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// "U+001B", as people look such characters up.
inline std::string code_point_name(char32_t cp) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    return name;
}

// The first terminal control character in well-formed UTF-8 `text`, as its offset, or npos.
inline std::size_t find_terminal_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return std::string_view::npos;  // not UTF-8: checked elsewhere
        if (is_terminal_control(utf8_code_point(text, i, length))) return i;
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace advise::detail
