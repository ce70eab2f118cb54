#include "expr/parse.hpp"
#include "model/utf8.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3.hpp>

namespace advise::detail::expr {
namespace {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------
// Character classes, spelled out instead of using <cctype> or X3's char
// classes: those are locale-dependent and undefined for negative `char`
// values, which invalid UTF-8 produces.

constexpr bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
constexpr bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c) || c == '.' || c == '-'; }
constexpr bool is_operator_char(char c) { return c == '=' || c == '!' || c == '<' || c == '>'; }
constexpr bool is_punctuation(char c) { return c == '(' || c == ')' || c == '[' || c == ']' || c == ','; }
constexpr bool in_alphabet(char c) {
    return is_blank(c) || is_ident_char(c) || is_operator_char(c) || is_punctuation(c);
}

// Keeps echoed input short: messages quote the offending token.
std::string abbreviate(std::string_view token) {
    constexpr std::size_t longest = 32;
    if (token.size() <= longest) return std::string(token);
    return std::string(token.substr(0, longest)) + "...";
}

// A specific message for a character no rule could start with, or nothing when
// the character belongs to the language (the caller's message then applies).
std::optional<std::string> stray_character_message(const char* where, const char* end) {
    if (where == end) return std::nullopt;
    const char c = *where;
    const char next = where + 1 != end ? where[1] : '\0';
    if (c == '&' && next == '&') return "use 'and' instead of '&&'";
    if (c == '|' && next == '|') return "use 'or' instead of '||'";
    if (c == '!' && next != '=') return "use 'not' instead of '!'";
    if (c == '"' || c == '\'') {
        return std::string("unexpected character '") + c + "' (values are written without quotes)";
    }
    if (in_alphabet(c)) return std::nullopt;
    if (c > ' ' && c < '\x7f') return std::string("unexpected character '") + c + "'";
    // A well-formed non-ASCII character is echoed; a stray or control byte is named by value.
    if (const std::size_t length = utf8_sequence_length(std::string_view(where, static_cast<std::size_t>(end - where)), 0); length > 1) {
        return "unexpected character '" + std::string(where, length) + "'";
    }
    constexpr char hex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    return std::string("unexpected byte 0x") + hex[byte >> 4] + hex[byte & 0x0F];
}

// The token at `where`, as a reader would see it, for "unexpected 'x'" messages.
std::string_view token_at(const char* where, const char* end) {
    const char* stop = where;
    if (is_ident_char(*where)) {
        while (stop != end && is_ident_char(*stop)) ++stop;
    } else if (is_operator_char(*where)) {
        while (stop != end && is_operator_char(*stop)) ++stop;
    } else {
        ++stop;
    }
    return {where, static_cast<std::size_t>(stop - where)};
}

// ---------------------------------------------------------------------------
// Nesting pre-scan. The X3 grammar recurses once per `(` and per prefix `not`,
// so this bounds the recursion before any of it happens. It over-approximates
// for malformed input (it never under-counts), and is exact for valid input.

