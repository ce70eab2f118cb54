// The facts a condition may name, their kinds, and which ids each may be compared with.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "expr/facts.hpp"
#include "model/id_table.hpp"

namespace advise::detail {

// tristate: true, false or unknown, held in two bits (`slot` for true, the next for false).
enum class FactKind { enumeration, boolean, tristate, integer, roles };

struct FactInfo {
    FactKind kind = FactKind::boolean;
    std::uint8_t slot = 0;             // EnumSlot or bool bit
    const IdTable* domain = nullptr;   // enumeration and roles: the ids it takes
    std::string domain_name;           // "stakes value", "role"... for messages
    bool after_escalation = false;     // known only once the contact is decided (warnings)
};

struct FactDomains {
    const IdTable& topics;
    const IdTable& message_types;
    const IdTable& stakes;
    const IdTable& roles;
    const IdTable& flags;
};

class FactSchema {
public:
    explicit FactSchema(const FactDomains& domains);
    const FactInfo* find(std::string_view name) const;
    std::vector<std::string_view> names() const;

private:
    std::map<std::string, FactInfo, std::less<>> facts_;
};

}  // namespace advise::detail
