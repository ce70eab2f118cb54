// Errors advise reports: a rule set that cannot be loaded, or a situation that names unknown ids.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace advise {

// One problem in a rule file, at a 1-based line and column.
struct Diagnostic {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string key;      // the key at fault, as a path: "topics[3].role"; may be empty
    std::string message;

    // "file:line:column: key: message"
    std::string to_string() const;
};

// Thrown when a rule set cannot be loaded. It lists every problem found (up to a cap),
// each on its own line in what(). A rule set that throws this is never half-built.
class LoadError : public std::runtime_error {
public:
    explicit LoadError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Thrown when a situation names an id the rule set does not define.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace advise