std::optional<ParseError> check_nesting(std::string_view text) {
    const auto too_deep = [](std::size_t index) {
        return ParseError{index + 1,
                          "condition nests deeper than " + std::to_string(max_nesting_depth) + " levels"};
    };
    // Prefix `not`s still open in each enclosing parenthesis (front: the top level).
    std::vector<std::size_t> pending_nots{0};
    std::size_t depth = 0;
    // True where a `not` would be a prefix (not the `not` of `fact not in [..]`).
    bool at_operand_start = true;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_blank(c)) {
            ++i;
        } else if (c == '(') {
            if (++depth > max_nesting_depth) return too_deep(i);
            pending_nots.push_back(0);
            at_operand_start = true;
            ++i;
        } else if (c == ')') {
            if (pending_nots.size() > 1) {
                depth -= pending_nots.back() + 1;
                pending_nots.pop_back();
            }
            at_operand_start = false;
            ++i;
        } else if (is_ident_char(c)) {
            const std::size_t start = i;
            while (i < text.size() && is_ident_char(text[i])) ++i;
            const std::string_view word = text.substr(start, i - start);
            if (word == "not" && at_operand_start) {
                if (++depth > max_nesting_depth) return too_deep(start);
                ++pending_nots.back();
            } else if (word == "and" || word == "or") {
                // A prefix `not` applies to one operand; the operand has ended.
                depth -= pending_nots.back();
                pending_nots.back() = 0;
                at_operand_start = true;
            } else {
                at_operand_start = false;
            }
        } else {
            at_operand_start = false;
            ++i;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Grammar support: parse state reachable from semantic actions, and the
// directive that turns "this must follow" into a precise error.

struct ParseState {
    const char* begin = nullptr;
    const char* end = nullptr;
    std::vector<std::size_t> open_paren_columns;  // innermost last
    std::string last_operator;                    // for "expected a value after '<='"
};
struct state_tag;

// Thrown inside the parse and caught in parse(); it never leaves this file.
struct SyntaxFailure {
    const char* where;
    std::string message;
};

template <typename Context>
ParseState& state_of(Context const& context) {
    return x3::get<state_tag>(context);
}

template <typename Context>
std::size_t column_at(Context const& context, const char* where) {
    return static_cast<std::size_t>(where - state_of(context).begin) + 1;
}

// must(explanation)[p]: p has to match here; otherwise parsing stops with an
// error at the first non-blank character. The explanation is either a fixed
// message or a callable building one from the parse state.
template <typename Subject, typename Explanation>
struct must_directive : x3::unary_parser<Subject, must_directive<Subject, Explanation>> {
    using base_type = x3::unary_parser<Subject, must_directive<Subject, Explanation>>;
    static bool const is_pass_through_unary = true;

    constexpr must_directive(Subject const& inner, Explanation why)
        : base_type(inner), explanation(why) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        if (this->subject.parse(first, last, context, rcontext, attribute)) return true;
        Iterator where = first;
        x3::skip_over(where, last, context);
        if (auto stray = stray_character_message(where, last)) throw SyntaxFailure{where, std::move(*stray)};
        if constexpr (std::is_convertible_v<Explanation, const char*>) {
            throw SyntaxFailure{where, explanation};
        } else {
            throw SyntaxFailure{where, explanation(state_of(context), where)};
        }
    }

    Explanation explanation;
};

template <typename Explanation>
struct must_generator {
    Explanation explanation;

    template <typename Subject>
    constexpr must_directive<typename x3::extension::as_parser<Subject>::value_type, Explanation> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject), explanation};
    }
};

template <typename Explanation>
constexpr must_generator<Explanation> must(Explanation explanation) {
    return {explanation};
}

// ---------------------------------------------------------------------------
// Semantic actions.

std::string_view spelling(boost::iterator_range<const char*> const& range) {
    return {range.begin(), static_cast<std::size_t>(range.end() - range.begin())};
}

// A chain of one operand is the operand itself; longer chains become one flat node.
Node combine(std::vector<Node>&& operands, Node::Kind kind) {
    if (operands.size() == 1) return std::move(operands.front());
    Node node;
    node.kind = kind;
    node.column = operands.front().column;
    node.children = std::move(operands);
    return node;
}

const auto take = [](auto& context) { x3::_val(context) = std::move(x3::_attr(context)); };
const auto push_operand = [](auto& context) { x3::_val(context).push_back(std::move(x3::_attr(context))); };
const auto make_any_of = [](auto& context) {
    x3::_val(context) = combine(std::move(x3::_attr(context)), Node::Kind::any_of);
};
const auto make_all_of = [](auto& context) {
    x3::_val(context) = combine(std::move(x3::_attr(context)), Node::Kind::all_of);
};
const auto begin_negate = [](auto& context) {
    Node& node = x3::_val(context);
    node.kind = Node::Kind::negate;
    node.column = column_at(context, x3::_attr(context).begin());
};
const auto add_child = [](auto& context) { x3::_val(context).children.push_back(std::move(x3::_attr(context))); };
const auto open_paren = [](auto& context) {
    state_of(context).open_paren_columns.push_back(column_at(context, x3::_attr(context).begin()));
};
const auto close_paren = [](auto& context) { state_of(context).open_paren_columns.pop_back(); };

template <bool Truth>
const auto make_constant = [](auto& context) {
    Node& node = x3::_val(context);
    node.kind = Node::Kind::constant;
    node.truth = Truth;
    node.column = column_at(context, x3::_attr(context).begin());
};

