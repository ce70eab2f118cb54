// Ids of one kind (roles, topics...) in file order, with a fast lookup by name.
//
// Looking up the ids of a situation is a large part of evaluating it, so the table is open
// addressing over a power-of-two array with a hash that reads eight bytes at a time; the
// standard unordered_map spent more on hashing and dividing than the whole walk of the graph.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace advise::detail {

class IdTable {
public:
    static constexpr std::int32_t none = -1;

    // Returns false when the id is already there.
    bool add(const std::string& id) {
        if (find(id) != none) return false;
        ids_.push_back(id);
        hashes_.push_back(hash(id));
        if (ids_.size() * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        else place(static_cast<std::int32_t>(ids_.size() - 1));
        return true;
    }
    std::int32_t find(std::string_view id) const {
        if (slots_.empty()) return none;
        const std::uint64_t h = hash(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::int32_t at = slots_[i];
            if (at == none) return none;
            const auto index = static_cast<std::size_t>(at);
            if (hashes_[index] == h && same(ids_[index], id)) return at;
        }
    }
    const std::string& operator[](std::int32_t i) const { return ids_[static_cast<std::size_t>(i)]; }
    std::size_t size() const { return ids_.size(); }
    const std::vector<std::string>& ids() const { return ids_; }
    std::vector<std::string_view> views() const { return {ids_.begin(), ids_.end()}; }

private:
    // Eight bytes at a time, each mixed by a multiply, and the top bits folded down at the end
    // (the table uses the low ones); the length is mixed in first.
    static std::uint64_t hash(std::string_view s) {
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
        std::uint64_t h = s.size() * k;
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            h = (h ^ word(s, i)) * k;
        }
        std::uint64_t tail = 0;
        if (s.size() >= 8) {
            tail = word(s, s.size() - 8);  // the last eight, overlapping: one load
        } else {
            for (std::size_t j = 0; j < s.size(); ++j) tail |= std::uint64_t{static_cast<unsigned char>(s[j])} << (8 * j);
        }
        h = (h ^ tail) * k;
        return h ^ (h >> 32);
    }

    // std::string's == calls memcmp; ids are short, and eight bytes at a time inline is faster.
    static bool same(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        const std::size_t n = a.size();
        if (n < 8) return a == b;
        for (std::size_t i = 0; i + 8 <= n; i += 8)
            if (word(a, i) != word(b, i)) return false;
        return word(a, n - 8) == word(b, n - 8);
    }
    static std::uint64_t word(std::string_view s, std::size_t at) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + at, 8);
        return w;
    }

    void place(std::int32_t index) {
        std::size_t i = hashes_[static_cast<std::size_t>(index)] & mask_;
        while (slots_[i] != none) i = (i + 1) & mask_;
        slots_[i] = index;
    }

    void rehash(std::size_t size) {
        slots_.assign(size, none);
        mask_ = size - 1;
        for (std::size_t i = 0; i < ids_.size(); ++i) place(static_cast<std::int32_t>(i));
    }

    std::vector<std::string> ids_;
    std::vector<std::uint64_t> hashes_;  // of each id, in file order
    std::vector<std::int32_t> slots_;    // index of an id, or none; at most half full
    std::size_t mask_ = 0;
};

}  // namespace advise::detail
