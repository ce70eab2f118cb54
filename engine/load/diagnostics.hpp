// Collects every problem found while loading a rule set, so that one run reports them all.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "advise/error.hpp"
#include "model/rule_model.hpp"

namespace advise::detail {

class Diagnostics {
public:
    static constexpr std::size_t cap = 20;
    static constexpr std::size_t kept_bound = 10000;

    explicit Diagnostics(std::string file) : file_(std::move(file)) {}

    // Keeps every problem (up to a generous bound); throw_if_any() shows the first `cap` in file order.
    void error(SourcePos pos, std::string key, std::string message);
    void error(const Located& at, std::string message) { error(at.pos, at.key, std::move(message)); }

    bool empty() const { return list_.empty(); }
    bool full() const { return list_.size() >= kept_bound; }
    const std::string& file() const { return file_; }
    // Moves the problems another file's Diagnostics found into this one (they keep their file).
    void take(const Diagnostics& other);

    // Throws LoadError when anything was reported.
    void throw_if_any() const;

private:
    std::string file_;
    std::vector<Diagnostic> list_;
    std::size_t dropped_ = 0;
};

}  // namespace advise::detail
