// Reading a situation told in a person's own words: what is understood, from which words.
#include <catch2/catch.hpp>

#include "graph/compiled_rules.hpp"
#include "support.hpp"

using test::has_rule;
using test::rules;

namespace {

const advise::Evidence* evidence(const advise::Reading& r, const std::string& fact) {
    for (const auto& e : r.evidence)
        if (e.fact == fact) return &e;
    return nullptr;
}

std::string words_for(const advise::Reading& r, const std::string& fact) {
    const auto* e = evidence(r, fact);
    return e ? e->words : "(none)";
}

}  // namespace

TEST_CASE("the issue's own example: facts and the words they came from", "[reader]") {
    const auto r = rules().read("my son didn't get extended time on tuesday's quiz and I already emailed his teacher twice");
    REQUIRE(r.sure);
    CHECK(r.situation.topic == "accommodation_not_followed");
    CHECK(words_for(r, "topic") == "extended time");
    CHECK(evidence(r, "topic")->label == "accommodation not followed");
    CHECK(r.situation.message_type == "concern");
    CHECK(r.situation.raised_with == std::vector<std::string>{"general_ed_teacher"});
    CHECK(words_for(r, "raised_with") == "emailed his teacher");
    CHECK(r.situation.attempts == 2);
    // Whether twice means "not addressed" is the learned reader's call; the answer follows it.
    const auto a = rules().evaluate(r);
    CHECK(a.channel.id == "email_then_phone");
    if (r.situation.resolved == advise::Resolved::no) {
        CHECK(a.contact.id == "principal");
        CHECK(has_rule(a.reasons, "escalate.unresolved"));
    } else {
        CHECK(r.situation.resolved == advise::Resolved::unknown);
        CHECK(a.contact.id == "general_ed_teacher");
        CHECK(has_rule(a.reasons, "follow_up.raised"));
    }
    CHECK(a.understood.from.size() == r.evidence.size());
}

TEST_CASE("services not delivered for a month is out of compliance", "[reader]") {
    const auto r = rules().read("my daughter's speech sessions haven't happened for a month");
    CHECK(r.situation.topic == "services_not_delivered");
    CHECK(r.situation.compliance);
    CHECK(r.ignored.empty());  // the "n't" belongs to "haven't happened", it negates nothing
    const auto a = rules().evaluate(r);
    CHECK(a.contact.id == "director_special_ed");
    CHECK(a.channel.id == "written_request");
}

TEST_CASE("case, punctuation and curly quotes do not matter", "[reader]") {
    for (const char* text : {"EXTENDED TIME wasn't given!!!", "extended-time wasn\u2019t given", "\u201cextended time\u201d wasn't given..."}) {
        INFO(text);
        CHECK(rules().read(text).situation.topic == "accommodation_not_followed");
    }
}

TEST_CASE("inflections meet at one stem", "[reader]") {
    CHECK(rules().read("I am requesting an evaluation").situation.message_type == "formal_request");
    CHECK(rules().read("we requested an evaluation").situation.topic == "evaluation_request");
    CHECK(rules().read("he keeps getting bullied").situation.topic == "bullying");
    CHECK(rules().read("the bullying continues").situation.topic == "bullying");
}

TEST_CASE("typos in longer words are read as the word meant", "[reader]") {
    const auto r = rules().read("question about his speach theraphy");
    CHECK(r.situation.topic == "speech_therapy");
    CHECK(std::find(r.corrected.begin(), r.corrected.end(), "speach -> speech") != r.corrected.end());
    CHECK(rules().read("his accomodations were ignored").situation.topic == "accommodation_not_followed");
    // Short words are not "corrected": too easy to mistake one for another.
    CHECK(rules().read("OT question").corrected.empty());
}

TEST_CASE("negation switches a cue off", "[reader]") {
    const auto r = rules().read("not urgent, but he was bullied at recess. no one is in danger");
    CHECK(r.situation.topic == "bullying");
    CHECK(r.situation.stakes != "safety");
    CHECK(std::find(r.ignored.begin(), r.ignored.end(), "no one is in danger") != r.ignored.end());
    CHECK(rules().read("he was bullied and is in danger").situation.stakes == "safety");
}

