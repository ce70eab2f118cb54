#include "load/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace advise {

std::string Diagnostic::to_string() const {
    const std::string where = line == 0 ? file : fmt::format("{}:{}:{}", file, line, column);
    return key.empty() ? fmt::format("{}: {}", where, message) : fmt::format("{}: {}: {}", where, key, message);
}

namespace {
std::string join_lines(const std::vector<Diagnostic>& list) {
    std::string out;
    for (const auto& d : list) {
        if (!out.empty()) out += '\n';
        out += d.to_string();
    }
    return out;
}
}  // namespace

LoadError::LoadError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_lines(diagnostics)), diagnostics_(std::move(diagnostics)) {}

namespace detail {

void Diagnostics::error(SourcePos pos, std::string key, std::string message) {
    if (full()) {
        ++dropped_;
        return;
    }
    list_.push_back({file_, pos.line, pos.column, std::move(key), std::move(message)});
}

void Diagnostics::take(const Diagnostics& other) {
    for (const auto& d : other.list_) {
        if (full()) {
            ++dropped_;
            continue;
        }
        list_.push_back(d);
    }
    dropped_ += other.dropped_;
}

void Diagnostics::throw_if_any() const {
    if (list_.empty()) return;
    auto list = list_;
    // Report in file order, the rule file first: a reader fixes them top to bottom.
    std::stable_sort(list.begin(), list.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file == file_ || (b.file != file_ && a.file < b.file);
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    const std::size_t hidden = dropped_ + (list.size() > cap ? list.size() - cap : 0);
    if (list.size() > cap) list.resize(cap);
    if (hidden != 0)
        list.push_back({file_, 0, 0, "",
                        "and " + std::to_string(hidden) + (hidden == 1 ? " more problem" : " more problems") + " not shown"});
    throw LoadError(std::move(list));
}

}  // namespace detail
}  // namespace advise
