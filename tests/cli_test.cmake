# The advise CLI as a user runs it: exit codes, the JSON contract, one-line errors.
# cmake -DADVISE=path/to/advise -DSOURCE_DIR=repo -P cli_test.cmake
set(failures 0)
set(checks 0)

function(run out_var code_var)
  execute_process(COMMAND ${ADVISE} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code
                  WORKING_DIRECTORY /)
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

# check("what is checked" <if() condition...>)
macro(check message)
  math(EXPR checks "${checks} + 1")
  if(NOT (${ARGN}))
    math(EXPR failures "${failures} + 1")
    message("FAIL ${message}")
  endif()
endmacro()

# Asks with --json and compares contact, channel and escalate.
function(expect contact channel escalate)
  run(out code --json ${ARGN})
  string(JSON got_contact ERROR_VARIABLE e1 GET "${out}" contact role)
  string(JSON got_channel ERROR_VARIABLE e2 GET "${out}" channel id)
  string(JSON got_escalate ERROR_VARIABLE e3 GET "${out}" escalate)
  string(JSON reasons ERROR_VARIABLE e4 LENGTH "${out}" reasons)
  set(ok TRUE)
  if(NOT code EQUAL 0 OR NOT got_contact STREQUAL contact OR NOT got_channel STREQUAL channel
     OR NOT got_escalate STREQUAL escalate OR NOT reasons GREATER 0)
    set(ok FALSE)
  endif()
  math(EXPR n "${checks} + 1")
  set(checks ${n} PARENT_SCOPE)
  if(NOT ok)
    math(EXPR f "${failures} + 1")
    set(failures ${f} PARENT_SCOPE)
    message("FAIL ${ARGN}: got ${got_contact} ${got_channel} ${got_escalate} (exit ${code}), want ${contact} ${channel} ${escalate}")
  endif()
endfunction()

# The channel table.
expect(general_ed_teacher email_or_app OFF --type quick_question)
expect(general_ed_teacher email_or_app OFF --type scheduling)
expect(general_ed_teacher note_or_brief_email OFF --type home_context)
expect(general_ed_teacher email_then_phone OFF --type concern)
expect(general_ed_teacher phone_or_meeting OFF --type disagreement)
expect(general_ed_teacher written_request OFF --type formal_request)
# The escalation targets.
expect(principal email_then_phone ON --type concern --raised-with general_ed_teacher --unresolved)
expect(director_special_ed email_then_phone ON --type concern --raised-with general_ed_teacher --raised-with principal)
expect(general_ed_teacher email_then_phone OFF --type concern --raised-with general_ed_teacher --resolved)
expect(director_special_ed written_request ON --type concern --compliance)
expect(principal phone_or_meeting ON --type concern --stakes safety)
expect(related_service_provider email_or_app OFF --topic speech_therapy --type quick_question)
expect(general_ed_teacher phone_or_meeting OFF --topic homework --type disagreement --flag wants_escalation)

# Readable text by default, from any directory (the rules are built in).
run(out code --topic grades)
check("text answer exits 0" code EQUAL 0)
string(FIND "${out}" "Contact:   General Education Teacher" at)
check("text answer starts with the contact" at EQUAL 0)

# --format dot draws the path.
run(out code --format dot --topic grades)
string(FIND "${out}" "digraph" at)
check("--format dot prints a digraph" at EQUAL 0 AND code EQUAL 0)

# Bad input: one readable line and exit 2.
run(out code --topic no_such_topic)
check("unknown topic exits 2 (got ${code})" code EQUAL 2)
check("unknown topic message: ${last_err}" last_err STREQUAL "advise: unknown topic 'no_such_topic'\n")
run(out code --no-such-option)
check("unknown option exits 2 (got ${code})" code EQUAL 2)
string(REGEX MATCHALL "\n" lines "${last_err}")
list(LENGTH lines line_count)
check("unknown option gives one line: ${last_err}" line_count EQUAL 1)
run(out code --resolved --unresolved)
check("--resolved with --unresolved exits 2" code EQUAL 2)

# A broken rule file: file:line:column, exit 2, and no advice.
set(bad ${CMAKE_CURRENT_BINARY_DIR}/cli_test_bad.yaml)
file(WRITE ${bad} "roles:\n  - id: x\n    title: [unclosed\n")
run(out code --rules ${bad} --type concern)
check("broken rule file exits 2 (got ${code})" code EQUAL 2)
check("broken rule file names file:line:column: ${last_err}" last_err MATCHES "cli_test_bad.yaml:[0-9]+:[0-9]+: ")
string(LENGTH "${out}" out_length)
check("broken rule file prints no advice" out_length EQUAL 0)

# The shipped rule file loads by path too, and --list shows ids.
run(out code --rules ${SOURCE_DIR}/rules/default.yaml --list roles)
check("--list roles exits 0" code EQUAL 0)
string(FIND "${out}" "director_special_ed" at)
check("--list roles names director_special_ed" NOT at EQUAL -1)
run(out code --version)
check("--version" code EQUAL 0 AND out MATCHES "^advise [0-9]")
run(out code --help)
check("--help documents exit codes" code EQUAL 0 AND out MATCHES "Exit codes")

math(EXPR passed "${checks} - ${failures}")
message("${passed} passed, ${failures} failed")
if(failures GREATER 0)
  message(FATAL_ERROR "cli checks failed")
endif()
