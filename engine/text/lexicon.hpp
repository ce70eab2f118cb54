// The rule set's phrases and cues, compiled for reading free text: stemmed, indexed by first
// word, with a typo index over every word they use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace advise::detail::text {

enum class CueKind : std::uint8_t {
    topic, message_type, stakes, flag, role,           // `ref` is the id's index
    compliance, contacted, answered, unresolved, resolved, negation, count  // reader cues
};

struct Phrase {
    std::vector<std::string> words;  // stems; or the words as written when `exact`
    CueKind kind = CueKind::topic;
    std::int32_t ref = -1;           // id index, or the number for CueKind::count
    bool exact = false;              // matched as written: "emailed" is not "email"
};

class Lexicon {
public:
    // Returns false (and adds nothing) when the phrase has no words.
    bool add(std::string_view phrase, CueKind kind, std::int32_t ref, bool exact = false);
    void finish();  // builds the typo index; call once after the last add()

    const std::vector<std::uint32_t>* starting_with(std::string_view key) const;
    const Phrase& phrase(std::uint32_t i) const { return phrases_[i]; }
    bool knows(std::string_view stem) const { return vocabulary_.count(std::string(stem)) != 0; }
    // Whether the word on its own is a negation cue ("not", "never").
    bool negates(std::string_view word) const { return negation_words_.count(std::string(word)) != 0; }
    // The known stem one typo away from `stem` (two for long words), or "". `word` is the word
    // as written, which decides whether it may be corrected at all.
    std::string correct(std::string_view word, std::string_view stem) const;
    // A real word close to a cue, never to be read as a typo of it.
    void never_correct(std::string_view word);
    std::size_t size() const { return phrases_.size(); }

    // The words a phrase is matched by: stems, or the words as written for an exact phrase
    // ("=grades", or `exact`). Empty when the phrase has no words.
    static std::vector<std::string> normalize(std::string_view phrase, bool& exact);

    // Index keys: stems as they are, exact words marked so the two never mix.
    static std::string exact_key(std::string_view word) {
        std::string key(1, '=');
        key += word;
        return key;
    }

private:
    std::vector<Phrase> phrases_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_first_;
    std::unordered_map<std::string, bool> vocabulary_;
    std::unordered_map<std::string, bool> never_corrected_;
    std::unordered_map<std::string, bool> negation_words_;

    template <typename F> void for_each_deletion(std::string_view word, F&& f) const;
    std::vector<std::string> words_;  // the vocabulary, for the typo index
    // (hash of a known word minus one letter, index in words_), sorted: the typo index.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions_;
};

}  // namespace advise::detail::text
