// The guide's warnings (Common Mistakes to Avoid), attached when they apply and only then.
#include <catch2/catch.hpp>

#include "support.hpp"

using test::has_rule;
using test::rules;
using test::situation;

namespace {
advise::Advice with_flags(std::vector<std::string> flags, std::string topic = "homework", std::string type = "concern") {
    auto s = situation(std::move(topic), std::move(type));
    s.flags = std::move(flags);
    return rules().evaluate(s);
}
}  // namespace

TEST_CASE("no warning when nothing calls for one", "[warnings]") {
    CHECK(rules().evaluate(situation("homework")).warnings.empty());
}

TEST_CASE("going to the principal before the teacher", "[warnings]") {
    const auto a = with_flags({"wants_escalation"});
    CHECK(test::rule_ids(a.warnings) == std::vector<std::string>{"warn.principal_before_teacher"});
    CHECK(a.warnings[0].source.find("Common Mistakes") != std::string::npos);
    // When a criterion does hold, escalating is right: no warning.
    auto s = situation("homework");
    s.flags = {"wants_escalation"};
    s.raised_with = {"general_ed_teacher"};
    s.resolved = advise::Resolved::no;
    CHECK_FALSE(has_rule(rules().evaluate(s).warnings, "warn.principal_before_teacher"));
    // Raised once with no outcome said: follow up first, so the warning still applies.
    s.resolved = advise::Resolved::unknown;
    CHECK(has_rule(rules().evaluate(s).warnings, "warn.principal_before_teacher"));
}

TEST_CASE("a confrontational first meeting", "[warnings]") {
    CHECK(has_rule(with_flags({"confrontational", "first_meeting"}).warnings, "warn.confrontational_first_meeting"));
    CHECK(has_rule(with_flags({"confrontational"}).warnings, "warn.confrontational_first_meeting"));
    auto later = situation("homework");
    later.flags = {"confrontational"};
    later.raised_with = {"general_ed_teacher"};
    CHECK_FALSE(has_rule(rules().evaluate(later).warnings, "warn.confrontational_first_meeting"));
}

TEST_CASE("a verbal agreement not put in writing", "[warnings]") {
    const auto a = with_flags({"verbal_agreement"}, "iep_meeting", "meeting_recap");
    REQUIRE(has_rule(a.warnings, "warn.verbal_agreement"));
    CHECK(a.warnings[0].text.find("writing") != std::string::npos);
}

TEST_CASE("signing the IEP at the meeting", "[warnings]") {
    const auto a = with_flags({"asked_to_sign"}, "iep_meeting");
    REQUIRE(has_rule(a.warnings, "warn.signing_iep_at_meeting"));
    CHECK(a.warnings[0].text.find("take it home") != std::string::npos);
}

TEST_CASE("treating a small issue as a legal matter", "[warnings]") {
    CHECK(has_rule(with_flags({"wants_legal_action"}).warnings, "warn.small_issue_legal"));
    auto real = situation("speech_therapy");
    real.flags = {"wants_legal_action"};
    real.compliance = true;  // a real violation: no warning
    CHECK_FALSE(has_rule(rules().evaluate(real).warnings, "warn.small_issue_legal"));
}

TEST_CASE("a mental health safety risk also names the school psychologist", "[warnings]") {
    auto s = situation("mental_health");
    s.stakes = "safety";
    const auto a = rules().evaluate(s);
    CHECK(a.contact.id == "principal");
    CHECK(test::rule_ids(a.warnings) == std::vector<std::string>{"warn.mental_health_safety"});
    CHECK(rules().evaluate(situation("mental_health")).warnings.empty());
}

TEST_CASE("several warnings at once, in rule order", "[warnings]") {
    const auto a = with_flags({"wants_escalation", "asked_to_sign", "verbal_agreement"});
    CHECK(test::rule_ids(a.warnings) == std::vector<std::string>{"warn.principal_before_teacher",
                                                                 "warn.verbal_agreement", "warn.signing_iep_at_meeting"});
}

TEST_CASE("a one-off lapse is named as such only for a concern or a question about one", "[warnings]") {
    CHECK(has_rule(rules().evaluate(situation("accommodation_not_followed", "concern")).warnings, "warn.one_off_lapse"));
    CHECK(has_rule(rules().evaluate(situation("accommodation_not_followed", "quick_question")).warnings, "warn.one_off_lapse"));
    // Disagreeing with a change to an accommodation (phasing out a break card) is not a lapse.
    CHECK_FALSE(has_rule(rules().evaluate(situation("accommodation_not_followed", "disagreement")).warnings, "warn.one_off_lapse"));
}
