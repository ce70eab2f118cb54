#include "text/features.hpp"

#include <bit>

namespace advise::detail::text {
namespace {

// Spreads the bits of an FNV-1a result (splitmix64's finaliser), so that the low bits the
// index uses are as good as the high ones.
std::uint64_t spread(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

}  // namespace

std::uint64_t feature_hash(char kind, std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    h = (h ^ static_cast<unsigned char>(kind)) * 0x100000001b3ULL;
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return spread(h);
}

std::uint64_t feature_hash(char kind, std::uint64_t a, std::uint64_t b) {
    return spread(a * 31 + std::rotl(b, 17) + static_cast<unsigned char>(kind));
}

void FeatureIndex::assign(const std::vector<std::uint64_t>& hashes) {
    std::size_t capacity = 16;
    while (capacity < hashes.size() * 2) capacity *= 2;
    std::vector<Slot> slots(capacity);
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        std::size_t at = hashes[i] & mask;
        while (slots[at].index != none) at = (at + 1) & mask;
        slots[at] = {hashes[i], static_cast<std::uint32_t>(i), 0};
    }
    count_ = hashes.size();
    slots_.own(std::move(slots));
}

}  // namespace advise::detail::text
