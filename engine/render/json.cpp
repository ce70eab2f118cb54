// Advice as the JSON of the contract.
#include <nlohmann/json.hpp>

#include "advise/render.hpp"
#include "render/short_answer.hpp"

namespace advise {
namespace {

using Json = nlohmann::ordered_json;

Json reasons_json(const std::vector<Reason>& reasons) {
    auto list = Json::array();
    for (const auto& r : reasons) list.push_back({{"rule", r.rule}, {"text", r.text}, {"source", r.source}});
    return list;
}

Json evidence_json(const std::vector<Evidence>& evidence) {
    auto list = Json::array();
    for (const auto& e : evidence) {
        Json item = {{"fact", e.fact}, {"value", e.value}};
        if (!e.label.empty()) item["label"] = e.label;
        item["words"] = e.words;
        if (e.learned) item["learned"] = true;  // the words that weighed most in a model's choice
        list.push_back(std::move(item));
    }
    return list;
}

// Close second readings of a text that change the answer.
Json alternatives_json(const std::vector<AlternativeAdvice>& alternatives) {
    auto list = Json::array();
    for (const auto& a : alternatives)
        list.push_back({{"topic", a.topic}, {"contact", a.contact.id}, {"channel", a.channel}, {"escalate", a.escalate}});
    return list;
}

// true, false or "unknown", as the contract writes it.
// A role as the contract gives it, with the person when the rule set's contacts name one.
Json role_json(const RoleRef& r) {
    Json j = {{"role", r.id}, {"title", r.title}};
    if (!r.called.empty()) j["called"] = r.called;
    if (!r.name.empty()) j["name"] = r.name;
    if (!r.email.empty()) j["email"] = r.email;
    if (!r.phone.empty()) j["phone"] = r.phone;
    return j;
}

Json resolved_json(Resolved resolved) {
    if (resolved == Resolved::unknown) return "unknown";
    return resolved == Resolved::yes;
}

std::string dump(const Json& j, int indent) {
    // Invalid UTF-8 from a rule file is replaced rather than thrown on.
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string to_json(const Advice& a, int indent) {
    Json channel = {{"id", a.channel.id}, {"label", a.channel.label}, {"why", a.channel.why}};
    if (!a.channel.then.empty()) channel["then"] = a.channel.then;
    const auto& u = a.understood;
    Json understood = {{"topic", u.topic},           {"message_type", u.message_type}, {"stakes", u.stakes},
                       {"compliance", u.compliance}, {"raised_with", u.raised_with},   {"attempts", u.attempts},
                       {"resolved", resolved_json(u.resolved)},     {"flags", u.flags}};
    if (!u.from.empty() || !u.ignored.empty() || !u.corrected.empty()) {
        understood["from"] = evidence_json(u.from);
        understood["ignored"] = u.ignored;
        understood["corrected"] = u.corrected;
    }
    auto next_ids = Json::array(), next = Json::array();
    for (const auto& role : a.next_if_unresolved) {
        next_ids.push_back(role.id);
        next.push_back(role_json(role));
    }
    const Json j = {
        {"contact", role_json(a.contact)},
        {"channel", channel},
        {"escalate", a.escalate},
        {"next_if_unresolved", next_ids},
        {"next", next},  // the same roles with their titles (and people)
        {"closest", role_json(a.closest)},
        {"decided_by", a.decided_by},
        {"answer", detail::short_answer(a)},  // the short answer's lines, unwrapped
        {"reasons", reasons_json(a.reasons)},
        {"warnings", reasons_json(a.warnings)},
        {"notes", reasons_json(a.notes)},
        {"alternatives", alternatives_json(a.alternatives)},
        {"understood", understood},
    };
    return dump(j, indent);
}

std::string to_json(const Reading& r, int indent) {
    const Json j = {
        {"sure", r.sure},
        {"candidates", r.candidates},
        {"question", r.question},
        {"understood", {{"from", evidence_json(r.evidence)}, {"ignored", r.ignored}, {"corrected", r.corrected}}},
    };
    return dump(j, indent);
}

}  // namespace advise
