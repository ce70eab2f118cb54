// Conditions as rules use them: every operator evaluated against real situations, and the
// type errors a rule author can make, each reported at its column.
#include <catch2/catch.hpp>

#include "small_rules.hpp"
#include "support.hpp"

namespace {

// Whether a warning with condition `when` fires for situation `s` in the small rule set.
bool fires(const std::string& when, const advise::Situation& s) {
    const auto rules = advise::RuleSet::from_string(
        test::small_rules("  - {id: w, when: \"" + when + "\", text: t, source: s}\n"), "t.yaml");
    return !rules.evaluate(s).warnings.empty();
}

advise::Situation make(std::string topic = "lunch", std::string type = "ask", std::string stakes = "calm") {
    advise::Situation s;
    s.topic = std::move(topic);
    s.message_type = std::move(type);
    s.stakes = std::move(stakes);
    return s;
}

std::string load_error(const std::string& when) {
    try {
        advise::RuleSet::from_string(test::small_rules("  - id: w\n    when: " + when + "\n    text: t\n    source: s\n"),
                                     "t.yaml");
    } catch (const advise::LoadError& e) {
        return e.what();
    }
    return "loaded";
}

}  // namespace

TEST_CASE("comparisons of ids, numbers and truth values", "[expr]") {
    CHECK(fires("topic == lunch", make()));
    CHECK_FALSE(fires("topic == meds", make()));
    CHECK(fires("topic != meds", make()));
    CHECK(fires("message_type == demand", make("lunch", "demand")));
    CHECK(fires("closest == nurse", make("meds")));
    auto s = make();
    s.raised_with = {"tutor", "nurse"};
    CHECK(fires("attempts == 2", s));
    CHECK(fires("attempts >= 2", s));
    CHECK(fires("attempts > 1", s));
    CHECK_FALSE(fires("attempts < 2", s));
    CHECK(fires("attempts <= 2", s));
    CHECK(fires("attempts != 3", s));
    s.attempts = 5;  // an explicit count wins over the number of roles
    CHECK(fires("attempts == 5", s));
    // resolved is true, false or unknown (the default); `not resolved` is "not settled".
    CHECK(fires("resolved == unknown", make()));
    CHECK_FALSE(fires("resolved == false", make()));
    CHECK(fires("not resolved", make()));
    CHECK(fires("resolved != true", make()));
    CHECK(fires("resolved in [false, unknown]", make()));
    auto unaddressed = make();
    unaddressed.resolved = advise::Resolved::no;
    CHECK(fires("resolved == false", unaddressed));
    CHECK_FALSE(fires("resolved == unknown", unaddressed));
    CHECK(fires("resolved != unknown", unaddressed));
    CHECK(fires("not resolved", unaddressed));
    CHECK_FALSE(fires("resolved in [true, unknown]", unaddressed));
    CHECK(fires("resolved not in [true, unknown]", unaddressed));
    auto settled = make();
    settled.resolved = advise::Resolved::yes;
    CHECK(fires("resolved", settled));
    CHECK(fires("resolved == true", settled));
    CHECK_FALSE(fires("resolved == false or resolved == unknown", settled));
}

TEST_CASE("in, not in, and sets of roles", "[expr]") {
    CHECK(fires("stakes in [urgent, calm]", make()));
    CHECK_FALSE(fires("stakes in [urgent]", make()));
    CHECK(fires("stakes not in [urgent]", make()));
    auto s = make();
    s.raised_with = {"nurse"};
    CHECK(fires("raised_with in [nurse, head]", s));
    CHECK_FALSE(fires("raised_with in [head]", s));
    CHECK(fires("raised_with not in [head]", s));
    CHECK_FALSE(fires("raised_with in [tutor]", make()));
}

TEST_CASE("and, or, not and parentheses", "[expr]") {
    auto s = make("lunch", "ask", "urgent");
    s.flags = {"angry"};
    CHECK(fires("angry and stakes == urgent", s));
    CHECK_FALSE(fires("angry and stakes == calm", s));
    CHECK(fires("stakes == calm or angry", s));
    CHECK(fires("not (stakes == calm or topic == meds)", s));
    CHECK(fires("stakes in [urgent] or (attempts >= 1 and not resolved)", s));
    CHECK_FALSE(fires("angry and not angry", s));
    CHECK(fires("true", s));
    CHECK_FALSE(fires("false", s));
}

TEST_CASE("warnings may test the decision: contact and escalate", "[expr]") {
    auto s = make();
    s.raised_with = {"tutor"};
    CHECK(fires("escalate and contact == head", s));
    CHECK_FALSE(fires("escalate", make()));
}

TEST_CASE("type errors name the column inside the file", "[expr]") {
    // `    when: ` is 10 characters, so the condition starts at column 11 of line 30.
    CHECK(load_error("stakes == urgnt") ==
          "t.yaml:30:21: warnings[0].when: unknown stakes value 'urgnt' (did you mean 'urgent'?)");
    CHECK(load_error("stakes == urgnet") ==
          "t.yaml:30:21: warnings[0].when: unknown stakes value 'urgnet' (did you mean 'urgent'?)");
    CHECK(load_error("stake == urgent") == "t.yaml:30:11: warnings[0].when: unknown fact 'stake' (did you mean 'stakes'?)");
    CHECK(load_error("attempts == lots") == "t.yaml:30:23: warnings[0].when: 'attempts' is a number, found 'lots'");
    CHECK(load_error("stakes > calm") == "t.yaml:30:11: warnings[0].when: '>' does not apply to 'stakes': use == or !=");
    CHECK(load_error("stakes") ==
          "t.yaml:30:11: warnings[0].when: 'stakes' is not true or false: compare it with a value");
    CHECK(load_error("raised_with == tutor") ==
          "t.yaml:30:11: warnings[0].when: 'raised_with' is a set of roles: use 'raised_with in [..]'");
    CHECK(load_error("angry in [true]") ==
          "t.yaml:30:11: warnings[0].when: 'angry' cannot be tested with 'in': compare it instead");
    CHECK(load_error("angry == 1") == "t.yaml:30:20: warnings[0].when: 'angry' is true or false, found '1'");
    CHECK(load_error("closest in [tutor, nobody]") ==
          "t.yaml:30:30: warnings[0].when: unknown role 'nobody'");
}

TEST_CASE("every error of one condition is reported at once", "[expr]") {
    const auto message = load_error("stake == urgent or topic == lnch");
    CHECK(message ==
          "t.yaml:30:11: warnings[0].when: unknown fact 'stake' (did you mean 'stakes'?)\n"
          "t.yaml:30:39: warnings[0].when: unknown topic 'lnch' (did you mean 'lunch'?)");
}
