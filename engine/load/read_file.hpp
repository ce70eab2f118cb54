// A rule file's bytes, or a LoadError naming the path and saying why it cannot be read.
#pragma once

#include <cstddef>
#include <string>

namespace advise::detail {

inline constexpr std::size_t max_rule_file_bytes = 16 * 1024 * 1024;

// Reads a regular file (after following links) of at most max_rule_file_bytes. Anything else is
// refused before a byte is read: a missing file, a directory, a device such as /dev/zero, a pipe
// with no writer (which would wait for ever), a file larger than the limit. At most the limit + 1
// bytes are ever read, so a file that grows while it is read is refused too.
std::string read_rule_file(const std::string& path);

}  // namespace advise::detail
