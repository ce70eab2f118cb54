#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (in parallel, JOBS at a time; default: the number of
# cores), after replaying the saved regression inputs, and prints the executions and findings.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]     targets: load condition read stdin (default: all)
#
# BUILD_DIR (default build/fuzz) holds the binaries, the growing corpus (corpus/<target>),
# the seeds made from the repository (seeds/<target>), logs and findings (artifacts/<target>).
# Exit status: 0 nothing found, 1 a regression input or a new input failed.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/fuzz
out=${BUILD_DIR:-$root/build/fuzz}
jobs=${JOBS:-$(nproc)}
seconds=${1:?usage: run.sh SECONDS [load|condition|read|stdin]...}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load condition read stdin)

"$here/build.sh" "$out" || exit 2

# Per-target libFuzzer options: the longest input worth trying (a rule file as long as
# rules/default.yaml; a condition just over the parser's 4096-character limit; a text long
# enough to show work that grows faster than the text), and how long one input may take.
options() {
    case $1 in
        load) echo "-max_len=70000 -timeout=20 -dict=$here/load.dict" ;;
        condition) echo "-max_len=4200 -timeout=10 -dict=$here/condition.dict" ;;
        read) echo "-max_len=16384 -timeout=10" ;;
        stdin) echo "-max_len=140000 -timeout=20" ;;  # lines over the 64 KiB limit too
    esac
}

# One file per line of standard input, named by its hash.
lines_to_files() {
    local dir=$1 line
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        printf '%s' "$line" > "$dir/$(printf '%s' "$line" | sha1sum | cut -c1-16)"
    done
}

make_seeds() {
    rm -rf "$out/seeds"
    mkdir -p "$out/seeds/load" "$out/seeds/condition" "$out/seeds/read" "$out/seeds/stdin"
    # The real rule files, good and broken.
    cp "$root/rules/default.yaml" "$out/seeds/load/"
    for f in "$root"/tests/rules/*/*.yaml; do cp "$f" "$out/seeds/load/$(basename "$(dirname "$f")")_$(basename "$f")"; done
    # Conditions: the hand-picked ones, and every `when:` of the rule files.
    {
        grep -v '^#' "$here/conditions.txt"
        grep -h '^ *\(- \)\?when: ' "$root/rules/default.yaml" "$root"/tests/rules/*/*.yaml |
            sed -e 's/^ *\(- \)\?when: //' -e 's/^"\(.*\)"$/\1/'
    } | lines_to_files "$out/seeds/condition"
    # Texts: every scenario's words.
    if python3 -c 'import yaml' 2>/dev/null; then
        python3 -c '
import sys, yaml
for s in yaml.safe_load(open(sys.argv[1]))["scenarios"]:
    print(s["text"].replace("\n", " "))' "$root/tests/scenarios.yaml"
    else
        sed -n 's/^ *text: "\(.*\)"$/\1/p' "$root/tests/scenarios.yaml"
    fi | lines_to_files "$out/seeds/read"
    # Standard input: the texts, and batches of them.
    cp "$out"/seeds/read/* "$out/seeds/stdin/"
    cp "$here"/regressions/stdin/* "$out/seeds/stdin/"
}

# Replays the saved inputs of a target; each must run clean.
replay() {
    local target=$1 dir=$here/regressions/$1 failed=0 f
    [ -d "$dir" ] || return 0
    for f in "$dir"/*; do
        [ -f "$f" ] || continue
        # A saved input runs in milliseconds once fixed; 5 s catches a slow one coming back.
        if ! "$out/fuzz_$target" $(options "$target") -timeout=5 "$f" > "$out/logs/replay_$target.log" 2>&1; then
            echo "REGRESSION  $target: $f fails again (log: $out/logs/replay_$target.log)"
            failed=1
        fi
    done
    return $failed
}

# Fuzzes one target until SECONDS have passed, starting again after each finding (libFuzzer
# stops at the first), so that one crash does not end the run.
fuzz() {
    local target=$1 bin=$out/fuzz_$1 log=$out/logs/$1.log
    local corpus=$out/corpus/$1 artifacts=$out/artifacts/$1/
    mkdir -p "$corpus" "$artifacts"
    : > "$log"
    local deadline=$(( $(date +%s) + seconds )) restarts=0
    while :; do
        local left=$(( deadline - $(date +%s) ))
        [ "$left" -gt 0 ] && [ "$restarts" -lt 20 ] || break
        "$bin" $(options "$target") -max_total_time="$left" -print_final_stats=1 \
            -artifact_prefix="$artifacts" "$corpus" "$out/seeds/$target" >> "$log" 2>&1 && break
        restarts=$((restarts + 1))
    done
}

summary() {
    local target=$1 log=$out/logs/$1.log
    local runs secs cov corpus
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
    secs=$(grep -o '^Done [0-9]* runs in [0-9]* second' "$log" | awk '{s += $5} END {print s + 0}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corpus=$(find "$out/corpus/$target" -type f | wc -l)
    printf '%-10s %10s executions in %5ss (%s/s)  coverage %s  corpus %s\n' "$target" "$runs" "$secs" \
        "$([ "$secs" -gt 0 ] && echo $((runs / secs)) || echo -)" "${cov:--}" "$corpus"
}

mkdir -p "$out/logs"
make_seeds
status=0
for t in "${targets[@]}"; do replay "$t" || status=1; done

before=$(find "$out/artifacts" -type f 2>/dev/null | sort)
export -f fuzz options
export out here seconds
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'fuzz {}'

echo
echo "fuzzed for ${seconds}s each (logs in $out/logs)"
for t in "${targets[@]}"; do summary "$t"; done
new=$(comm -13 <(echo "$before") <(find "$out/artifacts" -type f 2>/dev/null | sort))
if [ -n "$new" ]; then
    status=1
    echo
    echo "findings (crash-*, timeout-*, oom-*, slow-unit-*, leak-*):"
    echo "$new" | sed 's/^/  /'
    echo "reproduce: $out/fuzz_<target> FILE; minimize: $out/fuzz_<target> -minimize_crash=1 -runs=100000 FILE"
else
    echo "no findings"
fi
exit $status