const auto begin_fact = [](auto& context) {
    Node& node = x3::_val(context);
    node.kind = Node::Kind::fact;
    node.fact = std::string(spelling(x3::_attr(context)));
    node.column = column_at(context, x3::_attr(context).begin());
};
const auto become_member = [](auto& context) { x3::_val(context).kind = Node::Kind::member; };
const auto become_negated_member = [](auto& context) {
    x3::_val(context).kind = Node::Kind::member;
    x3::_val(context).negated_member = true;
};
const auto add_literal = [](auto& context) { x3::_val(context).literals.push_back(std::move(x3::_attr(context))); };

std::optional<CompareOp> operator_from(std::string_view text) {
    if (text == "==") return CompareOp::eq;
    if (text == "!=") return CompareOp::ne;
    if (text == "<") return CompareOp::lt;
    if (text == "<=") return CompareOp::le;
    if (text == ">") return CompareOp::gt;
    if (text == ">=") return CompareOp::ge;
    return std::nullopt;
}

// Suggests the operator a misspelling most likely meant.
std::string unknown_operator_message(std::string_view text) {
    std::string message = "unknown operator '" + abbreviate(text) + "'";
    if (text == "=" || text == "===") return message + " (use '==')";
    if (text == "=<") return message + " (use '<=')";
    if (text == "=>") return message + " (use '>=')";
    if (text == "<>" || text == "=!") return message + " (use '!=')";
    return message;
}

const auto set_operator = [](auto& context) {
    const auto& range = x3::_attr(context);
    const std::string_view text = spelling(range);
    const auto op = operator_from(text);
    if (!op) throw SyntaxFailure{range.begin(), unknown_operator_message(text)};
    Node& node = x3::_val(context);
    node.kind = Node::Kind::compare;
    node.op = *op;
    state_of(context).last_operator = std::string(text);
};

const auto integer_literal = [](auto& context) {
    const auto& range = x3::_attr(context);
    Literal& literal = x3::_val(context);
    literal.kind = Literal::Kind::integer;
    literal.column = column_at(context, range.begin());
    const auto [stop, error] = std::from_chars(range.begin(), range.end(), literal.number);
    if (error != std::errc() || stop != range.end()) throw SyntaxFailure{range.begin(), "number is out of range"};
};
template <bool Truth>
const auto boolean_literal = [](auto& context) {
    Literal& literal = x3::_val(context);
    literal.kind = Literal::Kind::boolean;
    literal.truth = Truth;
    literal.column = column_at(context, x3::_attr(context).begin());
};
const auto identifier_literal = [](auto& context) {
    Literal& literal = x3::_val(context);
    literal.kind = Literal::Kind::identifier;
    literal.text = std::string(spelling(x3::_attr(context)));
    literal.column = column_at(context, x3::_attr(context).begin());
};

// Messages that depend on what has been parsed so far.
const auto value_after_operator = [](ParseState const& state, const char*) {
    return "expected a value after '" + state.last_operator + "'";
};
const auto closing_paren = [](ParseState const& state, const char*) {
    return "expected ')' to close '(' at column " + std::to_string(state.open_paren_columns.back());
};
const auto nothing_more = [](ParseState const& state, const char* where) -> std::string {
    if (*where == ')') return "unexpected ')' without a matching '('";
    return "unexpected '" + abbreviate(token_at(where, state.end)) + "' after the end of the condition";
};

// ---------------------------------------------------------------------------
// The grammar.

const auto skipper = x3::lit(' ') | '\t' | '\r' | '\n';

const auto ident_start = x3::char_('a', 'z') | x3::char_('A', 'Z') | x3::char_('_');
const auto ident_char = ident_start | x3::char_('0', '9') | x3::char_('.') | x3::char_('-');
const auto operator_char = x3::char_('=') | x3::char_('!') | x3::char_('<') | x3::char_('>');

// Whole words only: `order` is an identifier, not `or` followed by `der`.
auto keyword(const char* word) { return x3::lexeme[x3::lit(word) >> !ident_char]; }
const auto kw_and = keyword("and");
const auto kw_or = keyword("or");
const auto kw_not = keyword("not");
const auto kw_in = keyword("in");
const auto kw_true = keyword("true");
const auto kw_false = keyword("false");
const auto any_keyword = kw_and | kw_or | kw_not | kw_in | kw_true | kw_false;

