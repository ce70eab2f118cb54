#!/usr/bin/env bash
# advise, GoRules Zen and json-rules-engine side by side on the same seeded situations.
#
#   bench/peers/run.sh BUILD_DIR [COUNT] [SEED]
#
# BUILD_DIR is a CMake build of advise (it holds bench/advise_peer_driver); this script builds
# nothing. It writes COUNT (200000) situations from SEED, has each engine answer all of them
# PASSES (3) times, timing only the evaluation loop, checks that every engine gives the same
# contact, channel and escalate for every situation (any mismatch: the first few are printed and
# the script exits 1), then prints situations per second and advise's speed over each peer's.
# ZEN_INFLIGHT (64; 0 to skip) adds a Zen run with that many evaluations in flight at once.
# Needs Node.js; the peers are installed into bench/peers/node_modules on first use (npm).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 1 ]]; then
  sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
build=$1
count=${2:-200000}
seed=${3:-20261123}
passes=${PASSES:-3}
inflight=${ZEN_INFLIGHT:-64}

driver=
for candidate in "$build/bench/advise_peer_driver" "$build/advise_peer_driver" "$build"; do
  if [[ -f $candidate && -x $candidate ]]; then driver=$candidate; break; fi
done
if [[ -z $driver ]]; then
  echo "run.sh: no advise_peer_driver in $build (build advise with Google Benchmark installed first)" >&2
  exit 2
fi
command -v node >/dev/null || { echo "run.sh: node is not installed" >&2; exit 2; }
if [[ ! -d $here/node_modules/@gorules/zen-engine || ! -d $here/node_modules/json-rules-engine ]]; then
  # Not `npm ci`: the lock file holds Zen's native package for this platform only, and npm ci
  # refuses a lock without every platform's. --no-save leaves package*.json as they are.
  echo "Installing the peer engines into $here/node_modules (npm install)..." >&2
  (cd "$here" && npm install --no-save --no-audit --no-fund >&2)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); node $(node --version)"
echo "Situations: $count, seed $seed; median of $passes passes per engine, evaluation loop only."
"$driver" generate "$count" "$seed" "$work/situations.tsv"

# Each engine prints: name, situations, passes, median seconds of one pass.
engines=(advise zen jre)
"$driver" run "$work/situations.tsv" "$work/advise.tsv" "$passes" >"$work/timing.tsv"
node "$here/zen.js" "$work/situations.tsv" "$work/zen.tsv" "$passes" 1 >>"$work/timing.tsv"
if [[ $inflight -gt 1 ]]; then
  node "$here/zen.js" "$work/situations.tsv" "$work/zen_inflight.tsv" "$passes" "$inflight" >>"$work/timing.tsv"
  engines+=(zen_inflight)
fi
node "$here/jre.js" "$work/situations.tsv" "$work/jre.tsv" "$passes" >>"$work/timing.tsv"

# Every engine's answers, line by line, against advise's.
status=0
for engine in "${engines[@]:1}"; do
  lines_a=$(wc -l <"$work/advise.tsv")
  lines_p=$(wc -l <"$work/$engine.tsv")
  if [[ $lines_a -ne $count || $lines_p -ne $count ]]; then
    echo "MISMATCH: $engine answered $lines_p situations, advise $lines_a, of $count" >&2
    status=1
    continue
  fi
  mismatches=$(paste "$work/situations.tsv" "$work/advise.tsv" "$work/$engine.tsv" | awk -F'\t' -v engine="$engine" '
    $7 != $10 || $8 != $11 || $9 != $12 {
      if (++n <= 5)
        printf "  situation %d: topic=%s type=%s stakes=%s compliance=%s raised_with=[%s] resolved=%s\n    advise: %s %s escalate=%s\n    %s: %s %s escalate=%s\n",
               NR, $1, $2, $3, $4, $5, $6, $7, $8, $9, engine, $10, $11, $12 > "/dev/stderr"
    }
    END { print n + 0 }')
  echo "Mismatches with $engine: $mismatches of $count"
  [[ $mismatches -eq 0 ]] || status=1
done

echo
awk -F'\t' '
  { name[NR] = $1; n[NR] = $2; s[NR] = $4 }
  END {
    printf "%-24s %14s %14s %18s\n", "engine", "situations/s", "us/situation", "advise is x faster"
    for (i = 1; i <= NR; ++i)
      printf "%-24s %14.0f %14.3f %18s\n", name[i], n[i] / s[i], s[i] / n[i] * 1e6,
             i == 1 ? "-" : sprintf("%.0f", s[i] / s[1])
  }' "$work/timing.tsv"

if [[ $status -ne 0 ]]; then
  echo "run.sh: the engines disagree (see above)" >&2
fi
exit "$status"