TEST_CASE("history: whom it was raised with, and whether it was settled", "[reader]") {
    auto r = rules().read("the principal said no to the aide we asked for");
    CHECK(r.situation.raised_with == std::vector<std::string>{"principal"});
    CHECK(r.situation.resolved == advise::Resolved::no);
    r = rules().read("I talked to the speech therapist and it got sorted, thanks");
    CHECK(r.situation.raised_with == std::vector<std::string>{"related_service_provider"});
    CHECK(r.situation.resolved == advise::Resolved::yes);
    // Raised once, the outcome not said: neither settled nor left unaddressed.
    r = rules().read("I emailed his teacher yesterday about the homework load");
    CHECK(r.situation.raised_with == std::vector<std::string>{"general_ed_teacher"});
    CHECK(r.situation.resolved == advise::Resolved::unknown);
    // Wanting to email the principal is not having emailed them.
    r = rules().read("should I email the principal about the homework load?");
    CHECK(r.situation.raised_with.empty());
}

TEST_CASE("several sentences at once", "[reader]") {
    const auto r = rules().read(
        "Long story. Maya has an IEP for reading. Her reading goal hasn't moved since fall. "
        "I emailed her case manager in October and again in November. No answer.");
    CHECK(r.situation.topic == "iep_goal_progress");
    CHECK(r.situation.raised_with == std::vector<std::string>{"special_ed_teacher"});
    CHECK(r.situation.resolved == advise::Resolved::no);
    CHECK(rules().evaluate(r).escalate);
}

TEST_CASE("history read in scopes", "[reader][history]") {
    const auto raised = [](const char* text) {
        auto with = rules().read(text).situation.raised_with;
        std::sort(with.begin(), with.end());
        return with;
    };
    using roles = std::vector<std::string>;
    // a list of contacts, nouns as well as verbs
    CHECK(raised("emails to his teacher, a sit-down with the AP, two meetings with the head of special ed, nothing changed") ==
          roles{"director_special_ed", "general_ed_teacher", "principal"});
    // coordination before an answer
    CHECK(raised("the case manager and the principal have both stopped answering") == roles{"principal", "special_ed_teacher"});
    // arrows and timelines
    CHECK(raised("teacher -> AP -> district, nothing") == roles{"director_special_ed", "general_ed_teacher", "principal"});
    CHECK(raised("Sept: told the case manager. Oct: the principal. Nothing.") == roles{"principal", "special_ed_teacher"});
    // hypotheticals, plans and staff reaching out are no contacts
    CHECK(raised("should I email the principal?").empty());
    CHECK(raised("I'm thinking of calling the district about the bus").empty());
    CHECK(raised("his teacher called to say he hid under the desk").empty());
    CHECK(raised("the sub who called him names should be reported").empty());
    CHECK(raised("I told the teacher and I'm thinking of calling the district") == roles{"general_ed_teacher"});
    // a title is the role named right after it
    CHECK(raised("I told Mrs. Ruiz, his sped teacher, and nothing changed") == roles{"special_ed_teacher"});
    // what a role said is an answer, not a settlement
    const auto r = rules().read("the AP said to talk to the teacher first");
    CHECK(r.situation.raised_with == roles{"principal"});
    CHECK(r.situation.resolved != advise::Resolved::yes);
}

TEST_CASE("unsure only when nothing was understood", "[reader]") {
    const auto r = rules().read("asdf qwerty zxcv");
    CHECK_FALSE(r.sure);
    CHECK(r.candidates.empty());
    CHECK(r.question.rfind("What is it about?", 0) == 0);
    // Phone typing reads as well as careful prose.
    for (const char* text : {"my childs iep isnt being followed", "the teacher wont return my calls!!!! 3 weeks!!!", "OT sess moved?"}) {
        INFO(text);
        CHECK(rules().read(text).sure);
    }
}