const auto identifier = x3::raw[x3::lexeme[!any_keyword >> ident_start >> *ident_char]];
const auto integer = x3::raw[x3::lexeme[-x3::lit('-') >> +x3::char_('0', '9') >> !ident_char]];
// Reads every operator character so that `=<` is one unknown operator, not `=` then `<`.
const auto comparison = x3::raw[x3::lexeme[+operator_char]];

x3::rule<struct condition_id, Node> const condition = "condition";
x3::rule<struct or_expr_id, Node> const or_expr = "or_expr";
x3::rule<struct or_operands_id, std::vector<Node>> const or_operands = "or_operands";
x3::rule<struct and_expr_id, Node> const and_expr = "and_expr";
x3::rule<struct and_operands_id, std::vector<Node>> const and_operands = "and_operands";
x3::rule<struct unary_id, Node> const unary = "unary";
x3::rule<struct primary_id, Node> const primary = "primary";
x3::rule<struct literal_id, Literal> const literal = "literal";

const auto value_in_list = must("expected a value in the list")[literal[add_literal]];
const auto list = must("expected '[' to start the list")[x3::lit('[')] >> value_in_list >>
                  *(x3::lit(',') >> value_in_list) >> must("expected ']' to close the list")[x3::lit(']')];

const auto condition_def =
    must("expected a fact name")[or_expr[take]] >> must(nothing_more)[x3::eoi];

const auto or_expr_def = or_operands[make_any_of];
const auto or_operands_def =
    and_expr[push_operand] >> *(kw_or >> must("expected a fact name after 'or'")[and_expr[push_operand]]);

const auto and_expr_def = and_operands[make_all_of];
const auto and_operands_def =
    unary[push_operand] >> *(kw_and >> must("expected a fact name after 'and'")[unary[push_operand]]);

const auto unary_def =
    (x3::raw[kw_not][begin_negate] >> must("expected a fact name after 'not'")[unary[add_child]]) |
    primary[take];

const auto parenthesized = x3::raw[x3::lit('(')][open_paren] >>
                           must("expected a fact name after '('")[or_expr[take]] >>
                           must(closing_paren)[x3::lit(')')[close_paren]];

const auto constant = x3::raw[kw_true][make_constant<true>] | x3::raw[kw_false][make_constant<false>];

const auto fact_condition =
    identifier[begin_fact] >>
    -((x3::raw[kw_not][become_negated_member] >> must("expected 'in' after 'not'")[kw_in] >> list) |
      (kw_in[become_member] >> list) |
      (comparison[set_operator] >> must(value_after_operator)[literal[add_literal]]));

const auto primary_def = parenthesized | constant | fact_condition;

const auto literal_def = integer[integer_literal] | x3::raw[kw_true][boolean_literal<true>] |
                         x3::raw[kw_false][boolean_literal<false>] | identifier[identifier_literal];

BOOST_SPIRIT_DEFINE(condition, or_expr, or_operands, and_expr, and_operands, unary, primary, literal)

bool all_blank(std::string_view text) {
    for (const char c : text) {
        if (!is_blank(c)) return false;
    }
    return true;
}

}  // namespace

std::variant<Node, ParseError> parse(std::string_view text) {
    if (all_blank(text)) return ParseError{1, "empty condition"};
    // Only the part within the length limit is scanned: anything beyond is
    // rejected anyway, and the earliest problem is the one reported.
    if (auto error = check_nesting(text.substr(0, max_expression_length))) return *std::move(error);
    if (text.size() > max_expression_length) {
        return ParseError{max_expression_length + 1,
                          "condition is longer than " + std::to_string(max_expression_length) + " characters"};
    }

    ParseState state;
    state.begin = text.data();
    state.end = text.data() + text.size();
    const char* first = state.begin;
    Node result;
    try {
        if (x3::phrase_parse(first, state.end, x3::with<state_tag>(state)[condition], skipper, result)) {
            return result;
        }
    } catch (SyntaxFailure const& failure) {
        return ParseError{static_cast<std::size_t>(failure.where - state.begin) + 1, failure.message};
    }
    // Unreachable: the grammar reports every failure through SyntaxFailure.
    return ParseError{static_cast<std::size_t>(first - state.begin) + 1, "expected a fact name"};
}

}  // namespace advise::detail::expr
