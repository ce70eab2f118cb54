#include "model/snapshot.hpp"

#include <cstdint>
#include <stdexcept>

#include "model/bytes.hpp"

namespace advise::detail {

constexpr std::uint32_t snapshot_version = 9;

// Beside the types they list (not in an unnamed namespace), so that ByteWriter and ByteReader
// find them by argument-dependent lookup.

// Each struct lists its fields once; saving and restoring both walk that list.
template <typename F> void fields(Located& l, F&& f) { f(l.value), f(l.pos.line), f(l.pos.column), f(l.pos.offset), f(l.key); }
template <typename F> void fields(RoleDef& r, F&& f) {
    f(r.id), f(r.title), f(r.does), f(r.contact_when), f(r.escalates_to), f(r.source), f(r.called), f(r.phrases);
}
template <typename F> void fields(ChannelDef& c, F&& f) { f(c.id), f(c.label), f(c.why), f(c.source), f(c.say), f(c.because); }
template <typename F> void fields(MessageTypeDef& m, F&& f) {
    f(m.id), f(m.label), f(m.channel), f(m.note), f(m.source), f(m.after), f(m.phrases);
}
template <typename F> void fields(TermDef& t, F&& f) { f(t.id), f(t.label), f(t.source), f(t.phrases); }
template <typename F> void fields(TopicDef& t, F&& f) {
    f(t.id), f(t.label), f(t.role), f(t.why), f(t.source), f(t.usual_type), f(t.fallback), f(t.named_only), f(t.called), f(t.phrases), f(t.decisive), f(t.examples);
}
template <typename F> void fields(RuleDef& r, F&& f) {
    f(r.id), f(r.when), f(r.to), f(r.channel), f(r.then), f(r.text), f(r.source), f(r.over), f(r.up_to),
        f(r.even_below_closest), f(r.short_text), f(r.after);
}
template <typename F> void fields(AnswerDef& a, F&& f) {
    f(a.after), f(a.not_over_head), f(a.escalate_yes), f(a.escalate_no), f(a.escalate_no_raised), f(a.alternative);
}
template <typename F> void fields(ContactDef& c, F&& f) { f(c.role), f(c.school), f(c.name), f(c.email), f(c.phone); }
template <typename F> void fields(ReaderDef& r, F&& f) {
    f(r.compliance), f(r.contacted), f(r.answered), f(r.unresolved), f(r.resolved), f(r.pending), f(r.negations), f(r.not_typos), f(r.counts), f(r.learning_c),
        f(r.learning_min_count), f(r.learning_close), f(r.learning_phrases), f(r.contact_nouns),
        f(r.reached_out), f(r.dates), f(r.sequence), f(r.ends_scope), f(r.titles), f(r.not_after), f(r.scope_forward), f(r.scope_backward);
}
template <typename F> void fields(RuleModel& m, F&& f) {
    f(m.file), f(m.name), f(m.default_topic), f(m.default_message_type), f(m.default_stakes), f(m.roles), f(m.channels),
        f(m.message_types), f(m.stakes), f(m.flags), f(m.topics), f(m.escalation), f(m.stay), f(m.warnings), f(m.notes),
        f(m.ladder_source), f(m.answer), f(m.contacts), f(m.example_files), f(m.example_paths), f(m.reader);
}

std::string save_snapshot(const RuleModel& model, const text::Lexicon& lexicon, const text::ReaderModels& models) {
    RuleModel copy = model;
    copy.text.clear();  // only needed to place errors, and a snapshot is of rules that load
    copy.examples.clear();  // learned already: the models below hold what they taught
    ByteWriter w;
    w(snapshot_version);
    w(copy);
    lexicon.save(w);
    models.save(w);
    return std::move(w.out);
}

Snapshot restore_snapshot(std::string_view bytes) {
    ByteReader r{bytes};
    if (r.number() != snapshot_version) throw std::runtime_error("rule snapshot of another version");
    Snapshot snapshot;
    r(snapshot.model);
    snapshot.model.readable = true;
    snapshot.lexicon.restore(r);
    snapshot.models.restore(r);
    return snapshot;
}

}  // namespace advise::detail
