// The library as an app embeds it: loading, errors on bad input, reuse, threads, pictures.
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "small_rules.hpp"
#include "support.hpp"

using test::rules;
using test::situation;

TEST_CASE("a rule set of other terms works: no domain name is built into the engine", "[api]") {
    const auto district = advise::RuleSet::from_string(test::small_rules(), "district.yaml");
    advise::Situation s;
    s.topic = "meds";
    auto a = district.evaluate(s);
    CHECK(a.contact.id == "nurse");
    CHECK(a.channel.id == "chat");
    CHECK(test::strings(a.next_if_unresolved) == std::vector<std::string>{"head", "board"});
    s.raised_with = {"nurse", "head"};
    a = district.evaluate(s);
    CHECK(a.contact.id == "board");
    CHECK(a.escalate);
    s = {};
    s.stakes = "urgent";
    a = district.evaluate(s);
    CHECK(a.contact.id == "board");
    CHECK(a.channel.id == "letter");
    CHECK(a.understood.topic == "lunch");  // the rule set's default
}

TEST_CASE("defaults apply to what a situation leaves out", "[api]") {
    const auto a = rules().evaluate(advise::Situation{});
    CHECK(a.understood.topic == "day_to_day");
    CHECK(a.understood.message_type == "concern");
    CHECK(a.understood.stakes == "normal");
    CHECK(a.contact.id == "general_ed_teacher");
}

TEST_CASE("unknown ids in a situation are named, with a suggestion", "[api]") {
    auto s = situation("speach_therapy");
    CHECK_THROWS_WITH(rules().evaluate(s), "unknown topic 'speach_therapy' (did you mean 'speech_therapy'?)");
    s = situation("grades", "complaint");
    CHECK_THROWS_WITH(rules().evaluate(s), "unknown message type 'complaint'");
    s = situation("grades");
    s.raised_with = {"teacher"};
    CHECK_THROWS_AS(rules().evaluate(s), advise::InputError);
    s = situation("grades");
    s.flags = {"no_such_flag"};
    CHECK_THROWS_AS(rules().evaluate(s), advise::InputError);
}

TEST_CASE("evaluating into an existing Advice gives the same answer", "[api]") {
    advise::Advice reused;
    for (const auto& t : rules().catalog().topics) {
        auto s = situation(t.id);
        s.raised_with = {"general_ed_teacher"};
        rules().evaluate(s, reused);
        const auto fresh = rules().evaluate(s);
        CHECK(reused.contact.id == fresh.contact.id);
        CHECK(test::rule_ids(reused.reasons) == test::rule_ids(fresh.reasons));
        CHECK(reused.understood.raised_with == fresh.understood.raised_with);
    }
}

