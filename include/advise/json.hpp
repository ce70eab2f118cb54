// Advice as an nlohmann::json value: `nlohmann::json j = advice;` gives the contract's JSON
// (the same as advise::to_json(advice)). Include it only where nlohmann-json is at hand.
#pragma once

#include <nlohmann/json.hpp>

#include "advise/render.hpp"

namespace advise {

// Found by nlohmann::json through argument-dependent lookup.
inline void to_json(nlohmann::json& j, const Advice& advice) { j = nlohmann::json::parse(to_json(advice, -1)); }

}  // namespace advise
