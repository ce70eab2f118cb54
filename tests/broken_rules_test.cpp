// Broken rule files: each is rejected with a LoadError whose diagnostics say exactly where the
// problem is and what it is, since that is all a rule author has to go on. Every file in
// tests/rules/broken/ is valid_base.yaml with one thing changed (unless it says otherwise).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "advise/advise.hpp"

using advise::LoadError;
using advise::RuleSet;

namespace {

std::string broken_path(const std::string& name) {
    return std::string(ADVISE_SOURCE_DIR) + "/tests/rules/broken/" + name + ".yaml";
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
    return out;
}

// The diagnostics of a LoadError, one to_string() line each; what() must list the same lines.
std::vector<std::string> lines_of(const LoadError& error) {
    std::vector<std::string> lines;
    for (const auto& d : error.diagnostics()) lines.push_back(d.to_string());
    CHECK(std::string(error.what()) == joined(lines));
    return lines;
}

// What loading the broken file `name` reports. Any other exception, or none, fails the test.
std::vector<std::string> problems(const std::string& name) {
    try {
        RuleSet::from_file(broken_path(name));
    } catch (const LoadError& e) {
        return lines_of(e);
    }
    FAIL(name << ".yaml loaded, but it is broken");
    return {};
}

// Expected diagnostics written as "line:column: key: message"; the file's path is prefixed.
std::vector<std::string> in(const std::string& name, const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) out.push_back(broken_path(name) + ":" + line);
    return out;
}

