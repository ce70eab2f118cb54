#include "expr/condition.hpp"

#include <algorithm>

namespace advise::detail {
namespace {

template <typename T>
bool compare(expr::CompareOp op, T left, T right) {
    switch (op) {
        case expr::CompareOp::eq: return left == right;
        case expr::CompareOp::ne: return left != right;
        case expr::CompareOp::lt: return left < right;
        case expr::CompareOp::le: return left <= right;
        case expr::CompareOp::gt: return left > right;
        case expr::CompareOp::ge: return left >= right;
    }
    return false;
}

}  // namespace

ConditionPool::Precheck ConditionPool::precheck_of(const ConditionNode& node) {
    switch (node.op) {
        case ConditionNode::Op::constant: return {.decides = node.truth};
        case ConditionNode::Op::test_bool: {
            const std::uint64_t bit = std::uint64_t{1} << node.slot;
            return {.mask = bit, .want = node.truth ? bit : 0, .decides = true};
        }
        case ConditionNode::Op::all_of:
            return {.mask = node.bools_mask,
                    .want = node.bools_want,
                    .key_value = static_cast<std::int32_t>(node.value),
                    .key_slot = node.keyed ? static_cast<std::int8_t>(node.slot) : std::int8_t{-1},
                    .decides = node.count == 0};
        case ConditionNode::Op::enum_compare:
            if (node.compare != expr::CompareOp::eq) return {};
            return {.key_value = static_cast<std::int32_t>(node.value), .key_slot = static_cast<std::int8_t>(node.slot), .decides = true};
        default: return {};
    }
}

// Reached only from holds(), once the node's precheck has passed.
bool ConditionPool::holds_tree(Id id, const Facts& facts) const {
    const ConditionNode& n = nodes_[id];
    switch (n.op) {
        case ConditionNode::Op::constant: return n.truth;
        case ConditionNode::Op::any_of:
            if (~(facts.bools ^ n.bools_want) & n.bools_mask) return true;  // one of them matches
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (holds(children_[n.first + i], facts)) return true;
            return false;
        case ConditionNode::Op::all_of:
            // holds() has tested the true/false facts and the key.
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (!holds(children_[n.first + i], facts)) return false;
            return true;
        case ConditionNode::Op::negate: return !holds(children_[n.first], facts);
        case ConditionNode::Op::test_bool: return facts.get(static_cast<int>(n.slot)) == n.truth;
        case ConditionNode::Op::enum_compare:
            return compare<std::int64_t>(n.compare, facts.enums[n.slot], n.value);
        case ConditionNode::Op::int_compare: return compare<std::int64_t>(n.compare, facts.attempts, n.value);
        case ConditionNode::Op::enum_in: {
            const auto begin = values_.begin() + n.first;
            const bool found = std::find(begin, begin + n.count, facts.enums[n.slot]) != begin + n.count;
            return found == n.truth;
        }
        case ConditionNode::Op::roles_any: return ((facts.raised_with & n.mask) != 0) == n.truth;
    }
    return false;
}

std::vector<std::int32_t> ConditionPool::values_tested(EnumSlot slot) const {
    std::vector<std::int32_t> out;
    for (const auto& n : nodes_) {
        if (n.slot != static_cast<std::uint8_t>(slot)) continue;
        if (n.op == ConditionNode::Op::enum_compare || (n.op == ConditionNode::Op::all_of && n.keyed))
            out.push_back(static_cast<std::int32_t>(n.value));
        if (n.op == ConditionNode::Op::enum_in) out.insert(out.end(), values_.begin() + n.first, values_.begin() + n.first + n.count);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

ConditionPool::Id ConditionPool::add(ConditionNode node) {
    nodes_.push_back(node);
    prechecks_.push_back(precheck_of(node));
    return static_cast<Id>(nodes_.size() - 1);
}

std::uint32_t ConditionPool::add_children(const std::vector<Id>& children) {
    const auto first = static_cast<std::uint32_t>(children_.size());
    children_.insert(children_.end(), children.begin(), children.end());
    return first;
}

std::uint32_t ConditionPool::add_values(const std::vector<std::int32_t>& values) {
    const auto first = static_cast<std::uint32_t>(values_.size());
    values_.insert(values_.end(), values.begin(), values.end());
    return first;
}

}  // namespace advise::detail
