/* advise from C: a situation as JSON, one in a parent's own words, and an error. */
#include <advise/advise.h>

#include <stdio.h>

static int show(const char* what, char* json) {
    if (json == NULL) {
        fprintf(stderr, "advise: %s\n", advise_last_error());
        return 1;
    }
    printf("%s: %s\n", what, json);
    advise_string_free(json); /* every char* advise returns is ours to free */
    return 0;
}

int main(void) {
    int failed = 0;
    advise_rules* rules = advise_rules_builtin();
    if (rules == NULL) {
        fprintf(stderr, "advise: %s\n", advise_last_error());
        return 1;
    }
    printf("advise %s, rule format %d\n", advise_version(), advise_rule_format());

    failed |= show("facts", advise_evaluate_json(rules,
        "{\"topic\": \"accommodation_not_followed\", \"message_type\": \"concern\","
        " \"raised_with\": [\"general_ed_teacher\"], \"resolved\": false}"));
    failed |= show("words", advise_evaluate_text(rules,
        "my daughter's speech sessions haven't happened for a month"));

    /* An id the rule set does not define: NULL, and the reason. */
    if (advise_evaluate_json(rules, "{\"topic\": \"lunch_menu\"}") == NULL)
        printf("refused: %s\n", advise_last_error());
    else
        failed = 1;

    advise_rules_free(rules);
    return failed;
}
