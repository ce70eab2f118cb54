// Free text made safe and plain: checked (size, UTF-8, no control bytes), then folded to
// lower-case ASCII where it matters (curly quotes, dashes), keeping where each byte came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "advise/reading.hpp"

namespace advise::detail::text {

using advise::max_text_bytes;

struct Folded {
    std::string text;                    // lower case; ’ -> ', “ ” -> ", – — -> -
    std::vector<std::uint32_t> origin;   // origin[i]: offset in the input of text[i]; one extra at the end
};

// Throws InputError with a plain message for empty, oversized, binary or invalid UTF-8 input.
Folded fold(std::string_view input);

}  // namespace advise::detail::text
