#!/usr/bin/env bash
# The bash completion script as bash runs it: COMP_WORDS set, the function called, COMPREPLY read.
#   tests/cli/completion.sh PATH/TO/advise
set -u
advise=${1:?usage: $0 PATH/TO/advise}
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rules.d" && touch "$work/rules.d/district.yaml" "$work/rules-2026.yaml"
# shellcheck disable=SC1090
source <("$advise" --completion bash)

complete_words() {  # complete_words WORD... : COMPREPLY for the last word
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _advise
}
expect() {  # expect WHAT WANTED
    local got="${COMPREPLY[*]:-}"
    if [ "$got" != "$2" ]; then
        echo "FAIL $1: got '$got', want '$2'"
        failures=$((failures + 1))
    fi
}

complete_words "$advise" ch
expect "a command" "check"
complete_words "$advise" graph --
expect "graph's options" "--ladder --rules --help"
complete_words "$advise" --topi
expect "an option" "--topic"
complete_words "$advise" --topic speech_th
expect "a topic id from the rule set" "speech_therapy"
complete_words "$advise" --raised-with princ
expect "a role id" "principal"
cd "$work" || exit 1
complete_words "$advise" check rules-
expect "a file after check" "rules-2026.yaml"
complete_words "$advise" --rules rules.
expect "a folder after --rules, with a slash and no space" "rules.d/"
complete_words "$advise" check rules.d/
expect "a file in the folder" "rules.d/district.yaml"

echo "completion: $failures failure(s)"
[ "$failures" -eq 0 ]
