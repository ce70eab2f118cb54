// A condition compiled against a rule set: facts and ids resolved to integers, ready to evaluate.
#pragma once

#include <cstdint>
#include <utility>
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
    // any_of / all_of: the true/false facts among the children, folded into one test of
    // Facts::bools: the bits in `bools_mask` that should equal those of `bools_want`.
    std::uint64_t bools_mask = 0;
    std::uint64_t bools_want = 0;
    // all_of: one `fact == id` among the children, kept in `slot` and `value` instead.
    bool keyed = false;
};

// All conditions of a rule set live in one pool; a condition is the index of its root node.
class ConditionPool {
public:
    using Id = std::uint32_t;

    // Inline, because most conditions are decided by their true/false facts alone: one masked
    // compare, with no call and no walk of the tree.
    bool holds(Id id, const Facts& facts) const {
        const Precheck& p = prechecks_[id];
        if ((facts.bools & p.mask) != p.want) return false;
        if (p.key_slot >= 0 && facts.enums[static_cast<std::size_t>(p.key_slot)] != p.key_value) return false;
        return p.decides || holds_tree(id, facts);
    }

    // The `fact == id` a condition requires at its root, if any: {slot, id}, or {-1, 0}.
    std::pair<int, std::int32_t> key_of(Id id) const {
        const Precheck& p = prechecks_[id];
        return {p.key_slot, p.key_value};
    }

    // Used by the compiler.
    Id add(ConditionNode node);
    std::uint32_t add_children(const std::vector<Id>& children);
    std::uint32_t add_values(const std::vector<std::int32_t>& values);
    const ConditionNode& node(Id id) const { return nodes_[id]; }
    // Every id any condition compares an enumerated fact with, e.g. the topics named in rules.
    std::vector<std::int32_t> values_tested(EnumSlot slot) const;

private:
    // What a condition's root says at a glance: it fails unless the bits in `mask` are those
    // of `want` and the fact in `key_slot` (if any) is `key_value`; when `decides`, it holds
    // whenever they are.
    struct Precheck {
        std::uint64_t mask = 0;
        std::uint64_t want = 0;
        std::int32_t key_value = 0;
        std::int8_t key_slot = -1;
        bool decides = false;
    };
    bool holds_tree(Id id, const Facts& facts) const;
    static Precheck precheck_of(const ConditionNode& node);

    std::vector<ConditionNode> nodes_;
    std::vector<Precheck> prechecks_;  // one per node
    std::vector<Id> children_;
    std::vector<std::int32_t> values_;
};

}  // namespace advise::detail