TEST_CASE("a close second topic is shown with what would change", "[reader]") {
    // Each of these names two matters with different people closest to them.
    for (const char* text : {"question about the bus and his speech", "the bus aide and his speech therapy sessions"}) {
        INFO(text);
        const auto r = rules().read(text);
        REQUIRE(r.sure);
        const auto a = rules().evaluate(r);
        for (const auto& alt : a.alternatives) {
            CHECK(alt.topic != a.understood.topic);
            CHECK((alt.contact.id != a.contact.id || alt.channel != a.channel.id || alt.escalate != a.escalate));
        }
    }
    const auto r = rules().read("question about the bus and his speech");
    const auto a = rules().evaluate(r);
    std::vector<std::string> topics{std::string(a.understood.topic)};
    for (const auto& alt : a.alternatives) topics.emplace_back(alt.topic);
    CHECK(std::find(topics.begin(), topics.end(), "transportation") != topics.end());
    CHECK(std::find(topics.begin(), topics.end(), "speech_therapy") != topics.end());
}

TEST_CASE("learned facts are explained by the words that weighed most", "[reader]") {
    const auto r = rules().read("homework takes three hours a night and ends in tears");
    const auto* e = evidence(r, "message_type");
    REQUIRE(e != nullptr);
    CHECK(e->learned);
    CHECK_FALSE(e->words.empty());
    // each word shown is in the text
    std::string rest = e->words;
    for (std::size_t at = 0; at != std::string::npos;) {
        const auto next = rest.find(", ", at);
        const auto word = rest.substr(at, next == std::string::npos ? std::string::npos : next - at);
        CHECK(std::string("homework takes three hours a night and ends in tears").find(word) != std::string::npos);
        at = next == std::string::npos ? next : next + 2;
    }
}

TEST_CASE("bad text is refused with a plain message", "[reader]") {
    CHECK_THROWS_WITH(rules().read(""), Catch::Contains("the text is empty"));
    CHECK_THROWS_WITH(rules().read("   \n\t "), Catch::Contains("the text is empty"));
    CHECK_THROWS_WITH(rules().read(std::string(1 << 20, 'a')), Catch::Contains("the text is too long"));
    CHECK_THROWS_WITH(rules().read(std::string("speech\0therapy", 14)), Catch::Contains("NUL byte"));
    CHECK_THROWS_WITH(rules().read("speech \xff\xfe therapy"), Catch::Contains("not valid UTF-8"));
    CHECK_THROWS_WITH(rules().read("\xc0\xaf"), Catch::Contains("not valid UTF-8"));  // overlong
    CHECK_THROWS_AS(rules().read("\x01\x02\x03"), advise::InputError);
    // Letters it cannot read are not "empty", and one stray control character is not "binary".
    for (const char* foreign : {"\u8001\u5e08\u6ca1\u6709\u56de\u590d", "\u03bf \u03b4\u03ac\u03c3\u03ba\u03b1\u03bb\u03bf\u03c2", "\U0001F622\U0001F4DA"})
        CHECK_THROWS_WITH(rules().read(foreign), Catch::Contains("no words advise can read"));
    // Accented letters are letters: "speech th\u00e9rapy" is read as "speech therapy".
    CHECK(rules().read("sp\u00e9ech th\u00c9rapy question").situation.topic == rules().read("speech therapy question").situation.topic);
    CHECK_THROWS_WITH(rules().read("speech\vtherapy"), Catch::Contains("a control character (U+000B, byte 7)"));
    CHECK_THROWS_WITH(rules().read("speech\x7ftherapy"), Catch::Contains("a control character (U+007F"));
}

TEST_CASE("each topic's example sentences read as that topic", "[reader][examples]") {
    const auto& model = *rules().compiled().model;
    std::size_t total = 0, right = 0;
    for (const auto& topic : model.topics) {
        CHECK(topic.examples.size() >= 2);  // every topic shows how people talk about it
        for (const auto& example : topic.examples) {
            ++total;
            const auto r = rules().read(example.value);
            if (r.sure && r.situation.topic == topic.id.value) ++right;
            else WARN(topic.id.value << ": read as " << (r.sure ? r.situation.topic : "unsure") << ": " << example.value);
        }
    }
    INFO(right << " of " << total << " examples read as their topic");
    CHECK(right * 100 >= total * 95);
}
