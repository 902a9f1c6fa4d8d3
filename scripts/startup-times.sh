#!/usr/bin/env bash
# Prints how long ./rhoscope takes to answer commands that explore nothing: for each, the median
# wall-clock time and the median user+sys CPU time of N runs (default 5), and the load average
# beside them, since on a shared machine the wall-clock time is mostly waiting for a core.
# Usage: scripts/startup-times.sh [N]. Builds the jar first if it is stale (not timed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
file="$(mktemp --suffix=.rho)"
times="$(mktemp)"
trap 'rm -f "$file" "$times"' EXIT
echo 'new x in { x!(1) }' >"$file"
"$ROOT/rhoscope" --version >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() {
  local label="$1" i
  shift
  : >"$times"
  for ((i = 0; i < runs; i++)); do
    { time "$ROOT/rhoscope" "$@" >/dev/null 2>&1; } 2>>"$times"
  done
  printf '%-22s wall %ss  cpu %ss  (median of %d; load average %s)\n' "$label" \
    "$(awk '{ print $1 }' "$times" | median)" \
    "$(awk '{ printf "%.2f\n", $2 + $3 }' "$times" | median)" \
    "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

TIMEFORMAT='%R %U %S'
measure "rhoscope --version" --version
measure "rhoscope parse (1 line)" parse "$file"
