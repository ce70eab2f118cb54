# advise train as trainers and trainees use it: a scripted quiz on standard input, grading a
# class from one file, malformed answer files, seeded order, generated exercises, handouts.
# cmake -DADVISE=path/to/advise -DSOURCE_DIR=repo -DWORK_DIR=scratch -P train_test.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_checks.cmake)
set(train ${SOURCE_DIR}/tests/train)
set(bank ${SOURCE_DIR}/rules/exercises)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# run(<input text or "">, args...): stdout in `out`, stderr in `err`, exit code in `code`.
function(run input)
  file(WRITE ${WORK_DIR}/stdin.txt "${input}")
  execute_process(COMMAND ${ADVISE} train ${ARGN} INPUT_FILE ${WORK_DIR}/stdin.txt
                  OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE c WORKING_DIRECTORY ${WORK_DIR})
  set(out "${o}" PARENT_SCOPE)
  set(err "${e}" PARENT_SCOPE)
  set(code "${c}" PARENT_SCOPE)
endfunction()

set(check_shows_output ON)  # a failure shows what the command printed

macro(check_has text message)
  string(FIND "${out}" "${text}" at)
  check("${message}: '${text}'" NOT at EQUAL -1)
endmacro()

# --- The quiz, driven through standard input -------------------------------------------
# Numbered choices: General Education Teacher is role 1, "Email first, then phone" channel 3.
run("1\n3\nn\n" --bank ${train}/bank.yaml --topic homework --seed 1)
check("a right answer exits 0 (got ${code})" code EQUAL 0)
check_has("Exercise 1 of 1" "the exercise is shown")
check_has("The fractions homework ends in tears" "the parent's words are shown")
check_has("Right: General Education Teacher, Email first, then phone if needed, no escalation." "all three right")
check_has("In the guide: 2: Learn the People, Not Just the Roles. Score so far: 3 of 3 (100%)" "running score")
check_has("Strengths: Routing (who to contact), Channel, Escalation judgement" "strengths in the summary")
check_has("To reread: nothing" "nothing to reread")

# Ids instead of numbers; falling for the trap is explained with the rules and the guide.
run("principal\nphone_or_meeting\ny\n" --bank ${train}/bank.yaml --topic day_to_day --seed 1)
check("a wrong answer still exits 0 (got ${code})" code EQUAL 0)
check_has("Not quite." "a miss is marked")
check_has("you said Principal / Assistant Principal; the rules say General" "the contact missed, in titles")
check_has("The rules that decided:" "the rules that decided")
check_has("(guide, 2: Learn the People (role table))" "each rule with its guide section")
check_has("The guide warns:" "the guide's warning")
check_has("This was a trap" "the trap is named")
check_has("  Traps not fallen for      0 of 1 (0%)" "traps in the summary")
check_has("  - Common Mistakes to Avoid (1 exercise missed)" "the section to reread")
string(FIND "${out}" "[route." rule_id_shown)
check("the explanation shows no rule ids" rule_id_shown EQUAL -1)

# The reframing task, graded by its stated checks.
run("1\n3\nn\nThis accommodation isn't being followed.\n" --bank ${train}/bank.yaml --topic accommodation_not_followed --seed 1)
check_has("Reframe it: turn \"This accommodation isn't being followed.\" into a question" "the reframing task is asked")
check_has("[ ] asks a question" "no question mark")
check_has("[ ] names the observation" "no observation")
check_has("[ ] no blame words (found: isn't being followed)" "the blame words found")
check_has("The guide's way: Is the extended-time accommodation" "the guide's reframing")
run("1\n3\nn\nIs his extended time still in place? He said he didn't get it on the quiz.\n"
    --bank ${train}/bank.yaml --topic accommodation_not_followed --seed 1)
check_has("Right: General Education Teacher" "a reframing that passes every check")
check_has("  Reframing                 1 of 1 (100%)" "reframing scored")

# A wrong choice is asked again; the end of the input ends the session with its summary.
run("9\nthe janitor\n" --bank ${train}/bank.yaml --topic homework --seed 1)
check("input ending early exits 0 (got ${code})" code EQUAL 0)
check_has("Answer with a number from 1 to 7, or an id such as general_ed_teacher" "a bad choice is asked again")
check_has("(input ended)" "the end of the input is said")
check_has("Summary: 0 exercises" "a summary even so")
string(REPEAT "x" 70000 long_line)
run("${long_line}\n1\n3\nn\n" --bank ${train}/bank.yaml --topic homework --seed 1)
check_has("That answer is too long" "an answer over the text limit is refused")
check_has("Right: General Education Teacher" "and the session goes on")
run("q\n" --bank ${train}/bank.yaml --seed 1)
check_has("Session stopped." "q stops")

