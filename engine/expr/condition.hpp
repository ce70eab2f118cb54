// A condition compiled against a rule set: facts and ids resolved to integers, ready to evaluate.
#pragma once

#include <cstdint>
#include <vector>

#include "expr/ast.hpp"
#include "expr/facts.hpp"

namespace advise::detail {

struct ConditionNode {
    enum class Op : std::uint8_t { constant, any_of, all_of, negate, test_bool, enum_compare, int_compare, enum_in, roles_any };
    Op op = Op::constant;
    expr::CompareOp compare = expr::CompareOp::eq;
    bool truth = true;        // constant value; for enum_in / roles_any: false when `not in`
    std::uint8_t slot = 0;    // EnumSlot or bool bit
    std::int64_t value = 0;   // the id or number compared with
    std::uint64_t mask = 0;   // roles_any: the roles listed
    std::uint32_t first = 0;  // children (any_of/all_of/negate) or listed ids (enum_in): a range in the pool
    std::uint32_t count = 0;
};

// All conditions of a rule set live in one pool; a condition is the index of its root node.
class ConditionPool {
public:
    using Id = std::uint32_t;

    bool holds(Id id, const Facts& facts) const;

    // Used by the compiler.
    Id add(ConditionNode node);
    std::uint32_t add_children(const std::vector<Id>& children);
    std::uint32_t add_values(const std::vector<std::int32_t>& values);
    const ConditionNode& node(Id id) const { return nodes_[id]; }
    // Every id any condition compares an enumerated fact with, e.g. the topics named in rules.
    std::vector<std::int32_t> values_tested(EnumSlot slot) const;

private:
    std::vector<ConditionNode> nodes_;
    std::vector<Id> children_;
    std::vector<std::int32_t> values_;
};

}  // namespace advise::detail