TEST_CASE("many threads evaluate one rule set at once and agree with one thread", "[api][threads]") {
    const auto& cat = rules().catalog();
    std::vector<advise::Situation> situations;
    for (std::size_t i = 0; i < 10000; ++i) {
        auto s = situation(cat.topics[i % cat.topics.size()].id, cat.message_types[i % cat.message_types.size()].id);
        s.stakes = cat.stakes[(i / 7) % cat.stakes.size()].id;
        s.compliance = i % 11 == 0;
        if (i % 3 == 0) s.raised_with.push_back(cat.roles[(i / 3) % cat.roles.size()].id);
        s.resolved = static_cast<advise::Resolved>(i % 3);
        situations.push_back(std::move(s));
    }
    std::vector<std::string> expected;
    for (const auto& s : situations) expected.push_back(advise::to_json(rules().evaluate(s), -1));

    std::vector<int> mismatches(8, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            advise::Advice a;
            for (std::size_t i = 0; i < situations.size(); ++i) {
                const auto j = (i + static_cast<std::size_t>(t) * 97) % situations.size();
                rules().evaluate(situations[j], a);
                if (advise::to_json(a, -1) != expected[j]) ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == std::vector<int>(8, 0));
}

TEST_CASE("the catalog lists the contract's ids", "[api]") {
    const auto& cat = rules().catalog();
    std::vector<std::string> roles, channels;
    for (const auto& r : cat.roles) roles.push_back(r.id);
    for (const auto& c : cat.channels) channels.push_back(c.id);
    for (const char* id : {"general_ed_teacher", "special_ed_teacher", "related_service_provider", "school_psychologist",
                           "principal", "director_special_ed", "advocate_or_attorney"})
        CHECK(std::find(roles.begin(), roles.end(), id) != roles.end());
    for (const char* id : {"email_or_app", "note_or_brief_email", "email_then_phone", "phone_or_meeting", "written_request"})
        CHECK(std::find(channels.begin(), channels.end(), id) != channels.end());
    CHECK(rules().rule_count() > cat.topics.size() + cat.message_types.size());
    CHECK(rules().source_name() == "rules/default.yaml");
}

TEST_CASE("the catalog lists every rule and each reason names one of them", "[api]") {
    const auto& cat = rules().catalog();
    REQUIRE(cat.rules.size() == rules().rule_count());
    std::set<std::string> ids;
    for (const auto& r : cat.rules) {
        CHECK(!r.label.empty());        // its text
        CHECK(!r.description.empty());  // its source in the guide
        ids.insert(r.id);
    }
    CHECK(ids.size() == cat.rules.size());
    for (const auto& t : cat.topics) {
        advise::Situation s;
        s.topic = t.id;
        s.stakes = "safety";
        const auto a = rules().evaluate(s);
        for (const auto* list : {&a.reasons, &a.warnings, &a.notes})
            for (const auto& r : *list) CHECK(ids.count(std::string(r.rule)) == 1);
    }
}

TEST_CASE("JSON output keeps the contract's shape", "[api][json]") {
    auto s = situation("accommodation_not_followed");
    s.raised_with = {"general_ed_teacher"};
    s.resolved = advise::Resolved::no;
    const auto json = advise::to_json(rules().evaluate(s), -1);
    CHECK(json.find(R"("contact":{"role":"principal","title":"Principal / Assistant Principal","called":"the principal"})") != std::string::npos);
    CHECK(json.find(R"("escalate":true)") != std::string::npos);
    CHECK(json.find(R"("next_if_unresolved":["director_special_ed","advocate_or_attorney"])") != std::string::npos);
    CHECK(json.find(R"("reasons":[{"rule":"route.accommodation_not_followed")") != std::string::npos);
    CHECK(json.find(R"("understood":{"topic":"accommodation_not_followed","message_type":"concern","stakes":"normal")") !=
          std::string::npos);
}

TEST_CASE("text output says who, how, and why", "[api][text]") {
    const auto text = advise::to_text(rules().evaluate(situation("grades")), {false, 80, true});
    CHECK(text.rfind("Email your child's teacher.", 0) == 0);  // the short answer first
    CHECK(text.find("\nContact:   General Education Teacher\n") != std::string::npos);
    CHECK(text.find("[route.grades; guide, 2: Learn the People (role table)]") != std::string::npos);
    CHECK(text.find("\033[") == std::string::npos);
    CHECK(advise::to_text(rules().evaluate(situation("grades")), {true}).find("\033[1m") != std::string::npos);
}

TEST_CASE("DOT of the decision graph highlights the path taken", "[api][dot]") {
    const auto whole = rules().to_dot();
    CHECK(whole.find("digraph") == 0);
    CHECK(whole.find("route.speech_therapy") != std::string::npos);
    CHECK(whole.find("#c0392b") == std::string::npos);
    auto s = situation("speech_therapy");
    s.compliance = true;
    const auto path = rules().to_dot(&s);
    // The path: route.speech_therapy, then escalate.compliance; never the stay rules. (An edge's
    // label ends with its rule's id, after the words of its topic or message type.)
    const auto highlighted = [&](const std::string& rule) {
        const auto at = path.find(rule + "\", color=\"#c0392b\"");
        return at != std::string::npos;
    };
    CHECK(highlighted("route.speech_therapy"));
    CHECK(highlighted("escalate.compliance"));
    CHECK_FALSE(highlighted("route.grades"));
    CHECK_FALSE(highlighted("stay.lowest_level"));
    const auto ladder = rules().ladder_to_dot();
    CHECK(ladder.find("Principal / Assistant Principal") != std::string::npos);
    CHECK(ladder.find("->") != std::string::npos);
}

TEST_CASE("reload swaps a rule set in atomically and keeps the old one on failure", "[api][threads][reload]") {
    advise::Advisor advisor;
    advise::Situation s;
    s.topic = "grades";
    CHECK(advisor.evaluate(s).contact.id == "general_ed_teacher");
    const auto before = advisor.rules();
    CHECK_THROWS_AS(advisor.reload_string("roles: [unclosed", "bad.yaml"), advise::LoadError);
    CHECK(advisor.evaluate(s).contact.id == "general_ed_teacher");  // still the old rules
    CHECK(advisor.rules().source_name() == before.source_name());

    // Readers never see a half-swapped rule set while another thread reloads.
    std::atomic<bool> stop{false};
    std::atomic<int> wrong{0}, answers{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t)
        readers.emplace_back([&] {
            advise::Situation lunch;
            while (!stop) {
                const auto rules = advisor.rules();
                lunch.topic = rules.source_name() == "district.yaml" ? "meds" : "grades";
                const auto a = rules.evaluate(lunch);
                const bool ok = rules.source_name() == "district.yaml" ? a.contact.id == "nurse" : a.contact.id == "general_ed_teacher";
                wrong += ok ? 0 : 1;
                ++answers;
            }
        });
    for (int i = 0; i < 50; ++i) {
        if (i % 2 == 0) advisor.reload_string(test::small_rules(), "district.yaml");
        else advisor.replace(advise::RuleSet::builtin());
    }
    stop = true;
    for (auto& r : readers) r.join();
    CHECK(wrong == 0);
    CHECK(answers > 0);
}
