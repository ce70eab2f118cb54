#include "capi/situation_json.hpp"

#include <nlohmann/json.hpp>

#include <string>

#include "advise/error.hpp"

namespace advise::detail {
namespace {

using Json = nlohmann::json;

[[noreturn]] void wrong(const std::string& key, const char* expected, const Json& found) {
    throw InputError("situation: '" + key + "' must be " + expected + ", found " + found.dump());
}

std::string id(const std::string& key, const Json& value) {
    if (!value.is_string()) wrong(key, "an id (a string)", value);
    return value.get<std::string>();
}

std::vector<std::string> ids(const std::string& key, const Json& value) {
    if (!value.is_array()) wrong(key, "a list of ids", value);
    std::vector<std::string> out;
    for (const Json& item : value) out.push_back(id(key, item));
    return out;
}

Resolved resolved(const Json& value) {
    if (value.is_boolean()) return value.get<bool>() ? Resolved::yes : Resolved::no;
    if (value == "unknown") return Resolved::unknown;
    wrong("resolved", "true, false or \"unknown\"", value);
}

int attempts(const Json& value) {
    if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 1000)
        wrong("attempts", "a whole number from 0 to 1000", value);
    return value.get<int>();
}

}  // namespace

Situation situation_from_json(std::string_view json) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::parse_error& e) {
        // nlohmann's message after its "[json.exception.parse_error.101] " prefix.
        const std::string what = e.what();
        const auto start = what.find("] ");
        throw InputError("situation: not valid JSON: " + (start == std::string::npos ? what : what.substr(start + 2)));
    }
    if (!root.is_object()) throw InputError("situation: expected a JSON object, found " + root.dump());

    Situation s;
    for (const auto& [key, value] : root.items()) {
        if (key == "topic") s.topic = id(key, value);
        else if (key == "message_type") s.message_type = id(key, value);
        else if (key == "stakes") s.stakes = id(key, value);
        else if (key == "compliance") {
            if (!value.is_boolean()) wrong(key, "true or false", value);
            s.compliance = value.get<bool>();
        } else if (key == "raised_with") s.raised_with = ids(key, value);
        else if (key == "resolved") s.resolved = resolved(value);
        else if (key == "attempts") s.attempts = attempts(value);
        else if (key == "flags") s.flags = ids(key, value);
        else
            throw InputError("situation: unknown key '" + key +
                             "' (known: topic, message_type, stakes, compliance, raised_with, resolved, attempts, flags)");
    }
    return s;
}

}  // namespace advise::detail
