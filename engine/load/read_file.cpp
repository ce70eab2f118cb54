#include "load/read_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "advise/error.hpp"

namespace advise::detail {

std::string read_rule_file(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw LoadError({{path, 0, 0, "", "cannot open the rule file: it is a directory"}});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError({{path, 0, 0, "", "cannot open the rule file"}});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace advise::detail
