// A light English stemmer: "requested", "requesting", "requests" all read as "request".
#pragma once

#include <string>
#include <string_view>

namespace advise::detail::text {

// Used on the rule set's phrases and on the user's words alike, so both meet in the middle.
std::string stem(std::string_view word);

}  // namespace advise::detail::text
