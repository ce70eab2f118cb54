#include "text/read.hpp"

#include <algorithm>
#include <cstdint>

#include "text/features.hpp"
#include "text/fold.hpp"
#include "text/stem.hpp"
#include "text/tokenize.hpp"

namespace advise::detail::text {
namespace {

struct Match {
    std::uint32_t phrase = 0;
    std::size_t begin = 0, end = 0;  // token range
    bool negated = false;
};

// How far back a negation reaches: "no one is in danger", "not urgent".
constexpr std::size_t negation_reach = 4;
// How far past a contact a count of times reaches: "emailed his speech therapist twice".
constexpr std::size_t role_reach = 6;
// Words that may stand between two words of a phrase.
constexpr std::size_t max_gap = 1;

// Topics and roles are what the text is about, negated or not ("didn't get extended time");
// everything else a negation switches off ("haven't talked to the teacher", "not urgent").
bool negatable(CueKind kind) {
    switch (kind) {
        case CueKind::topic: case CueKind::role: case CueKind::negation: case CueKind::count: case CueKind::reached_out:
        case CueKind::date: case CueKind::sequence: case CueKind::ends_scope: case CueKind::title:
        case CueKind::not_after: return false;
        default: return true;
    }
}

class Reader {
public:
    Reader(const Lexicon& lexicon, const Names& names, std::string_view text)
        : lexicon_(lexicon), names_(names), text_(text), folded_(fold(text)), tokens_(tokenize(folded_.text)) {}

    TextFacts run() {
        stem_words();
        find_matches();
        mark_negations();
        collect_features();
        rank_topics();
        read_simple_facts();
        read_history();
        return std::move(out_);
    }

private:
    // The words of tokens [begin, end) as the person wrote them.
    std::string words(std::size_t begin, std::size_t end) const {
        const auto from = folded_.origin[tokens_.words[begin].begin];
        const auto to = folded_.origin[tokens_.words[end - 1].end];
        return std::string(text_.substr(from, to - from));
    }
    std::string words(const Match& m) const { return words(m.begin, m.end); }
    const Phrase& phrase(const Match& m) const { return lexicon_.phrase(m.phrase); }

    // Each word as the lexicon knows it: the id of its stem (after a typo fix) and of the word
    // as written, or Lexicon::unknown.
    void stem_words() {
        stems_.reserve(tokens_.words.size());
        exact_.reserve(tokens_.words.size());
        word_hashes_.reserve(tokens_.words.size());
        out_.token_bytes.reserve(tokens_.words.size());
        for (const auto& token : tokens_.words)
            out_.token_bytes.emplace_back(folded_.origin[token.begin], folded_.origin[token.end]);
        for (const auto& token : tokens_.words) {
            const auto s = stem(token.word);
            auto id = lexicon_.stem_id(s);
            word_hashes_.push_back(feature_hash('w', s));
            if (id == Lexicon::unknown) {
                if (auto fixed = lexicon_.correct(token.word, s); !fixed.empty()) {
                    std::string note = token.word;
                    note += " -> ";
                    note += fixed;
                    out_.reading.corrected.push_back(std::move(note));
                    id = lexicon_.stem_id(fixed);
                    word_hashes_.back() = feature_hash('w', fixed);
                }
            }
            stems_.push_back(id);
            exact_.push_back(lexicon_.exact_id(token.word));
        }
    }

    // Where the phrase ends when it matches at `at`, or 0. Between two words of a phrase one
    // other word may stand ("losing (math) skills"), within a clause; exact phrases allow none.
    std::size_t match_end(const Phrase& p, std::size_t at) const {
        std::size_t next = at;
        for (std::size_t k = 0; k < p.words.size(); ++k) {
            const std::size_t reach = k == 0 || p.exact ? 1 : 1 + max_gap;
            bool found = false;
            for (std::size_t skip = 0; skip < reach && next + skip < stems_.size(); ++skip) {
                const auto at_word = next + skip;
                // A phrase never spans a clause ("He stayed in. Half the class..." is not "in
                // half"), and a gap never spans a negation: "is (not) working" is not "is working".
                if (k > 0 && tokens_.words[at_word].clause_start) break;
                if (skip > 0 && lexicon_.negates(exact_[at_word - 1])) break;
                const auto have = p.exact ? exact_[at_word] : stems_[at_word];
                if (have == p.words[k]) {
                    next = at_word + 1;
                    found = true;
                    break;
                }
            }
            if (!found) return 0;
        }
        return next;
    }

