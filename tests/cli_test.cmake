# The advise CLI as a user runs it: exit codes, the JSON contract, one-line errors.
# cmake -DADVISE=path/to/advise -DSOURCE_DIR=repo -P cli_test.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_checks.cmake)

function(run out_var code_var)
  execute_process(COMMAND ${ADVISE} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code
                  WORKING_DIRECTORY /)
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()


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
expect(principal email_then_phone ON --type concern --raised-with general_ed_teacher --raised-with principal)
expect(director_special_ed email_then_phone ON --type concern --raised-with general_ed_teacher --raised-with principal --unresolved)
expect(general_ed_teacher email_then_phone OFF --type concern --raised-with general_ed_teacher --resolved)
expect(director_special_ed written_request ON --type concern --compliance)
expect(principal phone_or_meeting ON --type concern --stakes safety)
expect(related_service_provider email_or_app OFF --topic speech_therapy --type quick_question)
expect(general_ed_teacher phone_or_meeting OFF --topic homework --type disagreement --flag wants_escalation)

# Readable text by default, from any directory (the rules are built in): the short answer first,
# and with --why the details.
run(out code --topic grades)
check("text answer exits 0" code EQUAL 0)
string(FIND "${out}" "Email your child's teacher." at)
check("text answer starts with whom to contact and how" at EQUAL 0)
run(out code --why --topic grades)
string(FIND "${out}" "\nContact:   General Education Teacher\n" at)
check("--why shows the contact's title" NOT at EQUAL -1)

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
# The project's version, as advise_version() and advise::version give it (tests/capi_test.cpp).
string(STRIP "${out}" out)
set(want_version "advise ${VERSION}")
check("--version" code EQUAL 0 AND out STREQUAL want_version)
run(out code --help)
check("--help documents exit codes" code EQUAL 0 AND out MATCHES "Exit codes")

# Free text: with --why, what was understood follows the short answer, and from which words.
run(out code --why "my son didn't get extended time on tuesday's quiz and I already emailed his teacher twice")
check("free text exits 0 (got ${code})" code EQUAL 0)
string(FIND "${out}" "\n\nUnderstood\n" at)
check("--why says what was understood" NOT at EQUAL -1)
string(FIND "${out}" "accommodation not followed  <- \"extended time\"" at)
check("free text shows the words behind the topic" NOT at EQUAL -1)
string(FIND "${out}" "\033[" at)
check("no colour when the output is not a terminal" at EQUAL -1)
expect(general_ed_teacher email_then_phone OFF "I emailed his teacher yesterday about the homework load")
expect(principal email_then_phone ON "my son didn't get extended time on tuesday's quiz, I emailed his teacher twice and nothing changed")
expect(director_special_ed written_request ON "my daughter's speech sessions haven't happened for a month")

# Options take one value each, so the words that follow stay words.
expect(principal email_then_phone ON --raised-with general_ed_teacher --raised-with principal "homework load")
expect(director_special_ed email_then_phone ON --raised-with general_ed_teacher --raised-with principal --unresolved "homework load")

# A fact given as an option overrides the words.
run(out code --json --topic grades "his speech sessions")
string(JSON topic GET "${out}" understood topic)
check("--topic overrides the text (got ${topic})" topic STREQUAL "grades")

# Not sure only when nothing was understood: one question, exit 1.
run(out code --json "asdf qwerty zxcv")
check("nothing understood exits 1 (got ${code})" code EQUAL 1)
string(JSON sure GET "${out}" sure)
check("unsure JSON says sure: false" sure STREQUAL "OFF")
string(JSON question GET "${out}" question)
check("unsure JSON asks a question" question MATCHES "^What is it about")

