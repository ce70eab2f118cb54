#include "model/snapshot.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace advise::detail {
namespace {

constexpr std::uint32_t snapshot_version = 5;

// Each struct lists its fields once; saving and restoring both walk that list.
template <typename F> void fields(Located& l, F&& f) { f(l.value), f(l.pos.line), f(l.pos.column), f(l.pos.offset), f(l.key); }
template <typename F> void fields(RoleDef& r, F&& f) {
    f(r.id), f(r.title), f(r.does), f(r.contact_when), f(r.escalates_to), f(r.source), f(r.phrases);
}
template <typename F> void fields(ChannelDef& c, F&& f) { f(c.id), f(c.label), f(c.why), f(c.source); }
template <typename F> void fields(MessageTypeDef& m, F&& f) {
    f(m.id), f(m.label), f(m.channel), f(m.note), f(m.source), f(m.phrases);
}
template <typename F> void fields(TermDef& t, F&& f) { f(t.id), f(t.label), f(t.source), f(t.phrases); }
template <typename F> void fields(TopicDef& t, F&& f) {
    f(t.id), f(t.label), f(t.role), f(t.why), f(t.source), f(t.usual_type), f(t.fallback), f(t.phrases), f(t.examples);
}
template <typename F> void fields(RuleDef& r, F&& f) {
    f(r.id), f(r.when), f(r.to), f(r.channel), f(r.then), f(r.text), f(r.source), f(r.over);
}
template <typename F> void fields(ReaderDef& r, F&& f) {
    f(r.compliance), f(r.contacted), f(r.answered), f(r.unresolved), f(r.resolved), f(r.negations), f(r.not_typos), f(r.counts);
}
template <typename F> void fields(RuleModel& m, F&& f) {
    f(m.file), f(m.name), f(m.default_topic), f(m.default_message_type), f(m.default_stakes), f(m.roles), f(m.channels),
        f(m.message_types), f(m.stakes), f(m.flags), f(m.topics), f(m.escalation), f(m.stay), f(m.warnings), f(m.reader);
}

struct Writer {
    std::string out;
    void operator()(std::uint64_t n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); }
    void operator()(const std::string& s) {
        (*this)(static_cast<std::uint64_t>(s.size()));
        out += s;
    }
    template <typename A, typename B> void operator()(std::pair<A, B>& p) { (*this)(p.first), (*this)(p.second); }
    template <typename T> void operator()(std::vector<T>& list) {
        (*this)(static_cast<std::uint64_t>(list.size()));
        for (auto& item : list) (*this)(item);
    }
    template <typename T> requires requires(T& t) { fields(t, std::declval<Writer&>()); }
    void operator()(T& item) { fields(item, *this); }
};

struct Reader {
    std::string_view in;
    std::uint64_t number() {
        std::uint64_t n = 0;
        if (in.size() < sizeof n) throw std::runtime_error("truncated rule snapshot");
        std::memcpy(&n, in.data(), sizeof n);
        in.remove_prefix(sizeof n);
        return n;
    }
    void operator()(std::size_t& n) { n = number(); }
    void operator()(std::string& s) {
        const auto size = number();
        if (in.size() < size) throw std::runtime_error("truncated rule snapshot");
        s.assign(in.substr(0, size));
        in.remove_prefix(size);
    }
    template <typename A, typename B> void operator()(std::pair<A, B>& p) { (*this)(p.first), (*this)(p.second); }
    template <typename T> void operator()(std::vector<T>& list) {
        const auto size = number();
        if (size > in.size()) throw std::runtime_error("truncated rule snapshot");
        list.resize(size);
        for (auto& item : list) (*this)(item);
    }
    template <typename T> requires requires(T& t) { fields(t, std::declval<Reader&>()); }
    void operator()(T& item) { fields(item, *this); }
};

}  // namespace

std::string save_snapshot(const RuleModel& model) {
    RuleModel copy = model;
    copy.text.clear();  // only needed to place errors, and a snapshot is of rules that load
    Writer w;
    w(static_cast<std::uint64_t>(snapshot_version));
    w(copy);
    return std::move(w.out);
}

RuleModel restore_snapshot(std::string_view bytes) {
    Reader r{bytes};
    if (r.number() != snapshot_version) throw std::runtime_error("rule snapshot of another version");
    RuleModel model;
    r(model);
    model.readable = true;
    return model;
}

}  // namespace advise::detail
