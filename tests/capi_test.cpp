// The C interface (advise/advise.h) as another language calls it: JSON in, the contract's JSON
// out, errors as text, handles shared between threads. Its answers must be the C++ API's own.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "advise/advise.h"
#include "small_rules.hpp"
#include "support.hpp"

namespace {

struct RulesFree {
    void operator()(advise_rules* r) const { advise_rules_free(r); }
};
using Rules = std::unique_ptr<advise_rules, RulesFree>;

// The returned string, freed as the header says; "" stands for NULL.
std::string taken(char* s) {
    if (s == nullptr) return "";
    std::string out(s);
    advise_string_free(s);
    return out;
}

std::string evaluate_json(const advise_rules* rules, const char* json) {
    return taken(advise_evaluate_json(rules, json));
}

}  // namespace

TEST_CASE("C: the version is the project's, as the C++ API and the headers give it", "[capi]") {
    CHECK(std::string(advise_version()) == ADVISE_PROJECT_VERSION);
    CHECK(std::string(advise_version()) == advise::version);
    CHECK(std::string(ADVISE_VERSION) == ADVISE_PROJECT_VERSION);
    CHECK(advise_rule_format() == advise::rule_format);
}

TEST_CASE("C: a situation as JSON gives the C++ API's advice as JSON", "[capi]") {
    const Rules rules(advise_rules_builtin());
    REQUIRE(rules);
    auto s = test::situation("speech_therapy");
    s.raised_with = {"related_service_provider"};
    s.resolved = advise::Resolved::no;
    s.flags = {"verbal_agreement"};
    const std::string got = evaluate_json(rules.get(),
        R"({"topic": "speech_therapy", "message_type": "concern", "raised_with": ["related_service_provider"],
            "resolved": false, "flags": ["verbal_agreement"]})");
    CHECK(std::string(advise_last_error()).empty());
    CHECK(got == advise::to_json(test::rules().evaluate(s), -1));
    CHECK(got.find('\n') == std::string::npos);  // one line

    // Every key is optional; the rule set's defaults fill the rest.
    CHECK(evaluate_json(rules.get(), "{}") == advise::to_json(test::rules().evaluate(advise::Situation{}), -1));
    s = test::situation("homework", "disagreement");
    s.stakes = "safety";
    s.compliance = true;
    s.attempts = 3;
    s.resolved = advise::Resolved::unknown;
    CHECK(evaluate_json(rules.get(), R"({"topic": "homework", "message_type": "disagreement", "stakes": "safety",
                                         "compliance": true, "attempts": 3, "resolved": "unknown"})") ==
          advise::to_json(test::rules().evaluate(s), -1));
}

TEST_CASE("C: free text is read and evaluated as the CLI does; nothing understood asks a question", "[capi]") {
    const Rules rules(advise_rules_builtin());
    const char* text = "my daughter's speech sessions haven't happened for a month";
    const std::string got = taken(advise_evaluate_text(rules.get(), text));
    CHECK(got == advise::to_json(test::rules().evaluate(test::rules().read(text)), -1));
    CHECK(nlohmann::json::parse(got)["understood"].contains("from"));

    const auto unsure = nlohmann::json::parse(taken(advise_evaluate_text(rules.get(), "asdf qwerty")));
    CHECK(unsure["sure"] == false);
    CHECK(unsure["question"] == test::rules().read("asdf qwerty").question);
}

TEST_CASE("C: rule sets from a file and from a string", "[capi]") {
    // A small file: the default rules' file would train the reader's models again, for minutes
    // under the sanitizers, to show what the built-in snapshot already shows.
    const std::string small_path = std::string(ADVISE_SOURCE_DIR) + "/tests/rules/broken/valid_base.yaml";
    const Rules from_file(advise_rules_from_file(small_path.c_str()));
    REQUIRE(from_file);
    const auto same = advise::RuleSet::from_file(small_path);
    advise::Situation homework;
    homework.topic = "homework";
    homework.raised_with = {"teacher"};
    homework.resolved = advise::Resolved::no;
    CHECK(nlohmann::json::parse(evaluate_json(from_file.get(), R"({"topic": "homework", "raised_with": ["teacher"], "resolved": false})")) ==
          nlohmann::json::parse(advise::to_json(same.evaluate(homework))));

    const std::string yaml = test::small_rules();
    const Rules district(advise_rules_from_string(yaml.data(), yaml.size(), "district.yaml"));
    REQUIRE(district);
    const auto a = nlohmann::json::parse(evaluate_json(district.get(), R"({"topic": "meds"})"));
    CHECK(a["contact"]["role"] == advise::RuleSet::from_string(yaml).evaluate(test::situation("meds", "")).contact.id);
}

