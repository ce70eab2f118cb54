// A situation given as JSON: the keys of the contract's `understood`, as apps send them.
#pragma once

#include <string_view>

#include "advise/situation.hpp"

namespace advise::detail {

// {"topic": "...", "message_type": "...", "stakes": "...", "compliance": bool,
//  "raised_with": [...], "resolved": true|false|"unknown", "attempts": N, "flags": [...]};
// every key optional. Throws InputError, saying what is wrong and where, for text that is not
// a JSON object, an unknown key or a value of the wrong kind. Ids are checked by evaluation.
Situation situation_from_json(std::string_view json);

}  // namespace advise::detail
