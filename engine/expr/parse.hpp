// Parses one condition, e.g. `stakes in [safety, fape_denial] or (attempts >= 1 and not resolved)`.
#pragma once

#include <string_view>
#include <variant>

#include "expr/ast.hpp"

namespace advise::detail::expr {

// Limits that keep hostile input from exhausting the stack.
inline constexpr std::size_t max_expression_length = 4096;
inline constexpr std::size_t max_nesting_depth = 64;

// Never throws for bad input: a syntax error (or a limit exceeded) comes back as ParseError.
std::variant<Node, ParseError> parse(std::string_view text);

}  // namespace advise::detail::expr
