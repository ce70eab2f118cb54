// Every row of the guide's role table and channel table, as the built-in rules answer them.
#include <catch2/catch.hpp>

#include "support.hpp"

using test::rules;
using test::situation;

TEST_CASE("role table: each topic goes to the person closest to it", "[guide][roles]") {
    struct Row {
        const char* topic;
        const char* role;
    };
    // One or more topics from each row of the guide's role table.
    const Row rows[] = {
        {"accommodation_not_followed", "general_ed_teacher"},  // implements accommodations in class
        {"academic_progress", "general_ed_teacher"},           // academic progress
        {"classroom_behavior", "general_ed_teacher"},          // classroom behavior
        {"day_to_day", "general_ed_teacher"},                  // day-to-day concerns
        {"iep_goal_progress", "special_ed_teacher"},           // IEP goals
        {"progress_monitoring", "special_ed_teacher"},         // progress monitoring
        {"specially_designed_instruction", "special_ed_teacher"},
        {"speech_therapy", "related_service_provider"},
        {"occupational_therapy", "related_service_provider"},
        {"physical_therapy", "related_service_provider"},
        {"counseling_services", "related_service_provider"},
        {"evaluation_request", "school_psychologist"},          // evaluation requests
        {"behavior_plan", "school_psychologist"},               // behavioral concerns
        {"mental_health", "school_psychologist"},               // mental health referrals
        {"discipline", "principal"},                            // discipline
        {"schedule_or_staffing", "principal"},                  // scheduling, staff oversight
        {"iep_dispute", "director_special_ed"},                 // IEP disputes
        {"compliance_issue", "director_special_ed"},            // compliance issues
        {"placement", "director_special_ed"},                   // placement disagreements
        {"formal_dispute", "advocate_or_attorney"},             // the guide's closing note
    };
    for (const auto& row : rows) {
        INFO("topic " << row.topic);
        const auto a = rules().evaluate(situation(row.topic));
        CHECK(a.contact.id == row.role);
        CHECK(a.closest.id == row.role);
        CHECK_FALSE(a.escalate);
        REQUIRE_FALSE(a.reasons.empty());
        CHECK(a.reasons.front().rule == std::string("route.") + row.topic);
        CHECK(a.reasons.front().source.find("guide, ") == 0);
    }
}

TEST_CASE("role table: titles are the guide's", "[guide][roles]") {
    CHECK(rules().evaluate(situation("grades")).contact.title == "General Education Teacher");
    CHECK(rules().evaluate(situation("placement")).contact.title == "Director of Special Ed / CSE Chair");
    CHECK(rules().evaluate(situation("discipline")).contact.title == "Principal / Assistant Principal");
}

TEST_CASE("the rule set covers at least 25 topics, each with a role and a source", "[guide][roles]") {
    const auto& topics = rules().catalog().topics;
    CHECK(topics.size() >= 25);
    for (const auto& t : topics) {
        INFO(t.id);
        const auto a = rules().evaluate(situation(t.id));
        CHECK_FALSE(a.contact.id.empty());
        CHECK_FALSE(a.reasons.front().source.empty());
    }
}

TEST_CASE("channel table: each message type goes by its channel", "[guide][channels]") {
    struct Row {
        const char* type;
        const char* channel;
        const char* why;
    };
    const Row rows[] = {
        {"quick_question", "email_or_app", "Asynchronous, documented, low-stakes."},
        {"scheduling", "email_or_app", "Asynchronous, documented, low-stakes."},
        {"home_context", "note_or_brief_email", "Gives the teacher context without requiring a response."},
        {"concern", "email_then_phone", "Written record; allows teacher to investigate before responding."},
        {"disagreement", "phone_or_meeting", "Tone and nuance matter; email escalates conflict."},
        {"formal_request", "written_request", "Starts legal timelines; creates documentation."},
        {"introduction", "email_or_app", "Asynchronous, documented, low-stakes."},
        {"positive_feedback", "email_or_app", "Asynchronous, documented, low-stakes."},
        {"meeting_recap", "recap_email", "Often the cleanest written record of what was agreed; factual, not editorial."},
    };
    for (const auto& row : rows) {
        INFO("type " << row.type);
        const auto a = rules().evaluate(situation("grades", row.type));
        CHECK(a.channel.id == row.channel);
        CHECK(a.channel.why == row.why);
        CHECK(test::has_rule(a.reasons, std::string("channel.") + row.type));
    }
}

TEST_CASE("channel labels are the guide's words", "[guide][channels]") {
    CHECK(rules().evaluate(situation("grades", "concern")).channel.label == "Email first, then phone if needed");
    CHECK(rules().evaluate(situation("grades", "home_context")).channel.label == "Brief email or note in the backpack");
    CHECK(rules().evaluate(situation("grades", "disagreement")).channel.label == "Phone or in-person meeting");
    CHECK(rules().evaluate(situation("grades", "formal_request")).channel.label == "Written letter or email");
}

TEST_CASE("the meeting recap asks for 24-48 hours and facts", "[guide][channels]") {
    const auto a = rules().evaluate(situation("iep_meeting", "meeting_recap"));
    CHECK(a.contact.id == "special_ed_teacher");
    const auto& reason = a.reasons[2];
    CHECK(reason.rule == "channel.meeting_recap");
    CHECK(reason.text.find("24-48 hours") != std::string::npos);
    CHECK(a.channel.why.find("factual") != std::string::npos);
}

TEST_CASE("every role but the top of the ladder names who comes next", "[guide][ladder]") {
    CHECK(test::strings(rules().evaluate(situation("grades")).next_if_unresolved) ==
          std::vector<std::string>{"principal", "director_special_ed", "advocate_or_attorney"});
    CHECK(test::strings(rules().evaluate(situation("speech_therapy")).next_if_unresolved) ==
          std::vector<std::string>{"principal", "director_special_ed", "advocate_or_attorney"});
    CHECK(test::strings(rules().evaluate(situation("placement")).next_if_unresolved) ==
          std::vector<std::string>{"advocate_or_attorney"});
    const auto top = rules().evaluate(situation("formal_dispute"));
    CHECK(top.next_if_unresolved.empty());
    CHECK_FALSE(test::has_rule(top.reasons, "ladder.advocate_or_attorney"));
}

TEST_CASE("every reason carries a rule id, a text and a guide source", "[guide]") {
    for (const auto& t : rules().catalog().topics)
        for (const auto& m : rules().catalog().message_types) {
            const auto a = rules().evaluate(situation(t.id, m.id));
            REQUIRE_FALSE(a.reasons.empty());
            for (const auto& r : a.reasons) {
                INFO(t.id << " / " << m.id << " / " << r.rule);
                CHECK_FALSE(r.rule.empty());
                CHECK_FALSE(r.text.empty());
                CHECK(r.source.rfind("guide, ", 0) == 0);
            }
        }
}
