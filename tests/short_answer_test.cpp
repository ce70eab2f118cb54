// The short answer: the rule set's templates filled with the facts, wrapped, naming people.
#include <catch2/catch.hpp>

#include <sstream>

#include "render/template.hpp"
#include "render/wrap.hpp"
#include "small_rules.hpp"
#include "support.hpp"

using advise::RuleSet;
using test::rules;
using test::situation;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

advise::Situation raised(std::string topic, std::string role, advise::Resolved resolved) {
    auto s = situation(std::move(topic));
    s.raised_with = {std::move(role)};
    s.resolved = resolved;
    return s;
}

}  // namespace

TEST_CASE("templates fill placeholders and keep capitals and find unknown ones", "[short][template]") {
    using advise::detail::fill;
    const auto value = [](std::string_view name) { return name == "contact" ? std::string("the principal") : std::string(); };
    CHECK(fill("Email {contact}.", value) == "Email the principal.");
    CHECK(fill("{Contact} can fix it.", value) == "The principal can fix it.");
    CHECK(advise::detail::unknown_placeholder("Call {contcat} now") == std::optional<std::string>("{contcat}"));
    CHECK(advise::detail::unknown_placeholder("Call {contact") == std::optional<std::string>("{contact"));
    CHECK_FALSE(advise::detail::unknown_placeholder("Call {Contact}, then {next}."));
}

TEST_CASE("wrapping never breaks a word and keeps the width", "[short][wrap]") {
    using advise::detail::wrap;
    const std::string text = "Email gives you a written record and lets the principal look into it before answering.";
    for (std::size_t width : {20u, 33u, 40u, 80u}) {
        const auto out = wrap(text, width, "", "  ");
        std::string joined;
        for (const auto& line : lines_of(out)) {
            CHECK(advise::detail::columns(line) <= width);
            if (!joined.empty()) joined += ' ';
            joined.append(line, line.find_first_not_of(' '));
        }
        CHECK(joined == text);
    }
    CHECK(wrap("ééé ééé", 3, "", "") == "ééé\nééé\n");  // characters, not bytes
    CHECK(advise::detail::columns("\033[1mbold\033[0m") == 4);
    CHECK(wrap("topic  <- \"bus\"", 80, "", "") == "topic  <- \"bus\"\n");  // spaces inside a line kept
}

TEST_CASE("the short answer is a few plain lines with titles and never ids", "[short]") {
    for (const auto& s : {situation("grades"), raised("accommodation_not_followed", "general_ed_teacher", advise::Resolved::no),
                          raised("homework", "general_ed_teacher", advise::Resolved::unknown), situation("iep_dispute"),
                          situation("speech_therapy", "positive_feedback")}) {
        const auto a = rules().evaluate(s);
        const auto text = advise::to_text(a);
        const auto lines = lines_of(text);
        CHECK(lines.size() >= 2);
        CHECK(lines.size() <= 7);
        for (const auto* id : {"general_ed_teacher", "director_special_ed", "email_then_phone", "escalate.", "route.", "stay."})
            CHECK(text.find(id) == std::string::npos);
        for (const auto& line : lines) CHECK(advise::detail::columns(line) <= 80);
    }
}

TEST_CASE("the short answer follows the deciding rule", "[short]") {
    const auto up = rules().evaluate(raised("accommodation_not_followed", "general_ed_teacher", advise::Resolved::no));
    CHECK(up.decided_by == "escalate.unresolved");
    const auto text = advise::to_text(up);
    CHECK(text.rfind("Email the principal.", 0) == 0);
    CHECK(text.find("You raised it with your child's teacher") != std::string::npos);
    CHECK(text.find("lets the principal look into it") != std::string::npos);  // the channel note names the contact

    const auto follow = rules().evaluate(raised("homework", "general_ed_teacher", advise::Resolved::unknown));
    CHECK(follow.decided_by == "follow_up.raised");
    CHECK(advise::to_text(follow).find("No reply in about 3 school days: call.") != std::string::npos);

    // Thanks have nothing to escalate: no "if it does not work" line.
    const auto thanks = advise::to_text(rules().evaluate(situation("speech_therapy", "positive_feedback")));
    CHECK(thanks.rfind("Send the speech therapist a short email", 0) == 0);
    CHECK(thanks.find("does not sort it out") == std::string::npos);
}