    void find_matches() {
        const auto try_phrases = [&](const std::vector<std::uint32_t>& list, std::size_t i) {
            for (auto p : list)
                if (const auto end = match_end(lexicon_.phrase(p), i); end != 0) matches_.push_back({p, i, end, false});
        };
        for (std::size_t i = 0; i < stems_.size(); ++i) {
            if (stems_[i] != Lexicon::unknown) try_phrases(lexicon_.starting_with_stem(stems_[i]), i);
            if (exact_[i] != Lexicon::unknown) try_phrases(lexicon_.starting_with_exact(exact_[i]), i);
        }
    }

    // The learned reader's features (text/features.hpp): each stemmed word (typos read as the
    // word they are one letter from), each pair of words in a clause, and every phrase of the
    // rule set that matched, negated or not. Letter groups inside words were measured too: no
    // better under cross-validation, and four times the features.
    void collect_features() {
        auto& out = out_.features;
        const auto count = static_cast<std::uint32_t>(tokens_.words.size());
        out.reserve(count * 2 + matches_.size());
        for (std::uint32_t i = 0; i < count; ++i) {
            out.push_back({word_hashes_[i], i, i + 1});
            if (i > 0 && !tokens_.words[i].clause_start) out.push_back({feature_hash('b', word_hashes_[i - 1], word_hashes_[i]), i - 1, i + 1});
        }
        for (const auto& m : matches_) {
            const auto& p = phrase(m);
            if (p.kind == CueKind::negation || p.kind == CueKind::count) continue;
            const auto what = (static_cast<std::uint64_t>(p.kind) << 32) | static_cast<std::uint32_t>(p.ref);
            out.push_back({feature_hash(m.negated ? 'q' : 'p', what, 0), static_cast<std::uint32_t>(m.begin),
                           static_cast<std::uint32_t>(m.end), true});
        }
    }

    // True when no clause starts in (from, to]: the two positions share a clause.
    bool same_clause(std::size_t from, std::size_t to) const {
        for (std::size_t k = from + 1; k <= to && k < tokens_.words.size(); ++k)
            if (tokens_.words[k].clause_start) return false;
        return true;
    }

    // Which negations switch something off, found in one pass so that long texts stay linear:
    // a negation inside a cue of its own ("haven't happened", "no one to play with") is part of
    // that cue, not a switch for the words after it.
    std::vector<std::int32_t> active_negations_by_end() const {
        const auto count = tokens_.words.size();
        std::vector<std::size_t> furthest_cue_end(count + 1, 0);  // over cues beginning at or before a token
        for (const auto& m : matches_)
            if (phrase(m).kind != CueKind::negation) furthest_cue_end[m.begin] = std::max(furthest_cue_end[m.begin], m.end);
        for (std::size_t t = 1; t <= count; ++t) furthest_cue_end[t] = std::max(furthest_cue_end[t], furthest_cue_end[t - 1]);
        std::vector<std::int32_t> by_end(count + 1, -1);
        for (std::size_t i = 0; i < matches_.size(); ++i) {
            const auto& n = matches_[i];
            if (phrase(n).kind != CueKind::negation || furthest_cue_end[n.begin] >= n.end) continue;
            if (by_end[n.end] < 0 || matches_[static_cast<std::size_t>(by_end[n.end])].begin < n.begin)
                by_end[n.end] = static_cast<std::int32_t>(i);
        }
        return by_end;
    }

    void mark_negations() {
        const auto by_end = active_negations_by_end();
        for (auto& m : matches_) {
            if (!negatable(phrase(m).kind)) continue;
            // The nearest negation ending within reach before the cue, in the same clause.
            for (std::size_t back = 0; back <= negation_reach && back <= m.begin; ++back) {
                const auto found = by_end[m.begin - back];
                if (found < 0) continue;
                const auto& n = matches_[static_cast<std::size_t>(found)];
                if (!same_clause(n.begin, m.begin)) break;
                m.negated = true;
                auto said = words(n.begin, m.end);
                auto& ignored = out_.reading.ignored;
                if (std::find(ignored.begin(), ignored.end(), said) == ignored.end()) ignored.push_back(std::move(said));
                break;
            }
        }
    }