TEST_CASE("C: a rule file that cannot be loaded gives NULL and every problem, file:line:column", "[capi]") {
    const std::string path = std::string(ADVISE_SOURCE_DIR) + "/tests/rules/broken/older_format.yaml";
    CHECK(advise_rules_from_file(path.c_str()) == nullptr);
    std::string expected;
    try {
        advise::RuleSet::from_file(path);
    } catch (const advise::LoadError& e) {
        expected = e.what();
    }
    CHECK(!expected.empty());
    CHECK(advise_last_error() == expected);
    CHECK_THAT(advise_last_error(), Catch::Contains(":2:9: advise: rule format 0 is older"));

    CHECK(advise_rules_from_file("/no/such/rules.yaml") == nullptr);
    CHECK_THAT(advise_last_error(), Catch::Contains("cannot read the file: there is no such file"));
    const char yaml[] = "advise: 1\nroles: [";
    CHECK(advise_rules_from_string(yaml, sizeof yaml - 1, nullptr) == nullptr);
    CHECK_THAT(advise_last_error(), Catch::StartsWith("<string>:"));

    // A success clears the error.
    const Rules rules(advise_rules_builtin());
    CHECK(std::string(advise_last_error()).empty());
}

TEST_CASE("C: bad situations give NULL and a one-line reason; no exception crosses", "[capi]") {
    const Rules rules(advise_rules_builtin());
    const auto refused = [&](const char* json) {
        char* out = advise_evaluate_json(rules.get(), json);
        advise_string_free(out);
        const std::string error = advise_last_error();
        return out == nullptr && !error.empty() && error.find('\n') == std::string::npos ? error : "";
    };
    CHECK(refused(R"({"topic": "speach_therapy"})") == "unknown topic 'speach_therapy' (did you mean 'speech_therapy'?)");
    CHECK_THAT(refused("{\"topic\": "), Catch::StartsWith("situation: not valid JSON: "));
    CHECK(refused("[1, 2]") == "situation: expected a JSON object, found [1,2]");
    CHECK_THAT(refused(R"({"topics": "grades"})"), Catch::StartsWith("situation: unknown key 'topics'"));
    CHECK(refused(R"({"topic": 3})") == "situation: 'topic' must be an id (a string), found 3");
    CHECK(refused(R"({"raised_with": "principal"})") == "situation: 'raised_with' must be a list of ids, found \"principal\"");
    CHECK(refused(R"({"resolved": "maybe"})") == "situation: 'resolved' must be true, false or \"unknown\", found \"maybe\"");
    CHECK(refused(R"({"attempts": -1})") == "situation: 'attempts' must be a whole number from 0 to 1000, found -1");
    CHECK(refused(R"({"compliance": "yes"})") == "situation: 'compliance' must be true or false, found \"yes\"");
    CHECK(refused(R"({"flags": ["no_such_flag"]})").find("no_such_flag") != std::string::npos);

    CHECK(advise_evaluate_json(nullptr, "{}") == nullptr);
    CHECK(std::string(advise_last_error()) == "rules is NULL");
    CHECK(advise_evaluate_json(rules.get(), nullptr) == nullptr);
    CHECK(advise_evaluate_text(rules.get(), nullptr) == nullptr);
    CHECK(std::string(advise_last_error()) == "text is NULL");
    CHECK(advise_evaluate_text(rules.get(), "") == nullptr);
    CHECK(!std::string(advise_last_error()).empty());
    CHECK(advise_evaluate_text(rules.get(), "\xff\xfe speech") == nullptr);
    CHECK(advise_rules_from_file(nullptr) == nullptr);
    advise_rules_free(nullptr);
    advise_string_free(nullptr);
}

TEST_CASE("C: threads share one handle; each sees its own answers and errors", "[capi][threads]") {
    const Rules rules(advise_rules_builtin());
    std::vector<std::string> situations;
    for (const auto& t : test::rules().catalog().topics)
        situations.push_back(R"({"topic": ")" + t.id + R"(", "raised_with": ["general_ed_teacher"], "resolved": false})");
    std::vector<std::string> expected;
    for (const auto& s : situations) expected.push_back(evaluate_json(rules.get(), s.c_str()));
    const std::string text = "the teacher won't return my calls, 3 weeks now";
    const std::string expected_text = taken(advise_evaluate_text(rules.get(), text.c_str()));

    constexpr int thread_count = 4;
    std::vector<int> wrong(thread_count, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round) {
                for (std::size_t i = 0; i < situations.size(); ++i)
                    if (evaluate_json(rules.get(), situations[i].c_str()) != expected[i]) ++wrong[t];
                if (taken(advise_evaluate_text(rules.get(), text.c_str())) != expected_text) ++wrong[t];
                // An error on one thread is that thread's alone.
                const std::string bad = R"({"topic": "thread_)" + std::to_string(t) + "\"}";
                if (advise_evaluate_json(rules.get(), bad.c_str()) != nullptr ||
                    std::string(advise_last_error()).find("thread_" + std::to_string(t)) == std::string::npos)
                    ++wrong[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong == std::vector<int>(thread_count, 0));
}
