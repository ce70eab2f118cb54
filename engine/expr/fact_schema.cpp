#include "expr/fact_schema.hpp"

namespace advise::detail {

FactSchema::FactSchema(const FactDomains& d) {
    auto enumeration = [](EnumSlot slot, const IdTable& domain, const char* name, bool late = false) {
        return FactInfo{FactKind::enumeration, static_cast<std::uint8_t>(slot), &domain, name, late};
    };
    auto boolean = [](int bit, bool late = false) {
        return FactInfo{FactKind::boolean, static_cast<std::uint8_t>(bit), nullptr, "", late};
    };
    facts_["topic"] = enumeration(EnumSlot::topic, d.topics, "topic");
    facts_["message_type"] = enumeration(EnumSlot::message_type, d.message_types, "message type");
    facts_["stakes"] = enumeration(EnumSlot::stakes, d.stakes, "stakes value");
    facts_["closest"] = enumeration(EnumSlot::closest, d.roles, "role");
    facts_["contact"] = enumeration(EnumSlot::contact, d.roles, "role", true);
    facts_["compliance"] = boolean(static_cast<int>(BoolSlot::compliance));
    facts_["resolved"] = FactInfo{FactKind::tristate, static_cast<std::uint8_t>(BoolSlot::resolved), nullptr, "", false};
    static_assert(static_cast<int>(BoolSlot::unresolved) == static_cast<int>(BoolSlot::resolved) + 1);
    facts_["raised_directly"] = boolean(static_cast<int>(BoolSlot::raised_directly));
    facts_["escalate"] = boolean(static_cast<int>(BoolSlot::escalate), true);
    facts_["attempts"] = FactInfo{FactKind::integer, 0, nullptr, "", false};
    facts_["raised_with"] = FactInfo{FactKind::roles, 0, &d.roles, "role", false};
    for (std::size_t i = 0; i < d.flags.size(); ++i)
        facts_[d.flags[static_cast<std::int32_t>(i)]] = boolean(static_cast<int>(BoolSlot::first_flag) + static_cast<int>(i));
}

const FactInfo* FactSchema::find(std::string_view name) const {
    const auto it = facts_.find(name);
    return it == facts_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> FactSchema::names() const {
    std::vector<std::string_view> out;
    for (const auto& [name, info] : facts_) out.push_back(name);
    return out;
}

}  // namespace advise::detail