    // The phrases of one kind that count: longest first, none overlapping another already
    // counted, so "bus" inside "school bus" is one mention, and "speech" inside "speech to
    // text" is none of speech therapy.
    std::vector<const Match*> mentions(CueKind kind) const {
        std::vector<const Match*> candidates;
        for (const auto& m : matches_)
            if (phrase(m).kind == kind && !m.negated) candidates.push_back(&m);
        // Longest phrase first; among equals the one with no word between its words ("sped
        // teacher" before "his [sped] teacher").
        std::stable_sort(candidates.begin(), candidates.end(), [&](const Match* a, const Match* b) {
            if (phrase(*a).words.size() != phrase(*b).words.size()) return phrase(*a).words.size() > phrase(*b).words.size();
            return a->end - a->begin < b->end - b->begin;
        });
        std::vector<const Match*> kept;
        std::vector<bool> taken(tokens_.words.size(), false);
        for (const auto* m : candidates) {
            if (std::any_of(taken.begin() + static_cast<std::ptrdiff_t>(m->begin), taken.begin() + static_cast<std::ptrdiff_t>(m->end),
                            [](bool t) { return t; }))
                continue;
            std::fill(taken.begin() + static_cast<std::ptrdiff_t>(m->begin), taken.begin() + static_cast<std::ptrdiff_t>(m->end), true);
            kept.push_back(m);
        }
        return kept;
    }