# Bad text: one line, exit 2.
run(out code "")
check("empty text exits 2 (got ${code})" code EQUAL 2)
check("empty text says so: ${last_err}" last_err MATCHES "^advise: the text is empty")
set(big ${CMAKE_CURRENT_BINARY_DIR}/cli_test_big.txt)
string(REPEAT "my son needs help with reading. " 33000 big_text)
file(WRITE ${big} "${big_text}")
execute_process(COMMAND ${ADVISE} INPUT_FILE ${big} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
check("1 MB of text exits 2 (got ${code})" code EQUAL 2)
check("1 MB of text gets one clear line: ${err}" err MATCHES "^advise: the text is too long")
set(binary ${CMAKE_CURRENT_BINARY_DIR}/cli_test_binary.txt)
string(ASCII 1 2 3 127 200 201 binary_text)
file(WRITE ${binary} "speech ${binary_text} therapy")
execute_process(COMMAND ${ADVISE} INPUT_FILE ${binary} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
check("binary input exits 2 (got ${code})" code EQUAL 2)

# Standard input, and --batch: one situation a line in, one JSON object a line out.
set(lines ${CMAKE_CURRENT_BINARY_DIR}/cli_test_lines.txt)
file(WRITE ${lines} "OT question about handwriting\n\nasdf qwerty\nbus late again\n")
execute_process(COMMAND ${ADVISE} --batch INPUT_FILE ${lines} OUTPUT_VARIABLE out RESULT_VARIABLE code)
# (JSON holds semicolons, so the lines are cut by position, not as a CMake list.)
string(REGEX MATCHALL "\n" newlines "${out}")
list(LENGTH newlines answer_count)
check("--batch answers every line, the empty one with an error (got ${answer_count})" answer_count EQUAL 4)
check("--batch with an empty line exits 3 (got ${code})" code EQUAL 3)
string(FIND "${out}" "\n" end_of_first)
string(SUBSTRING "${out}" 0 ${end_of_first} first)
string(JSON role GET "${first}" contact role)
check("--batch first answer (got ${role})" role STREQUAL "related_service_provider")
math(EXPR start_of_second "${end_of_first} + 1")
string(SUBSTRING "${out}" ${start_of_second} -1 rest)
string(FIND "${rest}" "\n" end_of_second)
string(SUBSTRING "${rest}" 0 ${end_of_second} second)
string(JSON number GET "${second}" line)
string(JSON error GET "${second}" error)
check("--batch numbers the empty line's error (got ${number}: ${error})" number EQUAL 2 AND error MATCHES "empty")
math(EXPR start_of_third "${end_of_second} + 1")
string(SUBSTRING "${rest}" ${start_of_third} -1 rest)
string(FIND "${rest}" "\n" end_of_third)
string(SUBSTRING "${rest}" 0 ${end_of_third} third)
string(JSON sure GET "${third}" sure)
check("--batch marks an unsure line" sure STREQUAL "OFF")
file(WRITE ${lines} "OT question about handwriting")
execute_process(COMMAND ${ADVISE} --json INPUT_FILE ${lines} OUTPUT_VARIABLE out RESULT_VARIABLE code)
string(JSON role GET "${out}" contact role)
check("text on standard input (got ${role})" role STREQUAL "related_service_provider")

run(out code --completion bash)
check("--completion bash" code EQUAL 0 AND out MATCHES "complete -F _advise advise")

# advise check: 0 clean, 1 findings, 2 cannot load.
run(out code check)
check("check of the built-in rules exits 0 (got ${code})" code EQUAL 0)
run(out code check ${SOURCE_DIR}/tests/rules/check/unsound.yaml)
check("check with findings exits 1 (got ${code})" code EQUAL 1)
check("check names file:line:column and the kind" out MATCHES "unsound.yaml:9:10: roles\\[3\\].id: .*\\[unreachable_role\\]")
run(out code check --json ${SOURCE_DIR}/tests/rules/check/unsound.yaml)
string(JSON finding_count LENGTH "${out}" findings)
check("check --json lists the findings (got ${finding_count})" finding_count EQUAL 9)
run(out code check ${SOURCE_DIR}/tests/rules/broken/yaml_unclosed_bracket.yaml)
check("check of a file that is not YAML exits 2 (got ${code})" code EQUAL 2)

# advise graph: DOT of the decision graph and of the ladder.
run(out code graph)
check("graph prints a digraph" code EQUAL 0 AND out MATCHES "^digraph")
run(out code graph --ladder)
check("graph --ladder draws the ladder" code EQUAL 0 AND out MATCHES "Principal / Assistant Principal")

report_checks()
