// Ids of one kind (roles, topics...) in file order, with a fast lookup by name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace advise::detail {

class IdTable {
public:
    static constexpr std::int32_t none = -1;

    // Returns false when the id is already there.
    bool add(const std::string& id) {
        if (!index_.emplace(id, static_cast<std::int32_t>(ids_.size())).second) return false;
        ids_.push_back(id);
        return true;
    }
    std::int32_t find(std::string_view id) const {
        const auto it = index_.find(id);
        return it == index_.end() ? none : it->second;
    }
    const std::string& operator[](std::int32_t i) const { return ids_[static_cast<std::size_t>(i)]; }
    std::size_t size() const { return ids_.size(); }
    const std::vector<std::string>& ids() const { return ids_; }
    std::vector<std::string_view> views() const { return {ids_.begin(), ids_.end()}; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string> ids_;
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> index_;
};

}  // namespace advise::detail
