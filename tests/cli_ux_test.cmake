# The advise CLI as a person meets it: the short answer, wrapping, help and errors that guide,
# check and graph taking --rules, check reading examples back, diff, contacts, the man page.
# cmake -DADVISE=path/to/advise -DSOURCE_DIR=repo -DWORK=folder -P cli_ux_test.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_checks.cmake)

function(run out_var code_var)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env COLUMNS=${columns} ${ADVISE} ${ARGN}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code WORKING_DIRECTORY ${WORK})
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()


# The longest line of a text, in characters.
function(longest out_var text)
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "[" "(" text "${text}")
  string(REPLACE "]" ")" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(max 0)
  foreach(line IN LISTS lines)
    string(LENGTH "${line}" n)
    if(n GREATER max)
      set(max ${n})
    endif()
  endforeach()
  set(${out_var} ${max} PARENT_SCOPE)
endfunction()

set(columns 80)
set(question "my son didn't get extended time on his quiz and I already emailed his teacher twice")

# The short answer: a few lines, titles, no ids, no engine talk.
run(out code ${question})
check("short answer exits 0 (got ${code})" code EQUAL 0)
string(REGEX MATCHALL "\n" newlines "${out}")
list(LENGTH newlines line_count)
check("short answer is 3 to 6 lines (got ${line_count}): ${out}" line_count GREATER_EQUAL 3 AND line_count LESS_EQUAL 6)
check("short answer says whom and how: ${out}" out MATCHES "^Email the principal\\.\n")
foreach(engine_talk general_ed_teacher email_then_phone "escalate\\." "Escalate:" "compliance true" "->")
  check("short answer has no '${engine_talk}'" NOT out MATCHES "${engine_talk}")
endforeach()
longest(width "${out}")
check("wrapped to 80 when piped (longest ${width})" width LESS_EQUAL 80)

# --why adds what was understood and the reasons with their guide sections.
run(out code --why ${question})
check("--why says what was understood" out MATCHES "\nUnderstood\n  topic +accommodation not followed")
check("--why gives the reasons with their sources" out MATCHES "\\[escalate\\.unresolved; guide, 5: When to escalate")
run(out2 code -v ${question})
check("-v is --why" out2 STREQUAL out)

# COLUMNS: never longer, never inside a word.
set(columns 40)
run(out code --why ${question})
longest(width "${out}")
check("COLUMNS=40 wraps to 40 (longest ${width})" width LESS_EQUAL 40)
check("wrapping keeps words whole" out MATCHES "principal" AND out MATCHES "Director")
set(columns 80)

# The Director as the closest person: not an escalation, and it says why.
set(columns 200)
run(out code --why --topic iep_dispute)
set(columns 80)
check("the Director, not an escalation, says why: ${out}" out MATCHES "That is not going over anyone's head" AND
      out MATCHES "Escalate:  no: the district's Director of Special Education is the closest person")

# --json keeps the contract and adds the short answer.
run(out code --json ${question})
string(JSON first GET "${out}" answer 0)
check("--json carries the short answer (${first})" first STREQUAL "Email the principal.")
string(JSON next0 GET "${out}" next_if_unresolved 0)
check("next_if_unresolved stays ids (${next0})" next0 STREQUAL "director_special_ed")
string(JSON title0 GET "${out}" next 0 title)
check("next carries titles (${title0})" title0 STREQUAL "Director of Special Ed / CSE Chair")

# Help in the style people know: summary, usage, examples before options, no library clutter.
run(out code --help)
check("--help exits 0" code EQUAL 0)
check("--help starts with a one-line summary" out MATCHES "^advise: who at school to contact")
string(FIND "${out}" "Examples:" examples_at)
string(FIND "${out}" "Describe the situation" options_at)
check("--help shows examples before options" examples_at GREATER 0 AND examples_at LESS options_at)
foreach(clutter "INT:INT" "Excludes" "TEXT:" " in \\[")
  check("--help has no '${clutter}'" NOT out MATCHES "${clutter}")
endforeach()
run(out code check --help)
check("check --help names FILE" code EQUAL 0 AND out MATCHES "--rules FILE")
check("check --help has no library clutter" NOT out MATCHES "TEXT" AND NOT out MATCHES "Excludes")

# Errors that guide.
run(out code --tpoic speech)
check("unknown option exits 2" code EQUAL 2)
check("unknown option suggests the closest: ${last_err}" last_err MATCHES "unknown option '--tpoic' \\(did you mean --topic\\?\\)")
run(out code --topic speach_therapy)
check("unknown id suggests the closest: ${last_err}" last_err MATCHES "did you mean 'speech_therapy'")
run(out code --raised-with nurse --topic grades)
check("unknown role lists the roles: ${last_err}" code EQUAL 2 AND last_err MATCHES "one of: general_ed_teacher, ")
run(by_word code --json --raised-with teacher --unresolved --topic grades)
run(by_id code --json --raised-with general_ed_teacher --unresolved --topic grades)
check("--raised-with takes the reader's words" by_word STREQUAL by_id AND code EQUAL 0)
run(out code "the bus was late" check)
check("text before a command is refused, not dropped: ${last_err}" code EQUAL 2 AND last_err MATCHES "not something check takes")

# check and graph take --rules FILE as well as FILE; check never gives a false all-clear.
set(unsound ${SOURCE_DIR}/tests/rules/check/unsound.yaml)
run(out code --rules ${unsound} check)
check("advise --rules FILE check checks FILE (exit ${code})" code EQUAL 1 AND out MATCHES "unreachable_role")
run(out code check --rules ${unsound})
check("check --rules FILE (exit ${code})" code EQUAL 1)
run(out code graph --rules ${unsound})
check("graph --rules FILE draws FILE" code EQUAL 0 AND out MATCHES "Nurse")
run(out code graph ${unsound})
check("graph FILE draws FILE" code EQUAL 0 AND out MATCHES "Nurse")

# The picture shows the answer: the contact highlighted, words on the edges, a cluster per section.
run(out code --format dot --topic iep_dispute)
check("dot names the contact" code EQUAL 0 AND out MATCHES "Contact: Director of Special Ed / CSE Chair")
check("dot highlights the contact" out MATCHES "Contact: Director[^]]*fillcolor=\"#8fd19e\"")
check("dot edges carry words" out MATCHES "label=\"a dispute over the IEP\nroute")
check("dot has a cluster per section" out MATCHES "subgraph cluster_0 {\nlabel=\"The role table")
run(out code --format dot --topic grades --raised-with teacher --unresolved)
string(FIND "${out}" "Contact: Principal / Assistant Principal\n(escalate.unresolved" at)
check("an escalation's contact is its rule's vertex" NOT at EQUAL -1)

# A small rule set of its own terms, for check's examples, diff and contacts.
set(base "advise: 1
name: district
defaults: {topic: lunch, message_type: ask, stakes: calm}
roles:
  - {id: tutor, title: Tutor, does: Teaches, contact_when: Lessons, escalates_to: head, source: \"handbook, 1\"}
  - {id: nurse, title: Nurse, does: Care, contact_when: Health, escalates_to: head, source: \"handbook, 1\"}
  - {id: head, title: Head, does: Leads, contact_when: Escalations, source: \"handbook, 1\"}
channels:
  - {id: chat, label: Chat, why: Quick, source: \"handbook, 2\"}
message_types:
  - {id: ask, label: A question, channel: chat, source: \"handbook, 2\", phrases: [question]}
stakes:
  - {id: calm, label: Calm}
topics:
  - {id: lunch, label: lunch, role: tutor, why: Tutors run lunch, source: \"handbook, 3\", phrases: [lunch, food],
     examples: [\"he skipped lunch\", \"the nurse gave him the wrong pill\"]}
  - {id: meds, label: medicine, role: NURSE_ROLE, why: Nurses give medicine, source: \"handbook, 3\", phrases: [pill, medicine]}
escalation:
  - {id: up.again, when: raised_directly and resolved == false, to: above_raised, text: One up, source: \"handbook, 4\"}
stay:
  - {id: stay.here, when: \"true\", text: Stay, source: \"handbook, 4\"}
")
string(REPLACE "NURSE_ROLE" "nurse" old_rules "${base}")
string(REPLACE "NURSE_ROLE" "tutor" new_rules "${base}")
file(WRITE ${WORK}/old.yaml "${old_rules}")
file(WRITE ${WORK}/new.yaml "${new_rules}")
run(out code check old.yaml)
check("check reads each topic's examples back (exit ${code}): ${out}" code EQUAL 1 AND
      out MATCHES "old.yaml:[0-9]+:[0-9]+: topics\\[0\\]\\.examples\\[1\\]: this example of topic 'lunch' is read as 'meds' \\[misread_example\\]")
check("an example read right is no finding" NOT out MATCHES "examples\\[0\\]")

run(out code diff old.yaml new.yaml)
check("diff exits 1 when answers change (got ${code})" code EQUAL 1)
check("diff counts the changed situations: ${out}" out MATCHES "^[1-9][0-9]* of [0-9]+ situations answer differently")
check("diff groups by rule and shows the change: ${out}" out MATCHES "\nstay\\.here \\([0-9]+ situations\\)\n  topic=meds [^\n]*: nurse by chat -> tutor by chat")
run(out code diff old.yaml old.yaml)
check("diff of a file with itself: no change, exit 0 (got ${code})" code EQUAL 0 AND out MATCHES "^0 of ")
run(out code diff old.yaml missing.yaml)
check("diff with a missing file exits 2" code EQUAL 2)

# contacts: the answer names the person, per school; an unknown role is an error at its line.
file(WRITE ${WORK}/people.yaml "${old_rules}contacts:
  - {role: nurse, school: north, name: Ms. Rivera, email: rivera@north.example}
")
run(out code --rules people.yaml --school north --topic meds)
check("contacts name the person: ${out}" out MATCHES "^Contact the Nurse, Ms\\. Rivera: Chat\\.\nMs\\. Rivera: rivera@north\\.example\n")
run(out code --rules people.yaml --topic meds)
check("without a school, no one is named" code EQUAL 0 AND NOT out MATCHES "Rivera")
run(out code --rules people.yaml --school nroth --topic meds)
check("unknown school: ${last_err}" code EQUAL 2 AND last_err MATCHES "unknown school 'nroth' \\(did you mean 'north'\\?\\)")
file(WRITE ${WORK}/bad_people.yaml "${old_rules}contacts:
  - {role: nurce, name: X}
")
run(out code --rules bad_people.yaml --topic meds)
check("unknown role in contacts at its line and column: ${last_err}" code EQUAL 2 AND
      last_err MATCHES "bad_people.yaml:23:12: contacts\\[0\\]\\.role: unknown role 'nurce' \\(did you mean 'nurse'\\?\\)")

# The man page documents every option --help names.
file(READ ${SOURCE_DIR}/cli/advise.1 man)
string(REPLACE "\\-" "-" man "${man}")
run(help code --help)
string(REGEX MATCHALL "  --[a-z-]+" options "${help}")
foreach(option IN LISTS options)
  string(STRIP "${option}" option)
  string(FIND "${man}" "${option}" at)
  check("the man page documents ${option}" NOT at EQUAL -1)
endforeach()

report_checks()
