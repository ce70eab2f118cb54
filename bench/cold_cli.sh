#!/usr/bin/env bash
# A cold `advise "..."`: a fresh process each time, rules loaded, text read, advice printed.
#
#   bench/cold_cli.sh BUILD_DIR [RUNS]
#
# Prints the mean wall time of RUNS (200) runs of the CLI on a parent's message, and of
# /bin/true started the same way: the difference is what advise itself costs.
set -euo pipefail
advise=${1:?usage: cold_cli.sh BUILD_DIR [RUNS]}/cli/advise
runs=${2:-200}
text="my daughter's speech sessions haven't happened for a month"
[[ -x $advise ]] || { echo "cold_cli.sh: no $advise" >&2; exit 2; }

mean_ms() {
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; ++i)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.2f", ns / n / 1e6 }'
}

free_text=$(mean_ms "$advise" "$text")
json=$(mean_ms "$advise" --json "$text")
structured=$(mean_ms "$advise" --topic speech_therapy --type concern)
baseline=$(mean_ms /bin/true)
printf '%-40s %8s ms\n' "advise \"...\" (text)" "$free_text" "advise --json \"...\"" "$json" \
    "advise --topic ... (structured)" "$structured" "/bin/true (starting a process)" "$baseline"
