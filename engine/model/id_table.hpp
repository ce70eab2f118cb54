// Ids of one kind (roles, topics...) in file order, with a fast lookup by name.
//
// Looking up the ids of a situation is a large part of evaluating it, so the table is open
// addressing over a power-of-two array with a hash of fixed cost; the standard unordered_map
// spent more on hashing and dividing than the whole walk of the graph.
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
        else if (!place(static_cast<std::int32_t>(ids_.size() - 1))) hash_every_byte();
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
    // Most tables hash an id by its length and at most 24 of its bytes (the first, middle and
    // last eight), in fixed work: no loop whose length the branch predictor has to guess.
    // Ids alike in all of those (a long run of ids differing only inside) make long probe
    // chains; the table then switches for good to hashing every byte.
    std::uint64_t hash(std::string_view s) const { return every_byte_ ? full_hash(s) : quick_hash(s); }

    static std::uint64_t quick_hash(std::string_view s) {
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
        const std::size_t n = s.size();
        std::uint64_t a, b;
        if (n >= 8) {
            a = word(s, 0);
            b = word(s, n - 8) ^ (n > 16 ? word(s, n / 2 - 4) * 0xC2B2AE3D27D4EB4FULL : 0);
        } else if (n >= 4) {
            a = half(s, 0);
            b = half(s, n - 4);
        } else {
            a = n == 0 ? 0 : static_cast<unsigned char>(s[0]) | static_cast<unsigned char>(s[n / 2]) << 8 |
                                 static_cast<std::uint64_t>(static_cast<unsigned char>(s[n - 1])) << 16;
            b = 0;
        }
        std::uint64_t h = (a ^ (n * k)) * k;
        h = (h ^ b) * 0xFF51AFD7ED558CCDULL;
        return h ^ (h >> 32);
    }

    static std::uint64_t full_hash(std::string_view s) {
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
        std::uint64_t h = s.size() * k;
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) h = (h ^ word(s, i)) * k;
        std::uint64_t tail = 0;
        for (; i < s.size(); ++i) tail = tail << 8 | static_cast<unsigned char>(s[i]);
        h = (h ^ tail) * k;
        return h ^ (h >> 32);
    }

    // std::string's == calls memcmp; ids are short, and comparing words inline is faster.
    static bool same(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        const std::size_t n = a.size();
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 <= n; i += 8)
                if (word(a, i) != word(b, i)) return false;
            return word(a, n - 8) == word(b, n - 8);
        }
        if (n >= 4) return half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4);
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    static std::uint64_t word(std::string_view s, std::size_t at) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + at, 8);
        return w;
    }
    static std::uint32_t half(std::string_view s, std::size_t at) {
        std::uint32_t w;
        std::memcpy(&w, s.data() + at, 4);
        return w;
    }

    // Returns false when the probe chain grew too long for the quick hash.
    bool place(std::int32_t index) {
        std::size_t i = hashes_[static_cast<std::size_t>(index)] & mask_, probes = 0;
        while (slots_[i] != none) {
            i = (i + 1) & mask_;
            ++probes;
        }
        slots_[i] = index;
        return every_byte_ || probes < 64;
    }

    void rehash(std::size_t size) {
        slots_.assign(size, none);
        mask_ = size - 1;
        for (std::size_t i = 0; i < ids_.size(); ++i)
            if (!place(static_cast<std::int32_t>(i))) return hash_every_byte();
    }

    void hash_every_byte() {
        every_byte_ = true;
        for (std::size_t i = 0; i < ids_.size(); ++i) hashes_[i] = full_hash(ids_[i]);
        rehash(slots_.size());
    }

    std::vector<std::string> ids_;
    std::vector<std::uint64_t> hashes_;  // of each id, in file order
    std::vector<std::int32_t> slots_;    // index of an id, or none; at most half full
    std::size_t mask_ = 0;
    bool every_byte_ = false;
};

}  // namespace advise::detail