// The shared base's text, for the tests that build a broken rule set in memory.
std::string read_base() {
    std::ifstream file(broken_path("valid_base"), std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

advise::Situation homework() {
    advise::Situation s;
    s.topic = "homework";
    return s;
}

}  // namespace

TEST_CASE("broken: the shared base itself loads", "[broken]") {
    const auto rules = RuleSet::from_file(broken_path("valid_base"));
    CHECK(rules.evaluate(homework()).contact.id == "teacher");
}

// ---------------------------------------------------------------------------------------------
// YAML syntax and the shape of the file.

// yaml-cpp notices the missing ']' only at the ':' of the next line; the '[' left open is what
// the author has to fix, so that is where the diagnostic belongs.
TEST_CASE("broken: an unclosed flow list is reported where it opens", "[broken]") {
    CHECK(problems("yaml_unclosed_bracket") ==
          in("yaml_unclosed_bracket", {"50:14: invalid YAML: end of sequence flow not found (this bracket is never closed)"}));
}

// The quote runs on into the next keys; yaml-cpp gives up lines later, at the end of a mapping.
TEST_CASE("broken: an unclosed quote is reported where it opens", "[broken]") {
    CHECK(problems("yaml_unclosed_quote") ==
          in("yaml_unclosed_quote", {"10:12: invalid YAML: end of map not found (this quote is not closed on its line)"}));
}

TEST_CASE("broken: a tab used for indentation", "[broken]") {
    CHECK(problems("yaml_tab_indent") ==
          in("yaml_tab_indent", {"10:1: invalid YAML: illegal tab when looking for indentation"}));
}

TEST_CASE("broken: an unknown top-level key suggests the known one", "[broken]") {
    CHECK(problems("unknown_top_level_key") ==
          in("unknown_top_level_key",
             {"53:1: escalations: unknown key 'escalations' (did you mean 'escalation'?)"}));
}

TEST_CASE("broken: an unknown key inside a role", "[broken]") {
    CHECK(problems("unknown_role_key") ==
          in("unknown_role_key",
             {"19:5: roles[1].escalates_too: unknown key 'escalates_too' (did you mean 'escalates_to'?)"}));
}

TEST_CASE("broken: a key repeated in one mapping is reported at the repeat", "[broken]") {
    CHECK(problems("repeated_key") == in("repeated_key", {"11:5: roles[0].title: key 'title' appears twice"}));
}

TEST_CASE("broken: a missing required key is reported at its mapping", "[broken]") {
    CHECK(problems("missing_required_key") ==
          in("missing_required_key", {"48:5: topics[0]: missing key 'why'"}));
}

TEST_CASE("broken: a missing required section", "[broken]") {
    CHECK(problems("missing_section") == in("missing_section", {"2:1: missing key 'stay'"}));
}

// `title:` with nothing after it: yaml-cpp places the null value at the next token, so the
// diagnostic must point at the key instead.
TEST_CASE("broken: a key with no value is reported on its own line", "[broken]") {
    CHECK(problems("empty_value") ==
          in("empty_value", {"10:5: roles[0].title: 'title' has no value"}));
}

TEST_CASE("broken: a list where a single value belongs", "[broken]") {
    CHECK(problems("wrong_kind_list") ==
          in("wrong_kind_list", {"50:11: topics[0].role: expected a single value, found a list"}));
}

// The format read is advise::rule_format; the message says which way a file is apart from it.
TEST_CASE("broken: a newer rule format is refused: use a newer advise", "[broken]") {
    REQUIRE(advise::rule_format == 1);
    const std::string reads = std::string("this advise ") + advise::version + " reads rule format 1";
    CHECK(problems("unsupported_format") ==
          in("unsupported_format",
             {"2:9: advise: rule format 2 is newer than " + reads + ": use a newer advise, or a file of format 1"}));
}

TEST_CASE("broken: an older rule format is refused: update the file", "[broken]") {
    const std::string reads = std::string("this advise ") + advise::version + " reads rule format 1";
    CHECK(problems("older_format") ==
          in("older_format", {"2:9: advise: rule format 0 is older than " + reads + ": update the file to format 1"}));
}

TEST_CASE("broken: a rule format that is not a number", "[broken]") {
    const std::string reads = std::string("this advise ") + advise::version + " reads rule format 1";
    CHECK(problems("format_not_a_number") ==
          in("format_not_a_number", {"2:9: advise: the rule format is a whole number, found 'one' (" + reads + ")"}));
}

TEST_CASE("broken: a file that is a list and not a mapping", "[broken]") {
    CHECK(problems("not_a_mapping") ==
          in("not_a_mapping", {"2:1: a rule file is a mapping of sections, found a list"}));
}

// An empty document is a null node without a position of its own: it is reported at 1:1.
TEST_CASE("broken: an empty file", "[broken]") {
    CHECK(problems("empty") == in("empty", {"1:1: a rule file is a mapping of sections, found nothing"}));
}

// ---------------------------------------------------------------------------------------------
// Ids and references.

TEST_CASE("broken: a duplicate role id names the first definition", "[broken]") {
    CHECK(problems("duplicate_role_id") ==
          in("duplicate_role_id", {"26:9: roles[3].id: duplicate role id 'director' (first defined on line 21)"}));
}

TEST_CASE("broken: a duplicate rule id names the first definition", "[broken]") {
    CHECK(problems("duplicate_rule_id") ==
          in("duplicate_rule_id", {"64:9: stay[1].id: duplicate rule id 'stay.lowest' (first defined on line 60)"}));
}

// One mistake, one diagnostic: the generated `route.<topic>` rule id must not report it again.
TEST_CASE("broken: a duplicate topic id is reported once", "[broken]") {
    CHECK(problems("duplicate_topic_id") ==
          in("duplicate_topic_id", {"53:9: topics[1].id: duplicate topic id 'homework' (first defined on line 48)"}));
}

TEST_CASE("broken: a malformed id (with a space)", "[broken]") {
    CHECK(problems("malformed_id") ==
          in("malformed_id",
             {"31:9: channels[1].id: channel id 'phone call' must be letters, digits and '_', starting with a "
              "letter"}));
}

// As for duplicates: the topic id is the author's mistake, 'route.home work' is not theirs.
TEST_CASE("broken: a malformed topic id is reported once", "[broken]") {
    CHECK(problems("malformed_topic_id") ==
          in("malformed_topic_id",
             {"53:9: topics[1].id: topic id 'home work' must be letters, digits and '_', starting with a letter"}));
}

TEST_CASE("broken: an unknown role in a topic", "[broken]") {
    CHECK(problems("unknown_role_in_topic") ==
          in("unknown_role_in_topic", {"50:11: topics[0].role: unknown role 'teacherr' (did you mean 'teacher'?)"}));
}

TEST_CASE("broken: an unknown channel in a message type", "[broken]") {
    CHECK(problems("unknown_channel_in_message_type") ==
          in("unknown_channel_in_message_type",
             {"38:14: message_types[0].channel: unknown channel 'e-mail' (did you mean 'email'?)"}));
}

TEST_CASE("broken: an unknown role in escalates_to", "[broken]") {
    CHECK(problems("unknown_escalates_to") ==
          in("unknown_escalates_to", {"19:19: roles[1].escalates_to: unknown role 'superintendent'"}));
}

TEST_CASE("broken: a ladder with a cycle", "[broken]") {
    CHECK(problems("ladder_cycle") ==
          in("ladder_cycle",
             {"19:19: roles[1].escalates_to: the escalation ladder has a cycle: principal -> director -> principal"}));
}

TEST_CASE("broken: an unknown target in an escalation rule", "[broken]") {
    CHECK(problems("unknown_escalation_target") ==
          in("unknown_escalation_target",
             {"56:9: escalation[0].to: unknown role 'principle' (did you mean 'principal'?): 'to' takes a role id, "
              "above_raised, above_closest or highest_raised"}));
}

// ---------------------------------------------------------------------------------------------
// Conditions: the column is the problem's, counted in the file.

TEST_CASE("broken: a condition syntax error", "[broken]") {
    CHECK(problems("condition_syntax_error") ==
          in("condition_syntax_error", {"55:20: escalation[0].when: expected a value after '=='"}));
}

TEST_CASE("broken: an unknown fact in a condition", "[broken]") {
    CHECK(problems("condition_unknown_fact") ==
          in("condition_unknown_fact",
             {"55:31: escalation[0].when: unknown fact 'complience' (did you mean 'compliance'?)"}));
}

TEST_CASE("broken: an unknown stakes value in a condition", "[broken]") {
    CHECK(problems("condition_unknown_stakes") ==
          in("condition_unknown_stakes",
             {"55:21: escalation[0].when: unknown stakes value 'safty' (did you mean 'safety'?)"}));
}

TEST_CASE("broken: a quoted condition counts columns from inside the quotes", "[broken]") {
    CHECK(problems("condition_quoted") ==
          in("condition_quoted", {"55:22: escalation[0].when: unknown stakes value 'safty' (did you mean 'safety'?)"}));
}

TEST_CASE("broken: 'escalate' in an escalation rule's condition", "[broken]") {
    CHECK(problems("condition_escalate_in_escalation") ==
          in("condition_escalate_in_escalation",
             {"55:31: escalation[0].when: 'escalate' is known only once the contact is decided: use it in warnings"}));
}

// A folded (`>`) condition: the word at fault is on line 57, column 10, not on the `when:` line.
TEST_CASE("broken: a folded condition is reported on the line of the problem", "[broken]") {
    CHECK(problems("condition_folded") ==
          in("condition_folded", {"57:10: escalation[0].when: unknown fact 'complience' (did you mean 'compliance'?)"}));
}

// A plain scalar continued on the next line folds to one line; the problem is on the second.
TEST_CASE("broken: a condition continued on the next line is reported there", "[broken]") {
    CHECK(problems("condition_multiline_plain") ==
          in("condition_multiline_plain",
             {"56:7: escalation[0].when: unknown fact 'complience' (did you mean 'compliance'?)"}));
}

// ---------------------------------------------------------------------------------------------
// Several problems, the cap, and what a failed load leaves behind.

TEST_CASE("broken: several problems are all reported in one LoadError and in line order", "[broken]") {
    // Found in another order (ids, then references, then defaults, then conditions).
    CHECK(problems("several_problems") ==
          in("several_problems",
             {"7:11: defaults.stakes: unknown stakes value 'ordinary'",
              "31:9: channels[1].id: duplicate channel id 'email' (first defined on line 27)",
              "50:11: topics[0].role: unknown role 'teacherr' (did you mean 'teacher'?)",
              "55:31: escalation[0].when: unknown fact 'complience' (did you mean 'compliance'?)"}));
}

// A misspelt key must not hide an unrelated unknown role: one run reports both.
TEST_CASE("broken: problems of shape and of reference are reported in one run", "[broken]") {
    CHECK(problems("several_problems_mixed_stages") ==
          in("several_problems_mixed_stages",
             {"19:5: roles[1].escalates_too: unknown key 'escalates_too' (did you mean 'escalates_to'?)",
              "50:11: topics[0].role: unknown role 'teacherr' (did you mean 'teacher'?)"}));
}

TEST_CASE("broken: diagnostics stop at 20 and then say how many more there are", "[broken]") {
    std::string text = read_base();
    std::vector<std::string> expected;
    for (int i = 1; i <= 25; ++i) {
        const std::string key = "extra_" + std::to_string(100 + i);
        text += key + ": 1\n";
        if (i <= 20) expected.push_back("capped:" + std::to_string(63 + i) + ":1: " + key + ": unknown key '" + key + "'");
    }
    expected.push_back("capped: and 5 more problems not shown");
    try {
        RuleSet::from_string(text, "capped");
        FAIL("the rule set loaded, but it has 25 unknown keys");
    } catch (const LoadError& e) {
        CHECK(e.diagnostics().size() == 21);
        CHECK(lines_of(e) == expected);
    }
}

// The 20 shown are the first 20 in the file, since a reader fixes them top to bottom, even
// though defaults are checked after topics.
TEST_CASE("broken: the diagnostics kept under the cap are the first in the file", "[broken]") {
    std::string text = read_base();
    replace_once(text, "  stakes: normal\n", "  stakes: ordinary\n");  // line 7, found last
    std::string topics = "topics:\n";
    for (int i = 0; i < 21; ++i)
        topics += "  - id: t" + std::to_string(i) + "\n    label: x\n    role: nobody\n    why: x\n    source: x\n";
    replace_once(text, "topics:\n", topics);
    std::vector<std::string> expected{"many:7:11: defaults.stakes: unknown stakes value 'ordinary'"};
    for (int i = 0; i < 19; ++i)  // topics[i].role is on line 50 + 5 i, after `    role: `
        expected.push_back("many:" + std::to_string(50 + 5 * i) + ":11: topics[" + std::to_string(i) +
                           "].role: unknown role 'nobody'");
    expected.push_back("many: and 2 more problems not shown");
    try {
        RuleSet::from_string(text, "many");
        FAIL("the rule set loaded, but it has 22 problems");
    } catch (const LoadError& e) {
        CHECK(lines_of(e) == expected);
    }
}

TEST_CASE("broken: a rule set that fails to load never half-loads", "[broken]") {
    RuleSet rules = RuleSet::from_file(broken_path("valid_base"));
    const auto before = rules.evaluate(homework());
    const auto rule_count = rules.rule_count();

    // Several problems are found after parts of the graph were built; none of it may leak out.
    CHECK_THROWS_AS(rules = RuleSet::from_file(broken_path("several_problems")), LoadError);
    CHECK_THROWS_AS(rules = RuleSet::from_file(broken_path("ladder_cycle")), LoadError);

    CHECK(rules.source_name() == broken_path("valid_base"));
    CHECK(rules.rule_count() == rule_count);
    CHECK(rules.catalog().roles.size() == 3);
    const auto after = rules.evaluate(homework());
    CHECK(after.contact.id == before.contact.id);
    CHECK(after.channel.id == before.channel.id);
    CHECK(after.next_if_unresolved == before.next_if_unresolved);

    // And the next load starts clean.
    CHECK(RuleSet::from_file(broken_path("valid_base")).evaluate(homework()).contact.id == "teacher");
}

TEST_CASE("broken: a missing file throws LoadError naming the path", "[broken]") {
    const auto path = broken_path("no_such_file");
    try {
        RuleSet::from_file(path);
        FAIL("a missing file loaded");
    } catch (const LoadError& e) {
        CHECK(lines_of(e) == std::vector<std::string>{path + ": cannot read the file: there is no such file"});
    }
}

// A directory opens as a stream on Linux and reads as nothing: it must not pass for an empty file.
TEST_CASE("broken: a directory is not a readable rule file", "[broken]") {
    const auto path = std::string(ADVISE_SOURCE_DIR) + "/tests/rules/broken";
    try {
        RuleSet::from_file(path);
        FAIL("a directory loaded");
    } catch (const LoadError& e) {
        CHECK(lines_of(e) == std::vector<std::string>{path + ": cannot read the file: it is a folder"});
    }
}
