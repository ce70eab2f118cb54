#include "expr/compile.hpp"

#include <string>

#include "load/suggest.hpp"

namespace advise::detail::expr {
namespace {

const char* op_text(CompareOp op) {
    switch (op) {
        case CompareOp::eq: return "==";
        case CompareOp::ne: return "!=";
        case CompareOp::lt: return "<";
        case CompareOp::le: return "<=";
        case CompareOp::gt: return ">";
        case CompareOp::ge: return ">=";
    }
    return "?";
}

class Compiler {
public:
    Compiler(const FactSchema& schema, CompileOptions options, ConditionPool& pool, std::vector<ParseError>& errors)
        : schema_(schema), options_(options), pool_(pool), errors_(errors) {}

    std::optional<ConditionPool::Id> compile(const Node& node) {
        switch (node.kind) {
            case Node::Kind::constant: return pool_.add({.op = ConditionNode::Op::constant, .truth = node.truth});
            case Node::Kind::any_of:
            case Node::Kind::all_of:
            case Node::Kind::negate: return compile_group(node);
            case Node::Kind::fact: return compile_fact(node);
            case Node::Kind::compare: return compile_compare(node);
            case Node::Kind::member: return compile_member(node);
        }
        return fail(node.column, "unsupported condition");
    }

private:
    std::nullopt_t fail(std::size_t column, std::string message) {
        errors_.push_back({column, std::move(message)});
        return std::nullopt;
    }

    std::optional<ConditionPool::Id> compile_group(const Node& node) {
        std::vector<ConditionPool::Id> children;
        bool ok = true;
        for (const auto& child : node.children) {
            auto id = compile(child);  // keep going: report every problem at once
            if (id) children.push_back(*id);
            else ok = false;
        }
        if (!ok) return std::nullopt;
        if (node.kind == Node::Kind::negate) {
            // `not resolved` is a test of one bit for the other value.
            ConditionNode child = pool_.node(children.front());
            if (child.op == ConditionNode::Op::test_bool) {
                child.truth = !child.truth;
                return pool_.add(child);
            }
            return pool_.add({.op = ConditionNode::Op::negate, .first = pool_.add_children(children), .count = 1});
        }
        // The true/false facts of a group are tested together, in one masked compare of the
        // word that holds them, before any other child: most conditions fail right there.
        ConditionNode out{.op = node.kind == Node::Kind::any_of ? ConditionNode::Op::any_of : ConditionNode::Op::all_of};
        std::vector<ConditionPool::Id> others;
        for (const auto id : children) {
            const ConditionNode& child = pool_.node(id);
            // One `fact == id` of a conjunction is its key, tested with the true/false facts.
            if (out.op == ConditionNode::Op::all_of && !out.keyed && child.op == ConditionNode::Op::enum_compare &&
                child.compare == CompareOp::eq) {
                out.keyed = true;
                out.slot = child.slot;
                out.value = child.value;
                continue;
            }
            // A conjunction of true/false facts alone (`resolved == unknown`) joins the mask.
            if (out.op == ConditionNode::Op::all_of && child.op == ConditionNode::Op::all_of && child.count == 0 && !child.keyed &&
                (out.bools_mask & child.bools_mask & (out.bools_want ^ child.bools_want)) == 0) {
                out.bools_mask |= child.bools_mask;
                out.bools_want |= child.bools_want;
                continue;
            }
            const std::uint64_t bit = std::uint64_t{1} << child.slot;
            const bool foldable = child.op == ConditionNode::Op::test_bool &&
                                  // `a and not a`: both stay children, so the group stays false
                                  (!(out.bools_mask & bit) || ((out.bools_want & bit) != 0) == child.truth);
            if (!foldable) {
                others.push_back(id);
                continue;
            }
            out.bools_mask |= bit;
            if (child.truth) out.bools_want |= bit;
        }
        out.count = static_cast<std::uint32_t>(others.size());
        out.first = pool_.add_children(others);
        return pool_.add(out);
    }

    const FactInfo* lookup(const Node& node) {
        const FactInfo* info = schema_.find(node.fact);
        if (!info) {
            fail(node.column, "unknown fact '" + node.fact + "'" + did_you_mean(node.fact, schema_.names()));
            return nullptr;
        }
        if (info->after_escalation && !options_.after_escalation) {
            fail(node.column, "'" + node.fact + "' is known only once the contact is decided: use it in warnings");
            return nullptr;
        }
        return info;
    }

    std::optional<ConditionPool::Id> compile_fact(const Node& node) {
        const FactInfo* info = lookup(node);
        if (!info) return std::nullopt;
        if (info->kind != FactKind::boolean && info->kind != FactKind::tristate)
            return fail(node.column, "'" + node.fact + "' is not true or false: compare it with a value");
        return pool_.add({.op = ConditionNode::Op::test_bool, .truth = true, .slot = info->slot});
    }

    // The id a literal names in the fact's domain, or nothing (reported).
    std::optional<std::int32_t> resolve_id(const FactInfo& info, const Literal& literal) {
        if (literal.kind != Literal::Kind::identifier)
            return fail(literal.column, "expected a " + info.domain_name + " id, found '" + spelling(literal) + "'");
        const auto id = info.domain->find(literal.text);
        if (id == IdTable::none)
            return fail(literal.column, "unknown " + info.domain_name + " '" + literal.text + "'" +
                                            did_you_mean(literal.text, info.domain->views()));
        return id;
    }

    static std::string spelling(const Literal& literal) {
        switch (literal.kind) {
            case Literal::Kind::integer: return std::to_string(literal.number);
            case Literal::Kind::boolean: return literal.truth ? "true" : "false";
            case Literal::Kind::identifier: return literal.text;
        }
        return {};
    }

