// The short answer's templates: rule-set text with {placeholders} filled with the facts of one
// answer ("Email {contact}." -> "Email the classroom teacher.").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace advise::detail {

// The names a template may use; a capital first letter ({Contact}) capitalises the value.
const std::vector<std::string_view>& placeholder_names();

// The first placeholder of `text` that is not known, or an unclosed brace, as written; none
// when the template is sound. The loader reports it at the template's line and column.
std::optional<std::string> unknown_placeholder(std::string_view text);

// `text` with each {name} replaced by value(name) ({Name}: capitalised). A placeholder whose
// value is empty leaves nothing behind.
std::string fill(std::string_view text, const std::function<std::string(std::string_view)>& value);

}  // namespace advise::detail
