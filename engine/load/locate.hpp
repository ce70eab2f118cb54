// Where, in the file, a character of a scalar value is: a condition that spans lines (plain,
// quoted, folded `>` or literal `|`) still gets its problems reported at the right line and column.
#pragma once

#include <string_view>

#include "model/rule_model.hpp"

namespace advise::detail {

// `value` is the scalar as read from the file; `start` gives the line and column of its first
// character and the offset of where it opens in `text` (a quote, `>`, `|`, or that character);
// `index` is a 0-based position in `value`. Falls back to `start` when the file text cannot be followed.
SourcePos locate(std::string_view text, SourcePos start, std::string_view value, std::size_t index);

}  // namespace advise::detail
