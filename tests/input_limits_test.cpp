// Input that is not what it seems: devices, pipes and links given as rule files, characters
// that would drive a terminal, phrases that only match across a sentence break. Each is refused
// with a plain reason, or read as a person would read it.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "advise/advise.hpp"
#include "small_rules.hpp"

using advise::LoadError;
using advise::RuleSet;

namespace {

namespace fs = std::filesystem;

// The single problem of loading `path`, as "file: message" (or "loaded" when it loads).
std::string load_problem(const std::string& path) {
    try {
        RuleSet::from_file(path);
        return "loaded";
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front().to_string();
    }
}

fs::path scratch(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("advise_input_limits_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto path = dir / name;
    fs::remove(path);
    return path;
}

std::string small_rules_with(const std::string& from, const std::string& to) {
    std::string yaml = test::small_rules();
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a rule file that is not a regular file is refused before it is read", "[limits]") {
    CHECK(load_problem("/dev/zero") == "/dev/zero: cannot read the file: it is not a regular file (a device, a pipe or a socket)");
    CHECK(load_problem("/dev/urandom").ends_with("it is not a regular file (a device, a pipe or a socket)"));
    CHECK(advise::check_file("/dev/urandom").findings.front().where.message.ends_with("not a regular file (a device, a pipe or a socket)"));

    // A pipe with no writer: opening it for reading would wait for ever.
    const auto fifo = scratch("rules.fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(load_problem(fifo).ends_with("it is not a regular file (a device, a pipe or a socket)"));
    fs::remove(fifo);
}

TEST_CASE("a rule file over 16 MiB is refused by its size, not read", "[limits]") {
    // 3 GiB, sparse: reading it whole would need 3 GiB of memory.
    const auto sparse = scratch("huge.yaml");
    {
        std::ofstream create(sparse);
    }
    fs::resize_file(sparse, 3ull << 30);
    CHECK(load_problem(sparse) == sparse.string() + ": cannot read the file: it is 3221225472 bytes; a rule file is at most 16 MiB");
    fs::remove(sparse);
}

TEST_CASE("why a rule file cannot be opened is said: missing, a folder, a link loop, no permission", "[limits]") {
    const auto missing = scratch("missing.yaml");
    CHECK(load_problem(missing) == missing.string() + ": cannot read the file: there is no such file");
    const auto folder = scratch("folder");
    fs::create_directories(folder);
    CHECK(load_problem(folder) == folder.string() + ": cannot read the file: it is a folder");

    const auto a = scratch("loop_a.yaml"), b = scratch("loop_b.yaml");
    fs::create_symlink(b, a);
    fs::create_symlink(a, b);
    CHECK(load_problem(a) == a.string() + ": cannot read the file: too many symbolic links (a link loop?)");

    // A link to a good file is followed.
    const auto real = scratch("real.yaml"), link = scratch("link.yaml");
    {
        std::ofstream(real) << test::small_rules();
    }
    fs::create_symlink(real, link);
    CHECK(load_problem(link) == "loaded");

    if (::geteuid() != 0) {  // root reads whatever the permissions say
        fs::permissions(real, fs::perms::none);
        CHECK(load_problem(real) == real.string() + ": cannot read the file: permission denied");
    }
}

TEST_CASE("an Advisor keeps its rules when asked to reload from a device", "[limits]") {
    advise::Advisor advisor;
    const auto before = advisor.evaluate(advise::Situation{}).contact.id;
    CHECK_THROWS_AS(advisor.reload_file("/dev/zero"), LoadError);
    CHECK_THROWS_AS(advisor.reload_file("/dev/urandom"), LoadError);
    CHECK(advisor.evaluate(advise::Situation{}).contact.id == before);
}

TEST_CASE("control characters written as YAML escapes are refused at their value", "[limits]") {
    struct Case {
        const char* escape;
        const char* named;
    };
    for (const auto& c : {Case{"\\e[31m", "U+001B"}, Case{"\\x00", "U+0000"}, Case{"\\u202E", "U+202E"},
                          Case{"\\u2066", "U+2066"}, Case{"\\x9B", "U+009B"}, Case{"\\x7F", "U+007F"}}) {
        DYNAMIC_SECTION(c.escape) {
            const auto yaml = small_rules_with("title: Tutor,", std::string("title: \"Tu") + c.escape + "tor\",");
            try {
                RuleSet::from_string(yaml, "district.yaml");
                FAIL("a control character in a title loaded");
            } catch (const LoadError& e) {
                REQUIRE(e.diagnostics().size() == 1);
                const auto& d = e.diagnostics().front();
                CHECK(d.key == "roles[0].title");
                CHECK(d.line == 5);
                CHECK(d.column == 25);  // the value, after its opening quote
                CHECK(d.message == std::string("a control character (") + c.named + ") in the value; write the text without it");
            }
        }
    }
    // Written raw rather than escaped, the character is found by the byte check.
    const auto raw = small_rules_with("title: Tutor,", "title: Tu\u202Etor,");
    CHECK_THROWS_WITH(RuleSet::from_string(raw, "raw.yaml"), Catch::Contains("a control character (U+202E) in the rule file"));
}

TEST_CASE("a phrase never matches across a sentence break", "[limits][reader]") {
    const RuleSet rules = RuleSet::from_string(
        small_rules_with("{id: meds, label: medicine, role: nurse,", "{id: meds, label: medicine, phrases: [in half, late bus], role: nurse,"));
    const auto topic = [&](const std::string& text) { return rules.evaluate(rules.read(text)).understood.topic; };
    CHECK(topic("cut the pill in half please") == "meds");
    CHECK(topic("the late bus again") == "meds");
    for (const char* broken : {"He stayed in. Half the class went outside.", "He stayed in! Half the class went out.",
                               "He stayed in; half the class went out.", "He stayed in.Half the class went out.",
                               "He was late. Bus number 4 is new.", "He was late? Bus 4 again"})
        CHECK(topic(broken) == "lunch");  // the default: no phrase of `meds` was there
}

TEST_CASE("the person's words are shown with terminal controls escaped", "[limits][text]") {
    const RuleSet rules = RuleSet::from_string(
        small_rules_with("{id: meds, label: medicine, role: nurse,", "{id: meds, label: medicine, phrases: [late pill], role: nurse,"));
    for (const char* control : {"\u202E", "\u2066", "\u009B"}) {
        // The control stands between the two words of a phrase, so it is among the words shown.
        const std::string text = std::string("the late") + control + "pill again";
        const auto reading = rules.read(text);
        const std::string shown = advise::to_text(rules.evaluate(reading));
        CHECK(shown.find(control) == std::string::npos);
        CHECK(shown.find("<U+") != std::string::npos);
        CHECK(reading.situation.topic == "meds");
    }
}

TEST_CASE("check says whether the rules loaded, in agreement with its exit code", "[limits][check]") {
    const auto report = advise::check_string(small_rules_with("escalates_to: head, source: \"handbook, 1\"}\n  - {id: nurse",
                                                              "escalates_to: nobody, source: \"handbook, 1\"}\n  - {id: nurse"),
                                             "unknown.yaml");
    CHECK(report.readable);      // it is YAML
    CHECK_FALSE(report.loaded);  // but an unknown role stops it compiling
    REQUIRE_FALSE(report.findings.empty());
    CHECK(report.findings.front().kind == "load");
    CHECK(advise::check_string(test::small_rules(), "good.yaml").loaded);
}
