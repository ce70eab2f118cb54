#!/usr/bin/env bash
# advise at a terminal, driven through a pseudo-terminal (script(1), from Debian's essential
# bsdutils): it asks between two close readings, answers with the one chosen, never asks with
# --no-input, and wraps to the terminal's width or COLUMNS.
#   tests/cli/ask_on_terminal.sh PATH/TO/advise
set -u
advise=${1:?usage: $0 PATH/TO/advise}
failures=0
two="question about the bus and his speech"

# on_terminal COLUMNS INPUT ARGS...: advise's output on a terminal that wide, INPUT typed.
on_terminal() {
    local cols=$1 input=$2 command
    shift 2
    command="stty cols $cols; env -u COLUMNS NO_COLOR=1 ${COLUMNS_SET:-} $(printf '%q ' "$advise" "$@")"
    printf '%s' "$input" | timeout 20 script -qec "$command" /dev/null | tr -d '\r'
}
expect() {  # expect WHAT PATTERN TEXT
    if ! grep -qE -- "$2" <<<"$3"; then
        echo "FAIL $1: no /$2/ in:"; echo "$3"
        failures=$((failures + 1))
    fi
}
refuse() {  # refuse WHAT PATTERN TEXT
    if grep -qE -- "$2" <<<"$3"; then
        echo "FAIL $1: /$2/ in:"; echo "$3"
        failures=$((failures + 1))
    fi
}

out=$(on_terminal 100 $'2\n' "$two")
expect "asks between the two readings" 'Is this mainly about 1\) transportation \(the bus\) or 2\) speech and language therapy\? \[1-2\]' "$out"
expect "answers for the reading chosen" '^Email the speech therapist\.$' "$out"
refuse "no alternative once chosen" 'If this is mainly about' "$out"

out=$(on_terminal 100 $'\n' "$two")
expect "Enter keeps the first reading" '^Email the principal\.$' "$out"

out=$(on_terminal 100 $'x\n2\n' "$two")
expect "a wrong answer is asked again" 'Please type a number from 1 to 2' "$out"
expect "then the answer" '^Email the speech therapist\.$' "$out"

out=$(on_terminal 100 "" --no-input "$two")
refuse "--no-input never asks" 'Is this mainly about' "$out"
expect "--no-input gives the alternative" 'If this is mainly about speech and language therapy' "$out"

# Piped (no terminal): no question either.
out=$(printf '' | "$advise" "$two")
refuse "piped, never asks" 'Is this mainly about' "$out"

# Wrapped to the terminal's width, or to COLUMNS, never inside a word.
text="my son didn't get extended time on his quiz and I already emailed his teacher twice"
out=$(on_terminal 50 "" --why --no-input "$text")
longest=$(awk '{ print length($0) }' <<<"$out" | sort -n | tail -1)
[ "$longest" -le 50 ] || { echo "FAIL lines fit a 50-column terminal (longest $longest)"; failures=$((failures + 1)); }
expect "whole words at 50 columns" 'Understood' "$out"
out=$(COLUMNS_SET="COLUMNS=44" on_terminal 100 "" --why --no-input "$text")
longest=$(awk '{ print length($0) }' <<<"$out" | sort -n | tail -1)
[ "$longest" -le 44 ] || { echo "FAIL COLUMNS=44 wins over the terminal (longest $longest)"; failures=$((failures + 1)); }

echo "ask on terminal: $failures failure(s)"
[ "$failures" -eq 0 ]
