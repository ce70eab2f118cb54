/* advise, the C interface: who at school to contact, by which channel, and why.
 *
 * For C and for any language that calls C (Python's ctypes, Go's cgo, Rust, Java's FFM...).
 * Situations go in as JSON or as free text; advice comes out as the JSON of `advise --json`.
 *
 *   advise_rules* rules = advise_rules_builtin();
 *   char* advice = advise_evaluate_json(rules, "{\"topic\": \"speech_therapy\", \"message_type\": \"concern\"}");
 *   if (advice) { puts(advice); advise_string_free(advice); }
 *   else fprintf(stderr, "advise: %s\n", advise_last_error());
 *   advise_rules_free(rules);
 *
 * Errors: no function throws or aborts on bad input. A function that fails returns NULL (or
 * -1) and leaves a one-line (for a rule file: one line per problem) message for
 * advise_last_error(), kept per thread.
 *
 * Memory: every `char*` returned is the caller's, freed with advise_string_free(). Every
 * `const char*` returned belongs to advise (see each function for how long it stays valid).
 * Strings passed in are only read, and only during the call: the caller keeps them.
 *
 * Threads: an advise_rules handle is immutable once made. Any number of threads may evaluate
 * with the same handle at once; free it only after every such call has returned. */
#ifndef ADVISE_ADVISE_H
#define ADVISE_ADVISE_H

#include <stddef.h>

#include "advise/version.h"

#if defined(__GNUC__)
#define ADVISE_C_API __attribute__((visibility("default")))
#else
#define ADVISE_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A compiled rule set: its roles, channels, topics, rules and the reader's learned models.
   Opaque; made by advise_rules_builtin/_from_file/_from_string, freed by advise_rules_free. */
typedef struct advise_rules advise_rules;

/* The version of the library loaded, "MAJOR.MINOR.PATCH" (the same as `advise --version`).
   Static storage: never free it. */
ADVISE_C_API const char* advise_version(void);

/* The rule file format this library reads (`advise: N` in a rule file). */
ADVISE_C_API int advise_rule_format(void);

/* The built-in rule set (the guide). Returns a new handle, or NULL on failure (out of memory).
   The caller owns the handle: free it with advise_rules_free(). */
ADVISE_C_API advise_rules* advise_rules_builtin(void);

/* Loads and compiles a rule file (YAML; a relative `examples:` path is read next to it).
   Returns a new handle owned by the caller (free with advise_rules_free()), or NULL when the
   file cannot be loaded: advise_last_error() then lists every problem found, one a line, as
   `file:line:column: key: message`. */
ADVISE_C_API advise_rules* advise_rules_from_file(const char* path);

/* Loads and compiles a rule set from YAML text (UTF-8, `yaml_length` bytes; no terminating NUL
   needed). `source_name` names it in error messages (NULL: "<string>"); `examples:` files are
   read relative to the current directory. Returns a new handle owned by the caller, or NULL
   with the problems in advise_last_error(). */
ADVISE_C_API advise_rules* advise_rules_from_string(const char* yaml, size_t yaml_length, const char* source_name);

/* Frees a handle from advise_rules_*(). NULL is ignored. No evaluation with it may be running. */
ADVISE_C_API void advise_rules_free(advise_rules* rules);

/* Evaluates a situation given as a JSON object (UTF-8, NUL-terminated), with the keys of the
 * contract's `understood` (every one optional; the rule set's defaults fill the rest):
 *   {"topic": "speech_therapy", "message_type": "concern", "stakes": "normal",
 *    "compliance": false, "raised_with": ["related_service_provider"],
 *    "resolved": false, "attempts": 2, "flags": ["verbal_agreement"]}
 * `resolved` is true, false or "unknown"; `attempts` a whole number (absent: the number of
 * roles in raised_with).
 * Returns the advice as one line of JSON (the contract: contact, channel, escalate,
 * next_if_unresolved, reasons, understood...), a new string owned by the caller (free with
 * advise_string_free()). Returns NULL when `rules` or `situation_json` is NULL, the JSON is
 * not valid, has an unknown key or a value of the wrong kind, or names an id the rule set does
 * not define; advise_last_error() says which. Safe to call from many threads at once. */
ADVISE_C_API char* advise_evaluate_json(const advise_rules* rules, const char* situation_json);

/* Reads a situation told in a person's own words (UTF-8, NUL-terminated, at most 64 KiB) and
 * evaluates it, as `advise --json "text"` does. Returns a new string owned by the caller (free
 * with advise_string_free()): the advice as one line of JSON, with `understood.from` giving
 * the words behind each fact; or, when nothing in the text was understood, an object with
 * "sure": false and the "question" to ask. Returns NULL for a NULL argument or for empty,
 * oversized, binary or invalid UTF-8 text, with the reason in advise_last_error(). Safe to
 * call from many threads at once. */
ADVISE_C_API char* advise_evaluate_text(const advise_rules* rules, const char* text);

/* Frees a string returned by advise_evaluate_json() or advise_evaluate_text(). NULL is
   ignored. */
ADVISE_C_API void advise_string_free(char* s);

/* What went wrong in the last call on this thread that failed: one line, or one line per
   problem for a rule file that cannot be loaded. "" after a call that succeeded. Owned by
   advise: valid until the next advise_ call on the same thread; never NULL. */
ADVISE_C_API const char* advise_last_error(void);

#ifdef __cplusplus
}
#endif

#endif
