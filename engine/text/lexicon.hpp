// The rule set's phrases and cues, compiled for reading free text: every word interned as a
// small integer, phrases indexed by their first word, and a typo index over the vocabulary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/bytes.hpp"
#include "model/id_table.hpp"

namespace advise::detail::text {

enum class CueKind : std::uint8_t {
    topic, message_type, stakes, flag, role,           // `ref` is the id's index
    compliance, contacted, answered, unresolved, resolved, negation, count,  // reader cues
    contact_noun, reached_out, date, sequence, ends_scope, title, not_after,  // the scopes of a history (read.cpp)
    pending,  // an outcome not due yet
    decisive_topic  // a phrase that decides the topic on its own, whatever the models say
};

// How far the cues of a history reach to the roles they name, in words.
struct Scopes {
    std::uint32_t forward = 14;  // from a contact: "emailed his teacher, the counselor and the AP"
    std::uint32_t backward = 8;  // from an answer: "the case manager and the AP both stopped answering"
};
template <typename F> void fields(Scopes& s, F&& f) { f(s.forward), f(s.backward); }

struct Phrase {
    std::vector<std::uint32_t> words;  // word ids: of stems, or of words as written when `exact`
    CueKind kind = CueKind::topic;
    std::int32_t ref = -1;             // id index, or the number for CueKind::count
    bool exact = false;                // matched as written: "emailed" is not "email"
    int weight = 0;                    // two points a word; "?" one
};
template <typename F> void fields(Phrase& p, F&& f) { f(p.words), f(p.kind), f(p.ref), f(p.exact), f(p.weight); }

class Lexicon {
public:
    static constexpr std::uint32_t unknown = UINT32_MAX;

    // Returns false (and adds nothing) when the phrase has no words.
    bool add(std::string_view phrase, CueKind kind, std::int32_t ref, bool exact = false);
    void finish();  // builds the typo index; call once after the last add()

    // Word ids, or `unknown`: of a stem, and of a word as written (for exact phrases).
    std::uint32_t stem_id(std::string_view stem) const { return find(stems_, stem); }
    std::uint32_t exact_id(std::string_view word) const { return find(exact_words_, word); }
    const std::vector<std::uint32_t>& starting_with_stem(std::uint32_t id) const { return by_first_stem_[id]; }
    const std::vector<std::uint32_t>& starting_with_exact(std::uint32_t id) const { return by_first_exact_[id]; }
    const Phrase& phrase(std::uint32_t i) const { return phrases_[i]; }
    // Whether the word on its own is a negation cue ("not", "never").
    bool negates(std::uint32_t exact_word) const { return exact_word != unknown && negation_[exact_word]; }
    // The known stem one typo away from `stem` (two for long words), or "". `word` is the word
    // as written, which decides whether it may be corrected at all.
    std::string correct(std::string_view word, std::string_view stem) const;
    // A real word close to a cue, never to be read as a typo of it.
    void never_correct(std::string_view word);
    std::size_t size() const { return phrases_.size(); }
    Scopes scopes;

    // The compiled lexicon as bytes, and back (model/snapshot.hpp).
    void save(ByteWriter& w) const;
    void restore(ByteReader& r);

    // The words a phrase is matched by: stems, or the words as written for an exact phrase
    // ("=grades", or `exact`). Empty when the phrase has no words.
    static std::vector<std::string> normalize(std::string_view phrase, bool& exact);

private:
    // Every member a snapshot holds, for save() and restore() alike (the typo bits are derived).
    template <typename F> void fields(F& f) {
        f(phrases_), f(stems_), f(exact_words_), f(by_first_stem_), f(by_first_exact_), f(negation_), f(never_corrected_),
            f(words_), f(deletions_), f(scopes);
    }

    static std::uint32_t find(const IdTable& ids, std::string_view word) {
        const auto id = ids.find(word);
        return id == IdTable::none ? unknown : static_cast<std::uint32_t>(id);
    }
    std::uint32_t intern(IdTable& ids, std::vector<std::vector<std::uint32_t>>& by_first, const std::string& word);

    std::vector<Phrase> phrases_;
    IdTable stems_, exact_words_;                                            // word -> word id
    std::vector<std::vector<std::uint32_t>> by_first_stem_, by_first_exact_;  // word id -> phrases
    std::vector<bool> negation_;                                             // by exact word id
    IdTable never_corrected_;

    template <typename F> void for_each_deletion(std::string_view word, F&& f) const;
    std::vector<std::string> words_;  // the stems, for the typo index
    // (hash of a known stem minus one letter, index in words_), sorted: the typo index.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions_;
    // One bit per low 16 bits of those hashes: most deletions of a word that is no typo of a
    // known stem are ruled out here, without a search of the index. Rebuilt, never saved.
    std::vector<std::uint64_t> deletion_bits_;
    void mark_deletions();
    bool may_have_deletion(std::uint64_t hash) const {
        return !deletion_bits_.empty() && ((deletion_bits_[(hash >> 6) & 1023] >> (hash & 63)) & 1U);
    }
};

}  // namespace advise::detail::text
