#include "text/lexicon.hpp"

#include "load/suggest.hpp"
#include "text/fold.hpp"
#include "text/stem.hpp"
#include "text/tokenize.hpp"

namespace advise::detail::text {
namespace {

std::vector<std::string> single_deletions(std::string_view word) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        std::string variant(word.substr(0, i));
        variant += word.substr(i + 1);
        out.push_back(std::move(variant));
    }
    return out;
}

}  // namespace

bool Lexicon::add(std::string_view phrase, CueKind kind, std::int32_t ref, bool exact) {
    Phrase p{{}, kind, ref, exact};
    try {
        for (const auto& token : tokenize(fold(phrase).text).words) p.words.push_back(exact ? token.word : stem(token.word));
    } catch (const std::exception&) {
        return false;  // empty or unreadable: the caller reports it
    }
    if (p.words.empty()) return false;
    const auto key = exact ? exact_key(p.words.front()) : p.words.front();
    by_first_[key].push_back(static_cast<std::uint32_t>(phrases_.size()));
    if (!exact)
        for (const auto& w : p.words) vocabulary_.emplace(w, true);
    phrases_.push_back(std::move(p));
    return true;
}

void Lexicon::finish() {
    deletions_.clear();
    for (const auto& [word, unused] : vocabulary_) {
        if (word.size() < 4) continue;  // short words are too easy to mistake for others
        for (auto& variant : single_deletions(word)) deletions_[std::move(variant)].push_back(word);
    }
}

const std::vector<std::uint32_t>* Lexicon::starting_with(std::string_view key) const {
    const auto it = by_first_.find(std::string(key));
    return it == by_first_.end() ? nullptr : &it->second;
}

std::string Lexicon::correct(std::string_view stem) const {
    if (stem.size() < 4) return {};
    const std::size_t limit = stem.size() >= 8 ? 2 : 1;
    std::string best;
    std::size_t best_distance = limit + 1;
    auto consider = [&](const std::string& candidate) {
        const auto d = edit_distance(stem, candidate, limit);
        if (d < best_distance || (d == best_distance && candidate < best)) {
            best_distance = d;
            best = candidate;
        }
    };
    // A typo is one letter added, dropped, changed or swapped: the word and the known stem
    // then share a one-letter deletion (or one is the other minus a letter).
    if (const auto it = deletions_.find(std::string(stem)); it != deletions_.end())
        for (const auto& word : it->second) consider(word);
    for (const auto& variant : single_deletions(stem)) {
        if (vocabulary_.count(variant)) consider(variant);
        if (const auto it = deletions_.find(variant); it != deletions_.end())
            for (const auto& word : it->second) consider(word);
    }
    return best;
}

}  // namespace advise::detail::text