    void rank_topics() {
        // Only the topics the text mentions: a rule set of 100,000 topics reads as fast as one of ten.
        std::vector<TopicScore> scores;
        std::vector<bool> named(names_.roles.size(), false);
        for (const auto& m : matches_)
            if (phrase(m).kind == CueKind::role) named[static_cast<std::size_t>(phrase(m).ref)] = true;
        for (const auto* m : mentions(CueKind::topic)) {
            const auto topic = phrase(*m).ref;
            auto it = std::find_if(scores.begin(), scores.end(), [&](const TopicScore& s) { return s.topic == topic; });
            if (it == scores.end()) it = scores.insert(scores.end(), TopicScore{topic, 0, {}});
            auto& s = *it;
            const int points = phrase(*m).weight;
            // The strongest phrase is the evidence shown for the topic.
            if (s.words.empty() || points > s.score) s.words = words(*m);
            s.topic = phrase(*m).ref;
            s.score += points;
        }
        // A fallback topic ("a day-to-day concern") counts only when no other topic was named.
        const bool specific = std::any_of(scores.begin(), scores.end(), [&](const TopicScore& s) {
            return s.score > 0 && !names_.fallback_topics[static_cast<std::size_t>(s.topic)];
        });
        // In topic order, so that equal scores keep the order of the rule file.
        std::sort(scores.begin(), scores.end(), [](const TopicScore& a, const TopicScore& b) { return a.topic < b.topic; });
        for (auto& s : scores) {
            if (s.score == 0 || (specific && names_.fallback_topics[static_cast<std::size_t>(s.topic)])) continue;
            // Naming the person ("for the counselor") tips a close call toward their topics.
            if (named[static_cast<std::size_t>(names_.topic_roles[static_cast<std::size_t>(s.topic)])]) s.score += 1;
            out_.ranked.push_back(std::move(s));
        }
        std::stable_sort(out_.ranked.begin(), out_.ranked.end(),
                         [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
        for (const auto* m : mentions(CueKind::decisive_topic))
            if (std::none_of(out_.decisive.begin(), out_.decisive.end(), [&](const TopicScore& d) { return d.topic == phrase(*m).ref; }))
                out_.decisive.push_back({phrase(*m).ref, phrase(*m).weight, words(*m)});
    }

    // The best-scoring id among the mentions of `kind` that no negation turned off; among
    // equals, the one with the longest phrase.
    const Match* best_of(CueKind kind) const {
        const Match* best = nullptr;
        std::vector<int> score;
        const auto score_of = [&](const Match* m) { return score[static_cast<std::size_t>(phrase(*m).ref)]; };
        const auto found = mentions(kind);
        for (const auto* m : found) {
            const auto ref = static_cast<std::size_t>(phrase(*m).ref);
            if (score.size() <= ref) score.resize(ref + 1, 0);
            score[ref] += phrase(*m).weight;
        }
        for (const auto* m : found)
            if (!best || score_of(m) > score_of(best) ||
                (score_of(m) == score_of(best) && phrase(*m).weight > phrase(*best).weight))
                best = m;
        return best;
    }

    const Match* first_of(CueKind kind) const {
        for (const auto& m : matches_)
            if (phrase(m).kind == kind && !m.negated) return &m;
        return nullptr;
    }

    void note(std::string fact, std::string value, std::string words) {
        out_.reading.evidence.push_back({std::move(fact), std::move(value), {}, std::move(words)});
    }

    void read_simple_facts() {
        auto& s = out_.reading.situation;
        if (const auto* m = best_of(CueKind::message_type)) {
            s.message_type = names_.message_types[phrase(*m).ref];
            note("message_type", s.message_type, words(*m));
        }
        if (const auto* m = best_of(CueKind::stakes)) {
            s.stakes = names_.stakes[phrase(*m).ref];
            note("stakes", s.stakes, words(*m));
        }
        if (const auto* m = first_of(CueKind::compliance)) {
            s.compliance = true;
            note("compliance", "true", words(*m));
        }
        std::vector<bool> seen(names_.flags.size(), false);
        for (const auto& m : matches_) {
            if (phrase(m).kind != CueKind::flag || m.negated || seen[static_cast<std::size_t>(phrase(m).ref)]) continue;
            seen[static_cast<std::size_t>(phrase(m).ref)] = true;
            s.flags.push_back(names_.flags[phrase(m).ref]);
            note("flag", s.flags.back(), words(m));
        }
    }

    void raise_with(std::int32_t role, const std::string& evidence) {
        auto& raised = out_.reading.situation.raised_with;
        const auto& id = names_.roles[role];
        if (std::find(raised.begin(), raised.end(), id) != raised.end()) return;
        raised.push_back(id);
        note("raised_with", id, evidence);
    }

    // Whom it was raised with, read in scopes as ConText reads clinical notes: a contact reaches
    // forward to every role it names ("emailed his teacher, the counselor and the AP"; "a
    // sit-down with the AP"), a date opening a clause to the roles right after it ("Oct: the
    // principal"), an answer reaches back ("the case manager and the AP both stopped answering"),
    // an arrow joins the roles on either side ("teacher -> AP -> district"). A scope ends at a
    // sentence's end, at a word that ends scopes ("should I email the principal?") and where the
    // next contact begins; staff reaching out ("his teacher called me") is no contact at all.
    void read_history() {
        auto& s = out_.reading.situation;
        const auto n = tokens_.words.size();
        const auto& scopes = lexicon_.scopes;
        std::vector<std::vector<const Match*>> roles_beginning(n + 1), roles_ending(n + 1), counts_beginning(n + 1);
        std::vector<bool> ends_scope(n + 1, false), reached_out(n + 1, false), contact_at(n + 1, false), title_at(n + 1, false),
            other_subject(n + 1, false);
        for (const auto& m : matches_) {
            if (phrase(m).kind == CueKind::title) title_at[m.begin] = true;
            if (phrase(m).kind == CueKind::not_after) other_subject[m.end] = true;
            if (phrase(m).kind == CueKind::negation) ends_scope[m.begin] = true;  // "never talked to his teacher"
        }
        const auto roles = mentions(CueKind::role);
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const auto* m = roles[i];
            // "Mrs. Ruiz, his sped teacher": a title with a role word close after is that role.
            const bool named_after = title_at[m->begin] && std::any_of(roles.begin(), roles.end(), [&](const Match* other) {
                return other->begin > m->begin && other->begin <= m->end + 3 && same_clause(m->begin, other->begin);
            });
            if (named_after) continue;
            roles_beginning[m->begin].push_back(m);
            roles_ending[m->end].push_back(m);
        }
        // A contact right after a role or a pronoun is someone else's ("the sub who called him").
        for (const auto* m : roles) other_subject[m->end] = true;
        for (const auto& m : matches_) {
            switch (phrase(m).kind) {
                case CueKind::count: counts_beginning[m.begin].push_back(&m); break;
                case CueKind::ends_scope: ends_scope[m.begin] = true; break;
                case CueKind::reached_out:
                    for (auto k = m.begin; k < m.end; ++k) reached_out[k] = true;
                    break;
                case CueKind::contacted:
                case CueKind::contact_noun:
                    if (!m.negated) contact_at[m.begin] = true;
                    break;
                default: break;
            }
        }
        int attempts = 0, contacts = 0;
        std::string attempts_words;
        const Match* unnamed = nullptr;          // a contact or answer that names no one
        const Match* unnamed_contact = nullptr;  // a contact verb alone: "I emailed her"
        std::vector<const Match*> found;
        std::size_t last_forward = SIZE_MAX;
        for (const auto& c : matches_) {
            const auto kind = phrase(c).kind;
            if (c.negated) continue;
            const bool dated = kind == CueKind::date && tokens_.words[c.begin].clause_start;
            const bool forward = kind == CueKind::contacted || kind == CueKind::contact_noun || dated;
            const bool backward = kind == CueKind::answered || kind == CueKind::resolved;
            const bool sequence = kind == CueKind::sequence;
            if (!forward && !backward && !sequence) continue;
            if (forward && (reached_out[c.begin] || (!dated && other_subject[c.begin]))) continue;
            // Phrases that are one after stemming ("email to", "emails to") are one contact.
            if (forward && c.begin == last_forward) continue;
            if (forward) last_forward = c.begin;
            found.clear();
            if (forward) {
                const std::size_t reach = dated ? 3 : scopes.forward;
                for (std::size_t k = c.end; k < n && k < c.end + reach; ++k) {
                    if (tokens_.words[k].clause_start || ends_scope[k] || (k > c.end && contact_at[k])) break;
                    found.insert(found.end(), roles_beginning[k].begin(), roles_beginning[k].end());
                }
            } else if (backward) {
                for (std::size_t back = 0; back <= scopes.backward && back <= c.begin; ++back) {
                    for (const auto* r : roles_ending[c.begin - back])
                        if (same_clause(r->begin, c.begin)) found.push_back(r);
                    if (c.begin - back < n && tokens_.words[c.begin - back].clause_start && back > 0) break;
                }
            } else {
                for (std::size_t d = 0; d <= 1; ++d) {
                    if (d <= c.begin) found.insert(found.end(), roles_ending[c.begin - d].begin(), roles_ending[c.begin - d].end());
                    if (c.end + d <= n) found.insert(found.end(), roles_beginning[c.end + d].begin(), roles_beginning[c.end + d].end());
                }
            }
            bool counted = false;
            for (std::size_t d = 0; d <= role_reach + 2 && c.end + d <= n; ++d)
                for (const auto* count : counts_beginning[c.end + d]) {
                    counted = true;
                    if (phrase(*count).ref > attempts) {
                        attempts = phrase(*count).ref;
                        attempts_words = words(c.begin, count->end);
                    }
                }
            if (!found.empty()) {
                for (const auto* r : found) {
                    raise_with(phrase(*r).ref, words(std::min(c.begin, r->begin), std::max(c.end, r->end)));
                    if (!backward) ++contacts;
                }
            } else if (kind == CueKind::resolved || dated || sequence) {
                continue;  // "it got sorted" says nothing of whom it was raised with
            } else if (kind == CueKind::answered || counted) {
                // "No answer for two weeks", "emailed twice": raised with someone not named.
                unnamed = unnamed ? unnamed : &c;
            } else if (kind == CueKind::contacted) {
                unnamed_contact = unnamed_contact ? unnamed_contact : &c;
            }
            attempts = std::max(attempts, 1);
        }
        if (contacts > attempts) {
            attempts = contacts;
            attempts_words = std::to_string(contacts);
            attempts_words += " contacts named";
        }
        // "I emailed her and nothing changed", "after I emailed her it got sorted": a contact
        // without a name counts when the text says how it turned out.
        if (!unnamed && unnamed_contact && (first_of(CueKind::unresolved) || first_of(CueKind::resolved)))
            unnamed = unnamed_contact;
        if (unnamed && s.raised_with.empty()) {
            out_.raised_with_unnamed = true;
            out_.unnamed_words = words(*unnamed);
        } else if (unnamed_contact && s.raised_with.empty()) {
            out_.unnamed_contact_words = words(*unnamed_contact);
        }
        if (attempts > 1) {
            s.attempts = attempts;
            note("attempts", std::to_string(attempts), attempts_words);
        }
        const Match* unresolved = first_of(CueKind::unresolved);
        const Match* answered = first_of(CueKind::answered);
        const Match* resolved = first_of(CueKind::resolved);
        const Match* pending = first_of(CueKind::pending);
        if (pending && !unresolved && !answered && !resolved) out_.pending_words = words(*pending);
        if (unresolved || answered) {
            s.resolved = Resolved::no;
            note("resolved", "false", words(unresolved ? *unresolved : *answered));
        } else if (resolved) {
            s.resolved = Resolved::yes;
            note("resolved", "true", words(*resolved));
        }
    }

    const Lexicon& lexicon_;
    const Names& names_;
    std::string_view text_;
    Folded folded_;
    Tokens tokens_;
    std::vector<std::uint32_t> stems_, exact_;
    std::vector<std::uint64_t> word_hashes_;
    std::vector<Match> matches_;
    TextFacts out_;
};

}  // namespace

TextFacts read(const Lexicon& lexicon, const Names& names, std::string_view text) {
    return Reader(lexicon, names, text).run();
}

}  // namespace advise::detail::text