# --seed: the same exercises in the same order; another seed, another order.
run("" --count 8 --seed 42)
set(first "${out}")
run("" --count 8 --seed 42)
check("the same seed gives the same session" out STREQUAL first)
check_has("advise train: 8 exercises (seed 42" "the seed is shown")
run("" --count 8 --seed 43)
check("another seed gives another order" NOT out STREQUAL first)
run("" --difficulty hard --topic no_such_topic --seed 1)
check("no matching exercise exits 2 (got ${code})" code EQUAL 2)
check("no matching exercise: one line (${err})" err STREQUAL "advise: no exercise matches --difficulty hard --topic no_such_topic\n")

# --- Grading a class from one file ---------------------------------------------------------
run("" --grade ${train}/answers.yaml)
check("grading exits 0 (got ${code})" code EQUAL 0)
check_has("== Dana: 4 exercises, 2 fully right; 9 of 13 (69%) answers right" "Dana's score")
check_has("== Lee: 2 exercises, 1 fully right; 6 of 7 (86%) answers right" "Lee's score")
check_has("== The class (2 trainees), per skill: 6 exercises" "the class")
check_has("  Routing (who to contact)  5 of 6 (83%)" "the class's routing")
check_has("  Channel                   4 of 6 (67%)" "the class's channel")
check_has("  Escalation judgement      5 of 6 (83%)" "the class's escalation judgement")
check_has("  Reframing                 1 of 2 (50%)" "the class's reframing")
check_has("you said Email or school app message; the rules say Written" "Dana's channel miss")
run("" --grade ${train}/answers.yaml --json)
string(JSON dana ERROR_VARIABLE json_error GET "${out}" trainees 0 name)
string(JSON dana_routing ERROR_VARIABLE json_error GET "${out}" trainees 0 skills routing right)
string(JSON dana_traps ERROR_VARIABLE json_error GET "${out}" trainees 0 traps_avoided)
string(JSON class_channel ERROR_VARIABLE json_error GET "${out}" class skills channel right)
string(JSON miss_rule ERROR_VARIABLE json_error GET "${out}" trainees 0 misses 0 reasons 0 rule)
check("JSON per trainee and per skill (${json_error})"
      dana STREQUAL "Dana" AND dana_routing EQUAL 3 AND dana_traps EQUAL 0 AND class_channel EQUAL 4
      AND miss_rule STREQUAL "route.day_to_day")

# Malformed answer files: one line naming file:line, exit 2.
foreach(case "bad_escalate.yaml:6:15: `escalate` is yes or no"
             "unknown_exercise.yaml:5:20: no exercise 'no-such-exercise' in the bank"
             "unknown_role.yaml:4:14: unknown role 'the lunch lady'"
             "broken_yaml.yaml:5:")
  string(REGEX MATCH "^[^:]+" file "${case}")
  run("" --grade ${train}/${file})
  check("${file} exits 2 (got ${code})" code EQUAL 2)
  string(FIND "${err}" "advise: ${train}/${case}" at)
  check("${file} names the line: ${err}" at EQUAL 0)
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines line_count)
  check("${file}: one line" line_count EQUAL 1)
endforeach()

# A malformed bank: one line naming the exercise, exit 2. A bank that states another answer
# than the rules: graded by the rules, with a warning.
run("" --bank ${train}/bad_bank.yaml --seed 1)
check("a malformed bank exits 2 (got ${code})" code EQUAL 2)
check("a malformed bank names the line: ${err}"
      err STREQUAL "advise: ${train}/bad_bank.yaml:2:5: exercise 'no-difficulty' needs a `difficulty`: easy, medium or hard\n")
run("1\n1\nn\n" --bank ${train}/stale_bank.yaml --seed 1)
check_has("Right: General Education Teacher" "graded by the rules, not the stated answer")
string(FIND "${err}" "1 exercise in ${train}/stale_bank.yaml states an answer the rules do not give" warned)
check("a stale bank is warned about: ${err}" NOT warned EQUAL -1)

# --- The bank: what it covers --------------------------------------------------------------
run("" --summary)
check("--summary exits 0 (got ${code})" code EQUAL 0)
string(REGEX MATCH "^([0-9]+) exercises in [^:]+: ([0-9]+) traps, ([0-9]+) reframing" m "${out}")
check("at least 60 exercises, 15 traps and a reframing task (${m})"
      CMAKE_MATCH_1 GREATER_EQUAL 60 AND CMAKE_MATCH_2 GREATER_EQUAL 15 AND CMAKE_MATCH_3 GREATER_EQUAL 1)
