// Text wrapped to a width, never inside a word.
#pragma once

#include <string>
#include <string_view>

namespace advise::detail {

// `text` (one paragraph) broken at spaces into lines of at most `width` columns, the first
// starting with `first`, the rest with `rest` (a hanging indent), each ending in '\n'. Spaces
// between words are kept, except where a line breaks. A word
// longer than a line stands alone on its line. Columns are counted in characters, not bytes,
// and ANSI colour sequences take none.
std::string wrap(std::string_view text, std::size_t width, std::string_view first, std::string_view rest);

// Columns `text` takes on a terminal (UTF-8 characters, colour sequences skipped).
std::size_t columns(std::string_view text);

}  // namespace advise::detail
