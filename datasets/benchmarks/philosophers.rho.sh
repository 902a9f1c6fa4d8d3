#!/usr/bin/env bash
# Prints the cyclic dining philosophers for N philosophers (N >= 2) as Rholang: one contract
# phil(left, right) that takes the left fork, then the right, then puts both back and calls itself
# again; N forks (public names @"fork0" ..., indexed as in Promela: private forks would be
# symmetric, and rotations of the ring one state), N calls. 3^N states, one of them deadlocked. The same text as the explorer
# benchmark (engine/.../bench/ExplorerBenchmark.java) builds; philosophers.pml is the same
# system in Promela.  Usage: philosophers.rho.sh N > philosophers-N.rho
set -euo pipefail
n="${1:?usage: philosophers.rho.sh N}"
if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 2 ]; then
  echo "philosophers.rho.sh: N must be an integer >= 2, got '$n'" >&2
  exit 2
fi
printf 'new phil in {\n  contract phil(left, right) = {\n'
printf '    for (_ <- left) { for (_ <- right) {\n'
printf '      left!(Nil) | right!(Nil) | phil!(left, right) } }\n  }'
for ((i = 0; i < n; i++)); do printf '\n  | @"fork%d"!(Nil)' "$i"; done
for ((i = 0; i < n; i++)); do printf '\n  | phil!("fork%d", "fork%d")' "$i" $(((i + 1) % n)); done
printf '\n}\n'
