// The condition language's syntax tree: what the parser produces, before any
// identifier is checked against a rule set.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace advise::detail::expr {

enum class CompareOp { eq, ne, lt, le, gt, ge };

// A literal on the right of a comparison or inside `in [..]`.
struct Literal {
    enum class Kind { identifier, integer, boolean };
    Kind kind = Kind::identifier;
    std::string text;        // identifier spelling (Kind::identifier)
    long long number = 0;    // Kind::integer
    bool truth = false;      // Kind::boolean
    std::size_t column = 0;  // 1-based column of its first character in the expression
};

struct Node {
    enum class Kind {
        any_of,   // a or b or ...   (children)
        all_of,   // a and b and ... (children)
        negate,   // not a           (children[0])
        fact,     // a bare identifier used as a boolean: `resolved`
        compare,  // fact op literal: `attempts >= 1`, `stakes == safety`
        member,   // fact in [literals]: `stakes in [safety, regression]`
        constant  // `true` or `false` on its own
    };
    Kind kind = Kind::constant;
    std::vector<Node> children;
    std::string fact;            // fact name (fact, compare, member)
    CompareOp op = CompareOp::eq;
    bool negated_member = false; // `fact not in [..]`
    std::vector<Literal> literals;  // compare: exactly one; member: one or more
    bool truth = true;           // constant
    std::size_t column = 0;      // 1-based column where this node starts
};

struct ParseError {
    std::size_t column = 0;  // 1-based column in the expression
    std::string message;     // e.g. "expected ']' to close the list"
};

}  // namespace advise::detail::expr