    std::optional<ConditionPool::Id> compile_compare(const Node& node) {
        const FactInfo* info = lookup(node);
        if (!info) return std::nullopt;
        const Literal& literal = node.literals.front();
        const bool equality = node.op == CompareOp::eq || node.op == CompareOp::ne;
        switch (info->kind) {
            case FactKind::integer: {
                if (literal.kind != Literal::Kind::integer)
                    return fail(literal.column, "'" + node.fact + "' is a number, found '" + spelling(literal) + "'");
                return pool_.add({.op = ConditionNode::Op::int_compare, .compare = node.op, .value = literal.number});
            }
            case FactKind::boolean: {
                if (!equality)
                    return fail(node.column, std::string("'") + op_text(node.op) + "' does not apply to true/false '" +
                                                 node.fact + "'");
                if (literal.kind != Literal::Kind::boolean)
                    return fail(literal.column,
                                "'" + node.fact + "' is true or false, found '" + spelling(literal) + "'");
                const bool truth = (node.op == CompareOp::eq) == literal.truth;
                return pool_.add({.op = ConditionNode::Op::test_bool, .truth = truth, .slot = info->slot});
            }
            case FactKind::tristate: {
                if (!equality)
                    return fail(node.column, std::string("'") + op_text(node.op) + "' does not apply to '" + node.fact +
                                                 "': use == or !=");
                auto test = tristate_value(*info, node.fact, literal);
                if (!test) return std::nullopt;
                if (node.op == CompareOp::eq) return test;
                // `resolved != true` is one bit tested for the other value, as `not` does.
                ConditionNode tested = pool_.node(*test);
                if (tested.op == ConditionNode::Op::test_bool) {
                    tested.truth = !tested.truth;
                    return pool_.add(tested);
                }
                return pool_.add({.op = ConditionNode::Op::negate, .first = pool_.add_children({*test}), .count = 1});
            }
            case FactKind::enumeration: {
                if (!equality)
                    return fail(node.column, std::string("'") + op_text(node.op) + "' does not apply to '" + node.fact +
                                                 "': use == or !=");
                const auto id = resolve_id(*info, literal);
                if (!id) return std::nullopt;
                return pool_.add(
                    {.op = ConditionNode::Op::enum_compare, .compare = node.op, .slot = info->slot, .value = *id});
            }
            case FactKind::roles:
                return fail(node.column, "'" + node.fact + "' is a set of roles: use '" + node.fact + " in [..]'");
        }
        return std::nullopt;
    }

    // `resolved == true` tests one bit, `== false` the other, `== unknown` that neither is set.
    std::optional<ConditionPool::Id> tristate_value(const FactInfo& info, const std::string& fact, const Literal& literal) {
        if (literal.kind == Literal::Kind::boolean) {
            const auto slot = static_cast<std::uint8_t>(info.slot + (literal.truth ? 0 : 1));
            return pool_.add({.op = ConditionNode::Op::test_bool, .truth = true, .slot = slot});
        }
        if (literal.kind == Literal::Kind::identifier && literal.text == "unknown") {
            const std::uint64_t both = std::uint64_t{3} << info.slot;
            return pool_.add({.op = ConditionNode::Op::all_of, .first = pool_.add_children({}), .bools_mask = both});
        }
        return fail(literal.column, "'" + fact + "' is true, false or unknown, found '" + spelling(literal) + "'");
    }

    std::optional<ConditionPool::Id> compile_member(const Node& node) {
        const FactInfo* info = lookup(node);
        if (!info) return std::nullopt;
        if (info->kind == FactKind::boolean || info->kind == FactKind::integer)
            return fail(node.column, "'" + node.fact + "' cannot be tested with 'in': compare it instead");
        if (info->kind == FactKind::tristate) {
            std::vector<ConditionPool::Id> tests;
            for (const auto& literal : node.literals)
                if (auto test = tristate_value(*info, node.fact, literal)) tests.push_back(*test);
            if (tests.size() != node.literals.size()) return std::nullopt;
            const auto any = pool_.add({.op = ConditionNode::Op::any_of, .first = pool_.add_children(tests),
                                        .count = static_cast<std::uint32_t>(tests.size())});
            if (!node.negated_member) return any;
            return pool_.add({.op = ConditionNode::Op::negate, .first = pool_.add_children({any}), .count = 1});
        }
        std::vector<std::int32_t> ids;
        bool ok = true;
        for (const auto& literal : node.literals) {
            if (auto id = resolve_id(*info, literal)) ids.push_back(*id);
            else ok = false;
        }
        if (!ok) return std::nullopt;
        if (info->kind == FactKind::roles) {
            ConditionNode out{.op = ConditionNode::Op::roles_any, .truth = !node.negated_member};
            for (auto id : ids) out.mask |= std::uint64_t{1} << id;
            return pool_.add(out);
        }
        ConditionNode out{.op = ConditionNode::Op::enum_in, .truth = !node.negated_member, .slot = info->slot};
        out.count = static_cast<std::uint32_t>(ids.size());
        out.first = pool_.add_values(ids);
        return pool_.add(out);
    }

    const FactSchema& schema_;
    CompileOptions options_;
    ConditionPool& pool_;
    std::vector<ParseError>& errors_;
};

}  // namespace

std::optional<ConditionPool::Id> compile(const Node& node, const FactSchema& schema, CompileOptions options,
                                         ConditionPool& pool, std::vector<ParseError>& errors) {
    return Compiler(schema, options, pool, errors).compile(node);
}

}  // namespace advise::detail::expr
