// A rule file's own labelled texts: trained when it loads, checked like the rest of the file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "support.hpp"

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A folder holding the default rules with `examples:` replaced by one file of our own.
struct RuleFolder {
    std::filesystem::path dir;
    explicit RuleFolder(const std::string& examples, const std::string& learning = "{c: 64, min_count: 1, close: 0.35}") {
        dir = std::filesystem::temp_directory_path() / ("advise-learning-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir / "examples");
        std::ofstream(dir / "examples" / "mine.yaml") << examples;
        auto yaml = read(std::filesystem::path(ADVISE_SOURCE_DIR) / "rules" / "default.yaml");
        const auto from = yaml.find("\nexamples:\n");
        const auto to = yaml.find("\n\n", from + 1);
        REQUIRE(from != std::string::npos);
        yaml.replace(from, to - from, "\nexamples:\n  - examples/mine.yaml");
        const auto learn = yaml.find("  learning: {");
        yaml.replace(learn, yaml.find('\n', learn) - learn, "  learning: " + learning);
        std::ofstream(dir / "rules.yaml") << yaml;
    }
    ~RuleFolder() { std::filesystem::remove_all(dir); }
    std::string rules() const { return (dir / "rules.yaml").string(); }
    // Every problem the rule file is refused for, one a line; empty when it loads.
    std::string problems() const {
        try {
            (void)advise::RuleSet::from_file(rules());
            return {};
        } catch (const advise::LoadError& e) {
            return e.what();
        }
    }
};

}  // namespace

TEST_CASE("a rule file's examples are learned when it loads", "[learning]") {
    const RuleFolder folder(R"(examples:
  - {text: "the zorblat schedule moved again", topic: transportation, message_type: scheduling}
  - {text: "zorblat came late three days in a row", topic: transportation, message_type: concern}
  - {text: "thanks for fixing the zorblat pickup", topic: transportation, message_type: positive_feedback, raised_with: [principal], resolved: true}
  - {text: "his reading group moved again", topic: academic_progress, message_type: scheduling}
  - {text: "reading is hard for him in class", topic: academic_progress, message_type: concern}
)");
    const auto rules = advise::RuleSet::from_file(folder.rules());
    // A word only the file's own texts use decides the topic: the models learned it.
    const auto r = rules.read("the zorblat");
    CHECK(r.situation.topic == "transportation");
    CHECK(std::any_of(r.evidence.begin(), r.evidence.end(), [](const advise::Evidence& e) { return e.fact == "topic" && e.learned; }));
    // The built-in rules never saw the word.
    CHECK(test::rules().read("the zorblat").situation.topic != "transportation");
}

TEST_CASE("a broken examples file names its file, line and column", "[learning]") {
    const RuleFolder folder(R"(examples:
  - {text: "the bus was late", topic: bus_stuff, message_type: concern}
  - {text: "fine", topic: homework, message_type: concern, resolved: maybe}
)");
    const auto what = folder.problems();
    INFO(what);
    CHECK(what.find("mine.yaml:2:") != std::string::npos);
    CHECK(what.find("unknown topic 'bus_stuff'") != std::string::npos);
    CHECK(what.find("mine.yaml:3:") != std::string::npos);
    CHECK(what.find("expected true, false or unknown, found 'maybe'") != std::string::npos);
}

TEST_CASE("learning settings out of range are refused at their line", "[learning]") {
    const RuleFolder folder("examples:\n  - {text: \"the bus\", topic: transportation, message_type: concern}\n", "{c: -1, min_count: 0}");
    const auto what = folder.problems();
    INFO(what);
    CHECK(what.find("reader.learning.c: expected a number above 0 and at most 1000, found '-1'") != std::string::npos);
    CHECK(what.find("reader.learning.min_count: expected a number from 1 to 100, found '0'") != std::string::npos);
}

TEST_CASE("training is deterministic", "[learning]") {
    const RuleFolder folder(R"(examples:
  - {text: "the zorblat schedule moved again", topic: transportation, message_type: scheduling}
  - {text: "reading is hard for him in class", topic: academic_progress, message_type: concern}
)");
    const auto a = advise::RuleSet::from_file(folder.rules());
    const auto b = advise::RuleSet::from_file(folder.rules());
    for (const char* text : {"zorblat reading", "the schedule is hard", "moved again in class"}) {
        INFO(text);
        CHECK(advise::to_json(a.evaluate(a.read(text)), -1) == advise::to_json(b.evaluate(b.read(text)), -1));
    }
}
