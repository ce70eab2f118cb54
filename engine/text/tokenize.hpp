// Folded text -> words, with where each came from and where clauses start.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace advise::detail::text {

struct Token {
    std::string word;            // as written (folded), contractions split: "didn't" -> "did", "not"
    std::uint32_t begin = 0;     // byte range in the folded text
    std::uint32_t end = 0;
    bool clause_start = false;   // first word after . ! ? ; or "but"
};

struct Tokens {
    std::vector<Token> words;    // words, and "?" and "->" as words: the marks that carry meaning
};

Tokens tokenize(std::string_view folded);

}  // namespace advise::detail::text
