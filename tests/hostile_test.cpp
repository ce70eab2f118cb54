// Hostile input: rule files and texts built to exhaust the stack, memory or time. Each one
// must end in one clear error (a LoadError whose diagnostic names the file, line and column,
// or an InputError for text) or a correct result, quickly, and never in a crash.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "advise/advise.hpp"
#include "expr/parse.hpp"

using advise::Diagnostic;
using advise::InputError;
using advise::LoadError;
using advise::RuleSet;

namespace {

// The largest rule file the engine reads: well above a 100,000-topic file (about 7 MB), well
// below what makes yaml-cpp take many seconds and a gigabyte (20 MB does).
constexpr std::size_t rule_file_limit = 16u << 20;  // 16 MiB
// The largest text read() accepts (README: "over 64 KiB" is bad input).
constexpr std::size_t text_limit = 64u << 10;

// Time is printed here, not asserted: each test runs under a CTest timeout
// (tests/CMakeLists.txt), which is what stops an input that makes the engine work without end.
template <typename F>
double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string base_rules() {
    std::ifstream file(std::string(ADVISE_SOURCE_DIR) + "/tests/rules/broken/valid_base.yaml", std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// `text` with its first `what` replaced by `with`.
std::string replaced(std::string text, std::string_view what, std::string_view with) {
    const auto at = text.find(what);
    REQUIRE(at != std::string::npos);
    return text.replace(at, what.size(), with);
}

// 1-based line and column (in bytes) of `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (text.find(w) != std::string::npos) return true;
    return false;
}

// The diagnostics of loading `yaml`, which must fail with a LoadError (anything else fails the
// test).
std::vector<Diagnostic> load_problems(const std::string& yaml, const std::string& name) {
    std::vector<Diagnostic> problems;
    bool threw = false;
    const double took = seconds([&] {
        try {
            RuleSet::from_string(yaml, name);
        } catch (const LoadError& e) {
            threw = true;
            problems = e.diagnostics();
            CHECK(std::string(e.what()).find(name) != std::string::npos);
        }
    });
    std::cout << name << " (" << yaml.size() << " bytes): refused in " << took << " s\n";
    if (!threw) FAIL(name << " loaded, but it is hostile");
    for (const auto& d : problems) {
        CHECK(d.file == name);
        CHECK(!d.message.empty());
    }
    return problems;
}

std::string all_of(const std::vector<Diagnostic>& problems) {
    std::string out;
    for (const auto& d : problems) out += d.to_string() + "\n";
    return out;
}

// The one diagnostic a hostile file should give.
Diagnostic only_problem(const std::string& yaml, const std::string& name) {
    const auto problems = load_problems(yaml, name);
    INFO(all_of(problems));
    REQUIRE(problems.size() == 1);
    return problems.front();
}

std::string repeated(std::string_view unit, std::size_t times) {
    std::string out;
    out.reserve(unit.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

// Reads `text` with the built-in rules and evaluates what was read.
void read_and_evaluate(const std::string& text, const std::string& what) {
    const auto rules = RuleSet::builtin();
    const double took = seconds([&] {
        const auto reading = rules.read(text);
        const auto advice = rules.evaluate(reading);
        CHECK(!advice.contact.id.empty());
        CHECK(!advice.reasons.empty());
    });
    std::cout << "read() of " << what << " (" << text.size() << " bytes): " << took << " s\n";
}

// `unit` repeated to fill `bytes`, read at a quarter of that and at the whole: the two times,
// printed side by side, show work that grows faster than the text.
void read_filled(std::string_view unit, const std::string& what, std::size_t bytes = text_limit) {
    const auto fill = [&](std::size_t size) {
        std::string out;
        while (out.size() + unit.size() <= size) out += unit;
        return out;
    };
    read_and_evaluate(fill(bytes / 4), what);
    read_and_evaluate(fill(bytes), what);
}

// The InputError reading `text` gives; anything else fails the test.
std::string read_error(const std::string& text) {
    const auto rules = RuleSet::builtin();
    try {
        rules.read(text);
    } catch (const InputError& e) {
        return e.what();
    }
    FAIL("the text was read, but it is unreadable");
    return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Deeply nested YAML: yaml-cpp's depth guard says only "bad file"; the engine says which file
// and what is wrong with it.

TEST_CASE("100,000 nested flow sequences: the file and 'nests too deeply'", "[hostile]") {
    const auto d = only_problem("advise: 1\nroles: " + std::string(100000, '['), "deep_lists.yaml");
    CHECK(d.line == 2);
    CHECK(d.column >= 1);
    CHECK(d.message.find("nests too deeply") != std::string::npos);
    CHECK(d.message.find("bad file") == std::string::npos);
}

TEST_CASE("100,000 nested and closed flow sequences", "[hostile]") {
    const auto d = only_problem("advise: 1\nroles: " + std::string(100000, '[') + std::string(100000, ']'),
                                "deep_closed_lists.yaml");
    CHECK(d.line == 2);
    CHECK(d.message.find("nests too deeply") != std::string::npos);
}

TEST_CASE("100,000 nested flow mappings", "[hostile]") {
    const auto d = only_problem("advise: 1\nroles: " + repeated("{a: ", 100000), "deep_maps.yaml");
    CHECK(d.line == 2);
    CHECK(d.message.find("nests too deeply") != std::string::npos);
}

TEST_CASE("100,000 nested block sequences on one line", "[hostile]") {
    const auto d = only_problem("advise: 1\nroles:\n  " + repeated("- ", 100000) + "x\n", "deep_dashes.yaml");
    CHECK(d.line == 3);
    CHECK(d.message.find("nests too deeply") != std::string::npos);
}

TEST_CASE("2,500 nested block mappings", "[hostile]") {
    std::string yaml = "advise: 1\nroles:\n";
    for (std::size_t i = 1; i <= 2500; ++i) yaml += std::string(i, ' ') + "k:\n";
    const auto d = only_problem(yaml, "deep_block_maps.yaml");
    CHECK(d.line > 2);
    CHECK(d.message.find("nests too deeply") != std::string::npos);
}

TEST_CASE("deep nesting in a rule file on disk names the path", "[hostile]") {
    const auto path = (std::filesystem::temp_directory_path() / "advise_hostile_deep.yaml").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << "advise: 1\nroles: " << std::string(100000, '[');
    }
    try {
        RuleSet::from_file(path);
        FAIL("a 100,000-deep file loaded");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const auto& d = e.diagnostics().front();
        CHECK(d.file == path);
        CHECK(d.line == 2);
        CHECK(d.message.find("nests too deeply") != std::string::npos);
    }
    std::filesystem::remove(path);
}

// ---------------------------------------------------------------------------------------------
// Anchors and aliases: yaml-cpp shares an aliased node instead of copying it, and the loader
// must look at each node only as deep as a rule file goes, so that nine levels of nine aliases
// (9^9 = 387,420,489 leaves if expanded) cost nothing.

namespace {

// l0 is nine scalars; each l<k> is nine aliases of l<k-1>.
std::string laughs() {
    std::string out = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        out += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int k = 0; k < 9; ++k) out += std::string(k ? ", " : "") + "*l" + std::to_string(level - 1);
        out += "]\n";
    }
    return out;
}

// The same with mappings: m<k> maps nine keys to m<k-1>.
std::string laughing_maps() {
    std::string out = "m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}\n";
    for (int level = 1; level <= 9; ++level) {
        out += "m" + std::to_string(level) + ": &m" + std::to_string(level) + " {";
        for (int k = 0; k < 9; ++k)
            out += std::string(k ? ", " : "") + static_cast<char>('a' + k) + ": *m" + std::to_string(level - 1);
        out += "}\n";
    }
    return out;
}

}  // namespace

TEST_CASE("billion laughs: aliases of aliases, 9 levels of 9, in every kind of place", "[hostile]") {
    const std::string base = base_rules();
    const std::string lists = laughs();
    const std::string maps = laughing_maps();
    const std::vector<std::pair<std::string, std::string>> files{
        {"laughs_unused.yaml", base + lists},
        {"laughs_section.yaml", lists + replaced(base, "roles:\n", "flags: *l9\nroles:\n")},
        {"laughs_phrases.yaml", lists + replaced(base, "    escalates_to: principal\n",
                                                 "    escalates_to: principal\n    phrases: *l9\n")},
        {"laughs_key.yaml", lists + replaced(base, "roles:\n", "? *l9\n: 1\nroles:\n")},
        {"laughs_maps.yaml", maps + replaced(base, "roles:\n", "reader: *m9\nroles:\n")},
        {"laughs_counts.yaml", maps + base + "reader:\n  counts: *m9\n"},
        {"laughs_items.yaml", maps + replaced(base, "stay:\n", "stay: [*m9, *m9, *m9]\nignored:\n")},
    };
    for (const auto& [name, yaml] : files) {
        INFO(name);
        const auto problems = load_problems(yaml, name);
        CHECK(!problems.empty());
        // Reported once each, never once per expanded leaf: the first 20 and a count.
        CHECK(problems.size() <= 21);
    }
}

TEST_CASE("aliases that refer to themselves are reported, not followed forever", "[hostile]") {
    const std::string base = base_rules();
    for (const auto& [name, yaml] : std::vector<std::pair<std::string, std::string>>{
             {"self_list.yaml", replaced(base, "roles:\n", "flags: &f [*f]\nroles:\n")},
             {"self_map.yaml", replaced(base, "roles:\n", "reader: &r {counts: *r}\nroles:\n")},
             {"self_item.yaml", replaced(base, "stay:\n", "warnings: &w [{id: *w}]\nstay:\n")}}) {
        INFO(name);
        CHECK(!load_problems(yaml, name).empty());
    }
}

// A key that is itself a list or a mapping (`? [a, b]`, or an alias of one) has no name to
// report: the diagnostic says what the key is, at the key, under the enclosing path.
TEST_CASE("a key that is a list or a mapping is named for what it is", "[hostile]") {
    const std::string base = base_rules();
    {
        const auto d = only_problem(replaced(base, "roles:\n", "? [a, b]\n: 1\nroles:\n"), "list_key.yaml");
        INFO(d.to_string());
        CHECK(d.line == 8);
        CHECK(d.message.find("''") == std::string::npos);
        CHECK(d.message.find("a list") != std::string::npos);
    }
    {
        const auto d = only_problem(replaced(base, "    title: Teacher\n", "    ? {x: 1}\n    : 2\n    title: Teacher\n"),
                                    "map_key.yaml");
        INFO(d.to_string());
        CHECK(d.line == 10);
        CHECK(d.key == "roles[0]");
        CHECK(d.message.find("''") == std::string::npos);
        CHECK(d.message.find("a mapping") != std::string::npos);
    }
}

// An unclosed quote swallows the rest of the file; yaml-cpp gives up at the end. The author
// needs the line where the quote was opened.
TEST_CASE("an unclosed quote is reported where it opens", "[hostile]") {
    const std::string yaml = replaced(base_rules(), "title: Teacher", "title: \"Teacher");
    const auto [line, column] = line_column(yaml, yaml.find("\"Teacher"));
    const auto d = only_problem(yaml, "unclosed_quote.yaml");
    INFO(d.to_string());
    CHECK(d.line == line);
    CHECK(d.column == column);
}

// ---------------------------------------------------------------------------------------------
// Size: a rule file over the limit is refused before yaml-cpp sees it (parsing 20 MB takes
// seconds and several times its size in memory). The files here would otherwise fail only on
// their last line, so a diagnostic about that line shows the file was parsed.

namespace {

// Valid-looking rules of `bytes` bytes or a little more, with a YAML error on the last line.
std::string oversized_rules(std::size_t bytes) {
    std::string yaml = base_rules();
    std::string topics = "topics:\n";
    for (std::size_t i = 0; yaml.size() + topics.size() < bytes; ++i)
        topics += "  - {id: t" + std::to_string(i) + ", label: topic " + std::to_string(i) +
                  ", role: teacher, why: The teacher knows it., source: test}\n";
    yaml = replaced(yaml, "topics:\n", topics);
    return yaml + "unclosed: [a, b\n";
}

void check_size_refusal(const Diagnostic& d, const std::string& name) {
    INFO(d.to_string());
    CHECK(d.file == name);
    CHECK(d.message.find("invalid YAML") == std::string::npos);  // refused, not parsed
    CHECK(contains_any(d.message, {"too large", "too big", "too long", "larger than", "at most", "limit"}));
}

}  // namespace

TEST_CASE("a 20 MB rule file is refused before parsing (needed limit: 16 MiB)", "[hostile]") {
    const std::string yaml = oversized_rules(20u << 20);
    REQUIRE(yaml.size() > rule_file_limit);
    std::cout << "20 MB rule file: " << yaml.size() << " bytes\n";

    SECTION("from a string") {
        std::vector<Diagnostic> problems;
        const double took = seconds([&] {
            try {
                RuleSet::from_string(yaml, "huge.yaml");
            } catch (const LoadError& e) {
                problems = e.diagnostics();
            }
        });
        std::cout << "from_string of 20 MB: " << took << " s\n";
        INFO(all_of(problems));
        REQUIRE(problems.size() == 1);
        check_size_refusal(problems.front(), "huge.yaml");
    }
    SECTION("from a file") {
        const auto path = (std::filesystem::temp_directory_path() / "advise_hostile_huge.yaml").string();
        {
            std::ofstream out(path, std::ios::binary);
            out << yaml;
        }
        std::vector<Diagnostic> problems;
        const double took = seconds([&] {
            try {
                RuleSet::from_file(path);
            } catch (const LoadError& e) {
                problems = e.diagnostics();
            }
        });
        std::filesystem::remove(path);
        std::cout << "from_file of 20 MB: " << took << " s\n";
        INFO(all_of(problems));
        REQUIRE(problems.size() == 1);
        check_size_refusal(problems.front(), path);
    }
}

// ---------------------------------------------------------------------------------------------
// Encoding: a rule file is UTF-8 text. yaml-cpp passes invalid bytes through (or replaces
// them) and stops or skips at a NUL byte, so the loader has to check the bytes itself and say
// where the bad one is.

TEST_CASE("invalid UTF-8 in a rule file is one error at its line and column", "[hostile]") {
    const std::string base = base_rules();
    struct Case {
        const char* name;
        std::string anchor;  // inserted before this text
        std::string bytes;
    };
    for (const auto& c : {Case{"utf8_in_title.yaml", "Teacher\n", "\xC3\x28"},
                          Case{"utf8_truncated.yaml", "Teacher\n", "\xE2\x82"},
                          Case{"utf8_overlong.yaml", "Teacher\n", "\xC0\xAF"},
                          Case{"utf8_surrogate.yaml", "Teacher\n", "\xED\xA0\x80"},
                          Case{"utf8_in_id.yaml", "teacher\n", "\xC3\x28"},
                          Case{"utf8_ff_before_key.yaml", "stay:\n", "\xFF\xFE"},
                          Case{"utf8_in_condition.yaml", "== safety", "\xC3"}}) {
        DYNAMIC_SECTION(c.name) {
        const auto at = base.find(c.anchor);
        REQUIRE(at != std::string::npos);
        std::string yaml = base;
        yaml.insert(at, c.bytes);
        const auto [line, column] = line_column(yaml, at);
        const auto problems = load_problems(yaml, c.name);
        INFO(all_of(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems.front().line == line);
        CHECK(problems.front().column == column);
        // The condition parser's own "unexpected byte 0xc3" is as precise.
        CHECK(contains_any(problems.front().message, {"UTF-8", "byte 0x"}));
        }
    }
}

TEST_CASE("a NUL byte in a rule file is one error at its line and column", "[hostile]") {
    const std::string base = base_rules();
    for (const auto& [name, anchor] : std::vector<std::pair<std::string, std::string>>{
             {"nul_in_value.yaml", "Teacher\n"}, {"nul_before_key.yaml", "roles:\n"}, {"nul_at_end.yaml", ""}}) {
        DYNAMIC_SECTION(name) {
        const auto at = anchor.empty() ? base.size() : base.find(anchor);
        REQUIRE(at != std::string::npos);
        std::string yaml = base;
        yaml.insert(at, 1, '\0');
        const auto [line, column] = line_column(yaml, at);
        const auto problems = load_problems(yaml, name);
        INFO(all_of(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems.front().line == line);
        CHECK(problems.front().column == column);
        CHECK(contains_any(problems.front().message, {"NUL", "0x00", "null byte", "control"}));
        }
    }
}

TEST_CASE("well-formed UTF-8, and a byte order mark, are read as they are", "[hostile]") {
    const std::string base = base_rules();
    const auto rules = RuleSet::from_string(replaced(base, "title: Teacher", "title: Enseignant·e \u00e9 \u2603"));
    CHECK(rules.catalog().roles.front().label == "Enseignant·e \u00e9 \u2603");
    CHECK(RuleSet::from_string("\xEF\xBB\xBF" + base).catalog().roles.front().label == "Teacher");
}

// ---------------------------------------------------------------------------------------------
// Conditions: the X3 grammar recurses once per '(' and per prefix 'not'; the parser bounds the
// depth before recursing, and the loader reports it at the condition's place in the file.

namespace {

// The single diagnostic for a base file whose escalation condition is `condition`.
void check_condition_refused(const std::string& condition, std::size_t offending_index, const char* expected,
                             const std::string& name) {
    const std::string base = base_rules();
    const std::string yaml = replaced(base, "when: stakes == safety", "when: " + condition);
    const auto at = yaml.find("when: " + condition.substr(0, 16)) + 6;
    const auto [line, column] = line_column(yaml, at + offending_index);
    const auto d = only_problem(yaml, name);
    INFO(d.to_string());
    CHECK(d.key == "escalation[0].when");
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK(d.message.find(expected) != std::string::npos);
}

}  // namespace

TEST_CASE("a condition 10,000 parentheses deep", "[hostile]") {
    const auto depth = advise::detail::expr::max_nesting_depth;
    check_condition_refused(std::string(10000, '(') + "stakes == safety" + std::string(10000, ')'), depth,
                            "nests deeper than", "deep_parens.yaml");
    // Unclosed, so that nothing but the depth stops it.
    check_condition_refused(std::string(10000, '('), depth, "nests deeper than", "deep_open_parens.yaml");
}

TEST_CASE("a condition of 10,000 nots", "[hostile]") {
    const auto depth = advise::detail::expr::max_nesting_depth;
    check_condition_refused(repeated("not ", 10000) + "resolved", depth * 4, "nests deeper than", "deep_nots.yaml");
    // Each "(not " opens two levels: the one too many is the '(' of unit depth / 2 + 1.
    check_condition_refused(repeated("(not ", 10000) + "resolved", depth / 2 * 5, "nests deeper than",
                            "deep_mixed.yaml");
}

TEST_CASE("a condition of 1 MB", "[hostile]") {
    // Flat and shallow, so only its length is wrong.
    std::string condition = "resolved";
    while (condition.size() < (1u << 20)) condition += " or resolved";
    check_condition_refused(condition, advise::detail::expr::max_expression_length, "longer than",
                            "long_condition.yaml");
}

// ---------------------------------------------------------------------------------------------
// Text: read() refuses what is not a situation in words (InputError), and reads anything up to
// its 64 KiB limit in time that grows with the text, not with its square or cube.

TEST_CASE("1 MB of text is refused as too long", "[hostile]") {
    const std::string big = repeated("my son didn't get extended time on his quiz. ", (1u << 20) / 46 + 1);
    const auto message = read_error(big);
    CHECK(message.find("too long") != std::string::npos);
    CHECK(read_error(std::string(text_limit + 1, 'a')).find("too long") != std::string::npos);
}

TEST_CASE("binary bytes are refused as unreadable", "[hostile]") {
    std::mt19937 random(2024);
    std::string bytes(4096, '\0');
    for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
    CHECK(!read_error(bytes).empty());
    CHECK(!read_error(std::string("speech\0therapy", 14)).empty());              // a NUL
    CHECK(!read_error("speech \xC3\x28 therapy").empty());                        // invalid UTF-8
    CHECK(!read_error("speech \xED\xA0\x80 therapy").empty());                    // a surrogate
    CHECK(!read_error("speech therapy \xF0\x9F").empty());                        // cut short
    CHECK(!read_error("\x7F" "ELF\x02\x01\x01").empty());                         // an executable
    CHECK(!read_error(std::string("\xFF\xFEs\0p\0e\0e\0c\0h\0", 12)).empty());    // UTF-16
}

TEST_CASE("64 KiB of text reads in bounded time, whatever its words", "[hostile]") {
    // Ordinary sentences.
    read_filled("my son didn't get extended time on his quiz and I emailed his teacher twice. ", "ordinary sentences");
    // Every negation before a cue it can switch off, and every cue after many negations.
    read_filled("not urgent. ", "'not urgent.' repeated");
    read_filled("no fixed ", "'no fixed' repeated");
    read_filled("not ", "'not' repeated");
    // Contacts, answers and counts that look for each other.
    read_filled("emailed his teacher twice and no answer ", "history repeated");
    // Typos that all need correcting; long words; one word of 64 KiB.
    read_filled("speach accomodation ", "typos repeated");
    read_filled("accommodationsaccommodations ", "long words");
    read_and_evaluate(std::string(text_limit, 'x'), "one 64 KiB word");
    // Letters from everywhere but ASCII, and curly quotes.
    read_filled("\u00e9l\u00e8ve \u2019speech\u2019 \u2603 ", "non-ASCII");
}

// ---------------------------------------------------------------------------------------------
// Scale: 100,000 topics, each with its route, load in bounded time (printed, not asserted: it
// depends on the machine) and answer correctly.

TEST_CASE("a rule set of 100,000 topics loads and answers", "[hostile][scale]") {
    constexpr std::size_t count = 100000;
    std::string topics = "topics:\n";
    for (std::size_t i = 0; i < count; ++i)
        topics += "  - {id: t" + std::to_string(i) + ", label: topic " + std::to_string(i) + ", role: " +
                  (i % 2 ? "teacher" : "principal") + ", why: w, source: s}\n";
    const std::string yaml = replaced(base_rules(), "topics:\n", topics);
    REQUIRE(yaml.size() < rule_file_limit);

    std::unique_ptr<RuleSet> rules;
    const double took = seconds([&] { rules = std::make_unique<RuleSet>(RuleSet::from_string(yaml, "many.yaml")); });
    std::cout << "100,000 topics (" << yaml.size() << " bytes): loaded in " << took << " s\n";
    CHECK(rules->rule_count() >= count);
    CHECK(rules->catalog().topics.size() == count + 1);  // and the base file's own

    advise::Situation s;
    s.topic = "t99999";
    s.message_type = "concern";
    CHECK(rules->evaluate(s).contact.id == "teacher");
    s.topic = "t0";
    CHECK(rules->evaluate(s).contact.id == "principal");
    s.topic = "t100000";
    CHECK_THROWS_AS(rules->evaluate(s), InputError);
}
