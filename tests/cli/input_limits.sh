#!/usr/bin/env bash
# The CLI under input that is too big, endless, broken or unwritable: every case ends, with the
# documented exit code and one readable line on stderr.
#
#   tests/cli/input_limits.sh PATH/TO/advise
set -uo pipefail
advise=${1:?usage: $0 PATH/TO/advise}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect NAME WANT_CODE GOT_CODE [STDERR_PATTERN]
expect() {
    local name=$1 want=$2 got=$3 pattern=${4:-}
    if [ "$got" != "$want" ]; then
        echo "FAIL $name: exit $got, expected $want; stderr: $(head -c 300 "$work/err")"
        failures=$((failures + 1))
    elif [ -n "$pattern" ] && ! grep -qE "$pattern" "$work/err"; then
        echo "FAIL $name: stderr does not match /$pattern/: $(head -c 300 "$work/err")"
        failures=$((failures + 1))
    else
        echo "ok   $name"
    fi
}
check() {  # check NAME CONDITION-STATUS DETAIL
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1: $3"; failures=$((failures + 1)); fi
}

# Standard input: at most 64 KiB + 1 byte is read, however much arrives.
timeout 20 "$advise" < /dev/zero > /dev/null 2> "$work/err"
expect "endless zeros on stdin" 2 $? "^advise: the text is too long"
yes speech | timeout 20 "$advise" > /dev/null 2> "$work/err"
expect "endless words on stdin" 2 "${PIPESTATUS[1]}" "^advise: the text is too long"

# Rule files that are not regular files are refused at once.
timeout 20 "$advise" --rules /dev/zero speech > /dev/null 2> "$work/err"
expect "--rules /dev/zero" 2 $? "not a regular file"
mkfifo "$work/fifo"
timeout 20 "$advise" check "$work/fifo" > /dev/null 2> "$work/err"
expect "check of a pipe with no writer" 2 $? ""

# check: a file that cannot load exits 2, and its JSON says "loaded": false.
printf 'advise: 1\nname: x\n' > "$work/broken.yaml"
timeout 20 "$advise" check --json "$work/broken.yaml" > "$work/out" 2> "$work/err"
expect "check of a file that cannot load" 2 $?
grep -q '"loaded": false' "$work/out"; check "its JSON says loaded: false" $? "$(head -c 200 "$work/out")"
timeout 20 "$advise" check --json > "$work/out" 2> "$work/err"
expect "check of the built-in rules" 0 $?
grep -q '"loaded": true' "$work/out"; check "their JSON says loaded: true" $? "$(head -c 200 "$work/out")"

# --batch: one line out for every line in, in order, errors numbered; exit 3 when some failed.
{
    echo "my son's speech sessions keep getting cancelled"
    echo ""
    printf 'speech\001therapy\n'
    head -c 70000 /dev/zero | tr '\0' 'a'; echo
    echo "   "
    printf 'the bus was late again\r\n'
    printf 'a last line with no line break'
} > "$work/batch.txt"
timeout 60 "$advise" --batch < "$work/batch.txt" > "$work/out" 2> "$work/err"
expect "a batch with bad lines" 3 $? "^advise: 4 of 7 lines could not be answered"
[ "$(wc -l < "$work/out")" -eq 7 ]; check "7 lines in, 7 lines out" $? "$(wc -l < "$work/out") lines"
for n in 1 2 3 4 5 6 7; do
    sed -n "${n}p" "$work/out" | grep -q "^{\"line\":$n,"; check "line $n is numbered $n" $? "$(sed -n "${n}p" "$work/out" | head -c 120)"
done
for n in 2 3 4 5; do
    sed -n "${n}p" "$work/out" | grep -q '"error":'; check "line $n is an error" $? "$(sed -n "${n}p" "$work/out" | head -c 120)"
done
sed -n 4p "$work/out" | grep -q 'too long'; check "the over-long line says so" $? "$(sed -n 4p "$work/out" | head -c 120)"
sed -n 3p "$work/out" | grep -q 'control character'; check "the control character says so" $? "$(sed -n 3p "$work/out" | head -c 120)"
sed -n 6p "$work/out" | grep -q '"contact"'; check "the line after the errors is answered" $? "$(sed -n 6p "$work/out" | head -c 120)"
printf 'speech question\n' | timeout 20 "$advise" --batch > /dev/null 2> "$work/err"
expect "a clean batch" 0 $?

# A bad option is refused before anything is read.
printf 'speech\nbus\n' | timeout 20 "$advise" --batch --topic nope > "$work/out" 2> "$work/err"
expect "--batch --topic nope" 2 $? "^advise: unknown topic 'nope'"
[ ! -s "$work/out" ]; check "no output for a bad option" $? "$(head -c 200 "$work/out")"

# Write errors are not success.
timeout 20 "$advise" speech > /dev/full 2> "$work/err"
expect "an answer to a full disk" 4 $? "^advise: cannot write the output"
printf 'speech\n' | timeout 20 "$advise" --batch > /dev/full 2> "$work/err"
expect "a batch to a full disk" 4 $? "^advise: cannot write the output"
timeout 20 "$advise" --list topics >&- 2> "$work/err"
expect "--list with standard output closed" 4 $? "^advise: cannot write the output"

# Words it cannot read are named for what they are.
timeout 20 "$advise" "老师没有回复" > /dev/null 2> "$work/err"
expect "CJK text" 2 $? "no words advise can read"
timeout 20 "$advise" $'speech\vtherapy' > /dev/null 2> "$work/err"
expect "a vertical tab" 2 $? "a control character \(U\+000B"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
