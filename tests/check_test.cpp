// advise check: each kind of finding on a rule set made unsound on purpose, none on the default.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "advise/advise.hpp"

namespace {

std::string path(const std::string& name) { return std::string(ADVISE_SOURCE_DIR) + "/tests/rules/" + name; }

// "line:column kind [rules]" for each finding, the shape a reader acts on.
std::vector<std::string> summary(const advise::CheckReport& report) {
    std::vector<std::string> out;
    for (const auto& f : report.findings) {
        std::string rules;
        for (const auto& r : f.rules) rules += (rules.empty() ? "" : ",") + r;
        out.push_back(std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + " " + f.kind +
                      (rules.empty() ? "" : " [" + rules + "]"));
    }
    return out;
}

}  // namespace

TEST_CASE("the default rules are sound", "[check]") {
    CHECK(advise::check(advise::RuleSet::builtin()).empty());
    const auto report = advise::check_file(std::string(ADVISE_SOURCE_DIR) + "/rules/default.yaml");
    CHECK(report.readable);
    CHECK(summary(report).empty());
}

TEST_CASE("every kind of finding, each at its place", "[check]") {
    const auto report = advise::check_file(path("check/unsound.yaml"));
    REQUIRE(report.readable);
    CHECK(summary(report) == std::vector<std::string>{
                                 "9:10 unreachable_role",
                                 "13:10 unused_channel",
                                 "24:109 phrase_overlap",
                                 "25:10 unreadable_topic [route.art]",
                                 "28:10 shadowed [up.angry_urgent]",
                                 "30:10 overlap [up.urgent,up.angry]",
                                 "30:10 overlap [up.demand,up.angry]",
                                 "31:10 never_fires [up.never]",
                                 "33:10 gap",
                             });
    for (const auto& f : report.findings) {
        INFO(f.where.to_string());
        CHECK(f.where.file == path("check/unsound.yaml"));
        CHECK_FALSE(f.where.message.empty());
    }
    // An overlap names a situation where it happens.
    CHECK(report.findings[5].where.message.find("e.g. topic=") != std::string::npos);
}

TEST_CASE("declaring precedence settles an overlap", "[check]") {
    const auto text = advise::check_file(path("check/unsound.yaml"));
    std::string yaml;
    {
        std::ifstream in(path("check/unsound.yaml"));
        yaml.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto at = yaml.find("to: head, channel: chat,");
    REQUIRE(at != std::string::npos);
    yaml.insert(at, "over: [up.urgent, up.demand], ");
    const auto report = advise::check_string(yaml, "settled.yaml");
    for (const auto& f : report.findings) CHECK(f.kind != "overlap");
    CHECK(report.findings.size() + 2 == text.findings.size());
}

TEST_CASE("a rule set that does not compile: its problems are findings of kind load", "[check]") {
    const auto report = advise::check_file(path("broken/ladder_cycle.yaml"));
    CHECK(report.readable);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].kind == "load");
    CHECK(report.findings[0].where.message.find("cycle") != std::string::npos);
}

TEST_CASE("a file that is not YAML, or not there, cannot be checked", "[check]") {
    CHECK_FALSE(advise::check_file(path("broken/yaml_unclosed_bracket.yaml")).readable);
    const auto missing = advise::check_file(path("no_such_file.yaml"));
    CHECK_FALSE(missing.readable);
    REQUIRE(missing.findings.size() == 1);
    CHECK(missing.findings[0].where.message == "cannot read the file: there is no such file");
}