string(FIND "${out}" "state an answer the rules do not give" drift)
check("every exercise agrees with the rules" drift EQUAL -1)
# Every person and every channel is the answer to some exercise; every criterion decides one.
execute_process(COMMAND ${ADVISE} --list roles OUTPUT_VARIABLE roles)
execute_process(COMMAND ${ADVISE} --list channels OUTPUT_VARIABLE channels)
string(REGEX REPLACE "\n$" "" roles "${roles}")
string(REGEX REPLACE "\n$" "" channels "${channels}")
string(REPLACE "\n" ";" entries "${roles}\n${channels}")
foreach(entry IN LISTS entries)
  string(REGEX REPLACE "^[a-z_]+ +" "" title "${entry}")
  check_has("  ${title}\n" "the bank has an exercise answered by")
endforeach()
foreach(rule escalate.unresolved escalate.compliance escalate.safety escalate.fape_denial escalate.regression follow_up.raised)
  check_has("  ${rule}\n" "the bank exercises")
endforeach()

# --- Generated exercises -------------------------------------------------------------------
run("" --generate 25 --seed 9)
check("--generate exits 0 (got ${code})" code EQUAL 0)
set(generated "${out}")
run("" --generate 25 --seed 9)
check("--generate is the same for a seed" out STREQUAL generated)
check_has("# Coverage: the bank" "a coverage report")
check_has("Rules exercised:" "rules counted")
file(WRITE ${WORK_DIR}/generated.yaml "${generated}")
execute_process(COMMAND ${ADVISE} test --quiet --from-facts ${WORK_DIR}/generated.yaml OUTPUT_VARIABLE o RESULT_VARIABLE c)
check("generated exercises state the rules' answers: ${o}" c EQUAL 0)
string(REGEX MATCH "([0-9]+) of ([0-9]+) passed" m "${o}")
check("25 generated exercises (${m})" CMAKE_MATCH_1 EQUAL 25)
run("1\n1\nn\n" --bank ${WORK_DIR}/generated.yaml --count 1 --seed 2)
check_has("Exercise 1 of 1" "generated exercises make a quiz")
run("" --generate 25 --seed 10)
check("another seed, other exercises" NOT out STREQUAL generated)

# --- Handouts ------------------------------------------------------------------------------
run("" --handout 6 --seed 3 --out ${WORK_DIR}/a)
check("--handout exits 0 (got ${code})" code EQUAL 0)
check_has("handout-3.md (6 exercises)" "says what it wrote")
file(READ ${WORK_DIR}/a/handout-3.md sheet)
file(READ ${WORK_DIR}/a/answer-key-3.md key)
string(REGEX MATCHALL "\n## [0-9]+\\. " headings "${sheet}")
list(LENGTH headings n)
check("the handout has 6 exercises (${n})" n EQUAL 6)
string(REGEX MATCHALL "\\*\\*Who:\\*\\* " answers "${key}")
list(LENGTH answers n)
check("the answer key has 6 answers (${n})" n EQUAL 6)
string(FIND "${key}" "Why:\n\n- " why)
check("the answer key gives the reasons" NOT why EQUAL -1)
string(FIND "${sheet}" "**Who:**" leak)
string(FIND "${sheet}" "guide" section_leak)
check("the handout does not give the answers away" leak EQUAL -1 AND section_leak EQUAL -1)
run("" --handout 6 --seed 3 --out ${WORK_DIR}/b)
file(READ ${WORK_DIR}/b/handout-3.md again)
check("the same seed, the same handout" again STREQUAL sheet)

# With pandoc on the PATH, a PDF of each file (here a stand-in pandoc that writes its -o file).
file(MAKE_DIRECTORY ${WORK_DIR}/bin)
file(WRITE ${WORK_DIR}/bin/pandoc "#!/bin/sh\n[ \"$2\" = -o ] && echo \"from $1\" > \"$3\"\n")
execute_process(COMMAND chmod +x ${WORK_DIR}/bin/pandoc)
execute_process(COMMAND ${CMAKE_COMMAND} -E env "PATH=${WORK_DIR}/bin:$ENV{PATH}"
                        ${ADVISE} train --handout 3 --seed 3 --out ${WORK_DIR}/c
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
check_has("Wrote ${WORK_DIR}/c/handout-3.pdf." "the handout as PDF")
check_has("Wrote ${WORK_DIR}/c/answer-key-3.pdf." "the answer key as PDF")
file(READ ${WORK_DIR}/c/handout-3.pdf pdf)
check("pandoc was given the Markdown sheet" pdf STREQUAL "from ${WORK_DIR}/c/handout-3.md\n")

report_checks()
