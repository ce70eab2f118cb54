#include "text/lexicon.hpp"

#include <algorithm>
#include <stdexcept>

#include "load/suggest.hpp"
#include "text/fold.hpp"
#include "text/stem.hpp"
#include "text/tokenize.hpp"

namespace advise::detail::text {
// Calls f(hash) for the word with each of its letters left out in turn.
template <typename F>
void Lexicon::for_each_deletion(std::string_view word, F&& f) const {
    char buffer[64];
    if (word.size() > sizeof buffer) return;
    for (std::size_t i = 0; i < word.size(); ++i) {
        word.copy(buffer, i);
        word.substr(i + 1).copy(buffer + i, word.size() - i - 1);
        f(std::hash<std::string_view>{}(std::string_view(buffer, word.size() - 1)));
    }
}

namespace {

// Most phrases are plain lower-case words and spaces: split them directly, as tokenize() would.
bool plain(std::string_view phrase) {
    if (phrase == "?") return true;
    return std::all_of(phrase.begin(), phrase.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' '; });
}

std::vector<std::string> words_of(std::string_view phrase) {
    std::vector<std::string> words;
    if (phrase == "?" || phrase == "->") return {std::string(phrase)};  // marks that are words of their own
    if (plain(phrase)) {
        for (std::size_t at = 0; at < phrase.size();) {
            const auto end = std::min(phrase.find(' ', at), phrase.size());
            if (end > at) words.emplace_back(phrase.substr(at, end - at));
            at = end + 1;
        }
        return words;
    }
    for (auto& token : tokenize(fold(phrase).text).words) words.push_back(std::move(token.word));
    return words;
}

}  // namespace

std::vector<std::string> Lexicon::normalize(std::string_view phrase, bool& exact) {
    // "=grades" is matched as written: "grades" without it would also match "5th grade".
    if (phrase.starts_with('=')) {
        phrase.remove_prefix(1);
        exact = true;
    }
    try {
        auto words = words_of(phrase);
        if (!exact)
            for (auto& w : words) w = stem(w);
        return words;
    } catch (const std::exception&) {
        return {};  // empty or unreadable: the caller reports it
    }
}

std::uint32_t Lexicon::intern(IdTable& ids, std::vector<std::vector<std::uint32_t>>& by_first, const std::string& word) {
    if (const auto id = find(ids, word); id != unknown) return id;
    ids.add(word);
    by_first.emplace_back();
    return static_cast<std::uint32_t>(ids.size() - 1);
}

bool Lexicon::add(std::string_view phrase, CueKind kind, std::int32_t ref, bool exact) {
    const auto words = normalize(phrase, exact);
    if (words.empty()) return false;
    Phrase p{{}, kind, ref, exact, 0};
    auto& ids = exact ? exact_words_ : stems_;
    auto& by_first = exact ? by_first_exact_ : by_first_stem_;
    for (const auto& w : words) {
        p.words.push_back(intern(ids, by_first, w));
        p.weight += w == "?" ? 1 : 2;
    }
    if (kind == CueKind::negation && exact && p.words.size() == 1) {
        negation_.resize(exact_words_.size(), false);
        negation_[p.words.front()] = true;
    }
    by_first[p.words.front()].push_back(static_cast<std::uint32_t>(phrases_.size()));
    phrases_.push_back(std::move(p));
    return true;
}

void Lexicon::finish() {
    negation_.resize(exact_words_.size(), false);
    words_.clear();
    deletions_.clear();
    for (const auto& word : stems_.ids()) {
        if (word.size() < 4) continue;  // short words are too easy to mistake for others
        const auto index = static_cast<std::uint32_t>(words_.size());
        words_.push_back(word);
        for_each_deletion(word, [&](std::uint64_t hash) { deletions_.emplace_back(hash, index); });
    }
    std::sort(deletions_.begin(), deletions_.end());
    mark_deletions();
}

void Lexicon::mark_deletions() {
    deletion_bits_.assign(1024, 0);
    for (const auto& [hash, index] : deletions_) deletion_bits_[(hash >> 6) & 1023] |= std::uint64_t{1} << (hash & 63);
}

void Lexicon::never_correct(std::string_view word) { never_corrected_.add(std::string(word)); }

std::string Lexicon::correct(std::string_view word, std::string_view stem) const {
    // Real words near a cue ("brother", "bother") are not typos; nor are short words, which
    // too often are other real words ("might", "fight").
    if (word.size() < 6 || never_corrected_.find(word) != IdTable::none || never_corrected_.find(stem) != IdTable::none) return {};
    const std::size_t limit = stem.size() >= 8 ? 2 : 1;
    std::string best;
    std::size_t best_distance = limit + 1;
    auto consider = [&](std::string_view candidate) {
        if (candidate.front() != stem.front()) return;  // typos seldom change the first letter
        const auto d = edit_distance(stem, candidate, limit);
        if (d < best_distance || (d == best_distance && candidate < best)) {
            best_distance = d;
            best = candidate;
        }
    };
    auto known_with_deletion = [&](std::uint64_t hash) {
        if (!may_have_deletion(hash)) return;
        auto it = std::lower_bound(deletions_.begin(), deletions_.end(), std::pair<std::uint64_t, std::uint32_t>{hash, 0});
        for (; it != deletions_.end() && it->first == hash; ++it) consider(words_[it->second]);
    };
    // A typo is one letter added, dropped, changed or swapped: the word and the known stem then
    // share a one-letter deletion, or one is the other minus a letter. Hashes may collide; the
    // edit distance decides.
    known_with_deletion(std::hash<std::string_view>{}(stem));
    for_each_deletion(stem, [&](std::uint64_t hash) { known_with_deletion(hash); });
    char buffer[64];
    for (std::size_t i = 0; i < stem.size() && stem.size() <= sizeof buffer; ++i) {
        stem.copy(buffer, i);
        stem.substr(i + 1).copy(buffer + i, stem.size() - i - 1);
        if (const std::string_view variant(buffer, stem.size() - 1); stems_.find(variant) != IdTable::none) consider(variant);
    }
    return best;
}

void Lexicon::save(ByteWriter& w) const { const_cast<Lexicon&>(*this).fields(w); }

void Lexicon::restore(ByteReader& r) {
    fields(r);
    mark_deletions();
    // Ids index these tables: a snapshot that disagrees with itself is refused, not trusted.
    const bool consistent = by_first_stem_.size() == stems_.size() && by_first_exact_.size() == exact_words_.size() &&
                            negation_.size() == exact_words_.size();
    if (!consistent) throw std::runtime_error("rule snapshot with an inconsistent lexicon");
}

}  // namespace advise::detail::text
