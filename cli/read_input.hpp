// Standard input, read with a bound: a person's text is at most advise::max_text_bytes, and
// nothing larger than that is ever held in memory, however much arrives (`advise < /dev/zero`).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace advise::cli {

// The whole of `in` as one text; throws InputError, having read at most the limit + 1 bytes,
// when there is more.
std::string read_text(std::istream& in);

enum class Line { read, too_long, end };
// The next line of `in` without its line break (and a "\r" before it). A line over the limit
// is read to its end but not kept: Line::too_long, and the next call reads the next line.
Line read_line(std::istream& in, std::string& line);

}  // namespace advise::cli
