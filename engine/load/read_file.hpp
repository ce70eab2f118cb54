// A rule file's bytes, or a LoadError naming the path (missing, a directory, unreadable).
#pragma once

#include <string>

namespace advise::detail {

std::string read_rule_file(const std::string& path);

}  // namespace advise::detail