TEST_CASE("the Director as the closest person is not an escalation and the answer says why", "[short]") {
    const auto a = rules().evaluate(situation("iep_dispute"));
    REQUIRE(a.contact.id == "director_special_ed");
    REQUIRE_FALSE(a.escalate);
    CHECK(advise::to_text(a).find("That is not going over anyone's head") != std::string::npos);
    const auto why = advise::to_text(a, {false, 200, true});
    CHECK(why.find("Escalate:  no: the district's Director of Special Education is the closest person for a dispute") !=
          std::string::npos);
    // At the teacher, there is nothing to reassure about.
    CHECK(advise::to_text(rules().evaluate(situation("grades"))).find("over anyone's head") == std::string::npos);
}

TEST_CASE("next_if_unresolved carries titles", "[short][api]") {
    const auto a = rules().evaluate(situation("grades"));
    REQUIRE(a.next_if_unresolved.size() == 3);
    CHECK(a.next_if_unresolved[0].id == "principal");
    CHECK(a.next_if_unresolved[0].title == "Principal / Assistant Principal");
    CHECK(a.next_if_unresolved[0].called == "the principal");
}

TEST_CASE("a rule file without templates gets plain defaults", "[short]") {
    const RuleSet small = RuleSet::from_string(test::small_rules());
    advise::Situation s;
    s.topic = "meds";
    const auto text = advise::to_text(small.evaluate(s));
    CHECK(text.rfind("Contact the Nurse: Chat.", 0) == 0);
    CHECK(text.find("If that does not settle it: the Head.") != std::string::npos);
}

TEST_CASE("contacts name the actual person of each school and are never required", "[short][contacts]") {
    const std::string contacts = R"(contacts:
  - {role: nurse, name: Ms. Rivera, email: rivera@north.example, phone: 555-0101, school: north}
  - {role: nurse, name: Mr. Okafor, school: south}
  - {role: head, name: Dr. Lee}
)";
    const RuleSet small = RuleSet::from_string(test::small_rules() + contacts);
    advise::Situation s;
    s.topic = "meds";
    s.school = "north";
    const auto a = small.evaluate(s);
    CHECK(a.contact.name == "Ms. Rivera");
    CHECK(a.contact.email == "rivera@north.example");
    CHECK(a.next_if_unresolved.front().name == "Dr. Lee");  // for every school
    const auto text = advise::to_text(a);
    CHECK(text.find("the Nurse, Ms. Rivera") != std::string::npos);
    CHECK(text.find("rivera@north.example, 555-0101") != std::string::npos);
    CHECK(advise::to_json(a).find(R"("name": "Ms. Rivera")") != std::string::npos);

    s.school = "south";
    CHECK(small.evaluate(s).contact.name == "Mr. Okafor");
    s.school.clear();
    CHECK(small.evaluate(s).contact.name.empty());  // no school given: only the people for every school
    s.school = "nroth";
    CHECK_THROWS_WITH(small.evaluate(s), Catch::Contains("unknown school 'nroth' (did you mean 'north'?)"));

    // An unknown role is an error at its line and column, like the rest of the file.
    try {
        (void)RuleSet::from_string(test::small_rules() + "contacts:\n  - {role: nurce, name: X}\n", "c.yaml");
        FAIL("an unknown role in contacts must not load");
    } catch (const advise::LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const auto& d = e.diagnostics().front();
        CHECK(d.key == "contacts[0].role");
        CHECK(d.line == 29);
        CHECK(d.column == 12);
        CHECK(d.message == "unknown role 'nurce' (did you mean 'nurse'?)");
    }
}

TEST_CASE("a template with an unknown placeholder is an error at its line", "[short][template]") {
    try {
        (void)RuleSet::from_string(test::small_rules() + "answer:\n  after: \"Then try {nxet}.\"\n", "t.yaml");
        FAIL("an unknown placeholder must not load");
    } catch (const advise::LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics().front().key == "answer.after");
        CHECK(e.diagnostics().front().line == 29);
        CHECK_THAT(e.diagnostics().front().message, Catch::StartsWith("unknown placeholder '{nxet}'"));
    }
}
