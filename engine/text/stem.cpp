#include "text/stem.hpp"

namespace advise::detail::text {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool has_vowel(std::string_view s) {
    for (char c : s)
        if (is_vowel(c)) return true;
    return false;
}

}  // namespace

// Four steps, in order; what matters is that every inflection of a word meets at one stem
// ("schedule", "scheduled", "scheduling" -> "schedul"), not that the stem is a word.
std::string stem(std::string_view word) {
    std::string w(word);
    if (w.size() <= 3) return w;
    auto ends = [&](std::string_view suffix) { return w.size() > suffix.size() && w.ends_with(suffix); };
    // 1. plurals and third person
    if (ends("ies") || ends("ied")) {
        w.resize(w.size() - 3);
        w += 'y';
        return w;
    }
    if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) w.pop_back();
    // 2. -ing and -ed, when what is left still has a vowel
    for (std::string_view suffix : {"ing", "ed"}) {
        if (!ends(suffix)) continue;
        const auto rest = std::string_view(w).substr(0, w.size() - suffix.size());
        if (rest.size() < 3 || !has_vowel(rest)) continue;
        w.resize(rest.size());
        // 3. "stopp" -> "stop", but "call", "miss", "buzz" and "add" keep their doubles
        const auto n = w.size();
        if (n > 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's' &&
            w[n - 1] != 'z')
            w.pop_back();
        break;
    }
    // 4. a final silent e
    if (w.size() > 3 && w.back() == 'e') w.pop_back();
    return w;
}

}  // namespace advise::detail::text
