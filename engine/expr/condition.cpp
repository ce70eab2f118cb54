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

bool ConditionPool::holds(Id id, const Facts& facts) const {
    const ConditionNode& n = nodes_[id];
    switch (n.op) {
        case ConditionNode::Op::constant: return n.truth;
        case ConditionNode::Op::any_of:
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (holds(children_[n.first + i], facts)) return true;
            return false;
        case ConditionNode::Op::all_of:
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
        if (n.op == ConditionNode::Op::enum_compare) out.push_back(static_cast<std::int32_t>(n.value));
        if (n.op == ConditionNode::Op::enum_in) out.insert(out.end(), values_.begin() + n.first, values_.begin() + n.first + n.count);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

ConditionPool::Id ConditionPool::add(ConditionNode node) {
    nodes_.push_back(node);
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
