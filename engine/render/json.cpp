// Advice as the JSON of the contract.
#include <nlohmann/json.hpp>

#include "advise/render.hpp"

namespace advise {
namespace {

nlohmann::ordered_json reasons_json(const std::vector<Reason>& reasons) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& r : reasons) list.push_back({{"rule", r.rule}, {"text", r.text}, {"source", r.source}});
    return list;
}

}  // namespace

std::string to_json(const Advice& a, int indent) {
    nlohmann::ordered_json channel = {{"id", a.channel.id}, {"label", a.channel.label}, {"why", a.channel.why}};
    if (!a.channel.then.empty()) channel["then"] = a.channel.then;
    const auto& u = a.understood;
    nlohmann::ordered_json j = {
        {"contact", {{"role", a.contact.id}, {"title", a.contact.title}}},
        {"channel", channel},
        {"escalate", a.escalate},
        {"next_if_unresolved", a.next_if_unresolved},
        {"closest", {{"role", a.closest.id}, {"title", a.closest.title}}},
        {"reasons", reasons_json(a.reasons)},
        {"warnings", reasons_json(a.warnings)},
        {"understood",
         {{"topic", u.topic},
          {"message_type", u.message_type},
          {"stakes", u.stakes},
          {"compliance", u.compliance},
          {"raised_with", u.raised_with},
          {"attempts", u.attempts},
          {"resolved", u.resolved},
          {"flags", u.flags}}},
    };
    // Invalid UTF-8 from a rule file is replaced rather than thrown on.
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace advise
