#!/usr/bin/env bash
# Cross-checks rhoscope's explorer against SPIN on the cyclic dining philosophers
# (datasets/benchmarks/): for each N, SPIN's and rhoscope's states, transitions, deadlocks and
# time side by side, and whether the counts agree (SPIN stores one state more and counts two
# transitions more, for init's set-up: see datasets/benchmarks/README.md).
#
# Usage: scripts/spin-compare.sh [-w WORKERS] [FROM [TO]]
#   WORKERS  rhoscope worker counts, comma-separated (default 1,2)
#   FROM TO  the range of N (default 2 to 12)
# SPIN runs as issue 2 describes it: gcc -O2 -DNOREDUCE -DSAFETY, ./pan -c0 (do not stop at the
# deadlock, so the whole space is explored and the deadlock counted as one error). Times: SPIN's
# is pan's search alone (not spin -a or gcc); rhoscope's is the explorer's own figure (not JVM
# start-up), on a fresh JVM each run, so without JIT warm-up: `./rhoscope bench --only explorer`
# gives the warmed-up rates. Exits 1 when a count disagrees.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS="$ROOT/datasets/benchmarks"

workers="1,2"
while getopts "w:h" opt; do
  case "$opt" in
    w) workers="$OPTARG" ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
from="${1:-2}"
to="${2:-12}"
for v in "$from" "$to" ${workers//,/ }; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "spin-compare: not a number: '$v'" >&2; exit 2; }
done
if [ "$from" -lt 2 ] || [ "$to" -lt "$from" ]; then
  echo "spin-compare: need 2 <= FROM <= TO, got $from $to" >&2
  exit 2
fi

if ! command -v spin >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "spin-compare: installing spin and gcc (Debian packages) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq spin gcc >&2
  else
    echo "spin-compare: spin or gcc is missing and this is not root; run 'apt-get install spin gcc' as root" >&2
    exit 1
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/spin-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# the value of a "key" : value line of the CLI's pretty-printed JSON
json_field() { sed -n "s/^ *\"$1\" : \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" "$2"; }
rate() { awk -v s="$1" -v ms="$2" 'BEGIN { if (ms > 0) printf "%.0f", s * 1000 / ms; else printf "-" }'; }

IFS=, read -r -a wlist <<< "$workers"
# one block of columns per tool: states, transitions, deadlocks, milliseconds, states per second
cols() { printf ' | %-12s %10s %12s %4s %7s %9s' "$@"; }
{
  printf '%3s' N
  cols SPIN states transitions dead ms states/s
  for w in "${wlist[@]}"; do cols "rhoscope w=$w" states transitions dead ms states/s; done
  printf ' | agree\n'
}
status=0
for ((n = from; n <= to; n++)); do
  dir="$work/n$n"
  mkdir -p "$dir"
  # pan's depth counts every statement of an atomic sequence, so a DFS path can be longer than
  # the number of states (3^N + 1); allow four steps a state and check pan did not cut it short
  depth=$(awk -v n="$n" 'BEGIN { printf "%d", 4 * 3 ^ n + 100 * n }')
  (cd "$dir" && spin -DN="$n" -a "$MODELS/philosophers.pml" >/dev/null \
      && gcc -O2 -DNOREDUCE -DSAFETY -o pan pan.c \
      && ./pan -c0 -n -m"$depth" > pan.out)
  s_states=$(sed -n 's/^ *\([0-9]*\) states, stored.*/\1/p' "$dir/pan.out")
  s_trans=$(sed -n 's/^ *\([0-9]*\) transitions (= stored+matched).*/\1/p' "$dir/pan.out")
  s_errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' "$dir/pan.out")
  s_secs=$(sed -n 's/^pan: elapsed time \([0-9.e+-]*\) seconds.*/\1/p' "$dir/pan.out")
  s_ms=$(awk -v s="${s_secs:-0}" 'BEGIN { printf "%.0f", s * 1000 }')
  line="$(printf '%3d' "$n")$(cols '' "$s_states" "$s_trans" "$s_errors" "$s_ms" \
      "$(rate "$s_states" "$s_ms")")"
  agree=yes
  [ "$s_errors" = 1 ] || agree=no
  if grep -q 'max search depth too small' "$dir/pan.out"; then
    echo "spin-compare: N=$n: pan's search depth $depth was too small" >&2
    agree=no
  fi
  "$MODELS/philosophers.rho.sh" "$n" > "$dir/philosophers-$n.rho"
  for w in "${wlist[@]}"; do
    if ! "$ROOT/rhoscope" explore "$dir/philosophers-$n.rho" --json --workers "$w" \
        --max-states 1000000000 --timeout 3600 > "$dir/rho-$w.json"; then
      echo "spin-compare: N=$n: './rhoscope explore' failed (see above)" >&2
      exit 1
    fi
    r_states=$(json_field states "$dir/rho-$w.json")
    r_trans=$(json_field transitions "$dir/rho-$w.json")
    r_dead=$(json_field deadlocks "$dir/rho-$w.json")
    r_ms=$(json_field elapsedMs "$dir/rho-$w.json")
    line+="$(cols '' "$r_states" "$r_trans" "$r_dead" "$r_ms" "$(rate "$r_states" "$r_ms")")"
    if [ "$r_states" != $((s_states - 1)) ] || [ "$r_trans" != $((s_trans - 2)) ] \
        || [ "$r_dead" != 1 ]; then
      agree=no
    fi
  done
  echo "$line | $agree"
  [ "$agree" = yes ] || status=1
done
exit "$status"
