// Situation facts as the compiled rules see them: every id turned into a small integer.
#pragma once

#include <array>
#include <cstdint>

namespace advise::detail {

// Facts whose values are ids of one kind (a topic, a role...).
enum class EnumSlot : std::uint8_t { topic, message_type, stakes, closest, contact, count };
// True/false facts; the rule set's own flags follow the built-in ones.
// `resolved` takes three values: settled (the `resolved` bit), not addressed (the `unresolved`
// bit), or unknown (neither): raised once, with no outcome said.
enum class BoolSlot : std::uint8_t { compliance, resolved, unresolved, raised_directly, escalate, first_flag };

inline constexpr int max_roles = 64;                                          // roles fit a 64-bit set
inline constexpr int max_flags = 64 - static_cast<int>(BoolSlot::first_flag); // flags share one word

struct Facts {
    std::array<std::int32_t, static_cast<int>(EnumSlot::count)> enums{-1, -1, -1, -1, -1};
    std::int32_t attempts = 0;
    std::uint64_t raised_with = 0;  // one bit per role index
    std::uint64_t bools = 0;        // one bit per BoolSlot / flag

    std::int32_t get(EnumSlot slot) const { return enums[static_cast<int>(slot)]; }
    void set(EnumSlot slot, std::int32_t value) { enums[static_cast<int>(slot)] = value; }
    bool get(int bit) const { return (bools >> bit) & 1U; }
    bool get(BoolSlot slot) const { return get(static_cast<int>(slot)); }
    void set(int bit, bool value) {
        bools = value ? (bools | (std::uint64_t{1} << bit)) : (bools & ~(std::uint64_t{1} << bit));
    }
    void set(BoolSlot slot, bool value) { set(static_cast<int>(slot), value); }
};

}  // namespace advise::detail
