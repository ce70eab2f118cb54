// Turns a parsed condition into a pooled, integer-coded one, checking every fact and id it names.
#pragma once

#include <optional>
#include <vector>

#include "expr/ast.hpp"
#include "expr/condition.hpp"
#include "expr/fact_schema.hpp"

namespace advise::detail::expr {

struct CompileOptions {
    bool after_escalation = false;  // warnings may name `contact` and `escalate`
};

// Returns the condition, or nothing with `errors` filled (columns inside the condition).
std::optional<ConditionPool::Id> compile(const Node& node, const FactSchema& schema, CompileOptions options,
                                         ConditionPool& pool, std::vector<ParseError>& errors);

}  // namespace advise::detail::expr
