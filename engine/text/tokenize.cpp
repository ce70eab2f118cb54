// The word grammar, in Boost.Spirit X3: words with inner apostrophes, clause marks, the rest skipped.
#include "text/tokenize.hpp"

#include <boost/spirit/home/x3.hpp>

namespace advise::detail::text {
namespace {

namespace x3 = boost::spirit::x3;

// Splits English contractions so that negations read as words of their own.
void add_word(Tokens& out, std::string_view word, std::uint32_t begin, bool& clause_start) {
    const auto push = [&](std::string w, std::uint32_t b, std::uint32_t e) {
        out.words.push_back({std::move(w), b, e, clause_start});
        clause_start = false;
    };
    const auto end = static_cast<std::uint32_t>(begin + word.size());
    if (word == "but" || word == "however") clause_start = true;
    if (word.size() > 3 && word.ends_with("n't")) {
        std::string stem(word.substr(0, word.size() - 3));
        if (stem == "ca") stem = "can";
        if (stem == "wo") stem = "will";
        push(std::move(stem), begin, end - 3);
        push("not", end - 3, end);
        return;
    }
    for (std::string_view suffix : {"'s", "'ve", "'re", "'m", "'ll", "'d"})
        if (word.size() > suffix.size() && word.ends_with(suffix)) {
            push(std::string(word.substr(0, word.size() - suffix.size())), begin, end - static_cast<std::uint32_t>(suffix.size()));
            return;
        }
    push(std::string(word), begin, end);
}

}  // namespace

Tokens tokenize(std::string_view folded) {
    Tokens out;
    bool clause_start = true;
    const char* const start = folded.data();
    const auto alnum = x3::char_("a-z0-9");
    const auto on_word = [&](auto& ctx) {
        const auto range = x3::_attr(ctx);
        const auto begin = static_cast<std::uint32_t>(&*range.begin() - start);
        add_word(out, std::string_view(&*range.begin(), static_cast<std::size_t>(range.end() - range.begin())), begin,
                 clause_start);
    };
    const auto on_mark = [&](auto& ctx) {
        // A question mark is a word of its own, so a rule set may use "?" as a cue.
        const auto range = x3::_attr(ctx);
        // "Ms. Tran" is one name, not the end of a sentence.
        if (*range.begin() == '.' && !out.words.empty()) {
            const auto& last = out.words.back().word;
            if (last == "mr" || last == "ms" || last == "mrs" || last == "dr" || last == "mx") return;
        }
        if (*range.begin() == '?') {
            const auto at = static_cast<std::uint32_t>(&*range.begin() - start);
            out.words.push_back({"?", at, at + 1, clause_start});
        }
        clause_start = true;
    };
    // An arrow is a word of its own too: "teacher -> AP -> district" is a sequence of contacts.
    const auto on_arrow = [&](auto& ctx) {
        const auto range = x3::_attr(ctx);
        const auto at = static_cast<std::uint32_t>(&*range.begin() - start);
        out.words.push_back({"->", at, at + 2, clause_start});
        clause_start = false;
    };
    const auto arrow = x3::raw[x3::lit("->") | x3::lit("=>")][on_arrow];
    const auto word = x3::raw[+alnum >> *(x3::lit('\'') >> +alnum)][on_word];
    const auto mark = x3::raw[x3::char_(".!?;\n")][on_mark];
    const auto anything = x3::omit[x3::char_];
    auto first = folded.begin();
    x3::parse(first, folded.end(), *(arrow | word | mark | anything));
    return out;
}

}  // namespace advise::detail::text
