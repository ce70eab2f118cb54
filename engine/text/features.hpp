// What a text says, as hashed features for the learned reader: stemmed words and word pairs,
// letter groups inside words (so that typos still share most of them), and the rule set's
// phrases that matched. Each feature remembers the words it came from, to explain a choice.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "model/bytes.hpp"

namespace advise::detail::text {

struct FeatureHit {
    std::uint64_t hash = 0;
    std::uint32_t begin = 0, end = 0;  // the tokens it came from
    bool phrase = false;               // a phrase of the rule set that matched, not the words themselves
};

// A stable 64-bit hash of `kind` and `text` (FNV-1a, then mixed): the same on every machine, so
// that a model trained at build time reads the same features at run time.
std::uint64_t feature_hash(char kind, std::string_view text);
std::uint64_t feature_hash(char kind, std::uint64_t a, std::uint64_t b);

// The features a model was trained on: hash -> dense index, by open addressing. A snapshot keeps
// the table itself, so that a cold start builds nothing.
class FeatureIndex {
public:
    static constexpr std::uint32_t none = UINT32_MAX;

    void assign(const std::vector<std::uint64_t>& hashes);  // index i is hashes[i]
    std::uint32_t find(std::uint64_t hash) const {
        if (slots_.empty()) return none;
        const Slot* slots = slots_.data();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const auto& slot = slots[at];
            if (slot.index == none) return none;
            if (slot.hash == hash) return slot.index;
        }
    }
    std::size_t size() const { return count_; }

    void save(ByteWriter& w) const {
        w(count_);
        w(slots_);
    }
    void restore(ByteReader& r) {
        r(count_);
        r(slots_);
        const auto n = slots_.size();
        if (n == 0 ? count_ != 0 : (n & (n - 1)) != 0 || count_ >= n) throw std::runtime_error("rule snapshot with a broken feature index");
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t index = none;
        std::uint32_t unused = 0;  // no padding of unknown value in a snapshot
    };
    std::size_t count_ = 0;
    Block<Slot> slots_;  // a power of two, at most half full
};

}  // namespace advise::detail::text
