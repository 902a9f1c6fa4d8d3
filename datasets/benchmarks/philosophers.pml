/*
 * Cyclic dining philosophers in Promela: the same system as rhoscope's explorer benchmark
 * (philosophers.rho.sh), for cross-checking state counts with SPIN. N comes from the command
 * line: spin -DN=12 -a philosophers.pml
 *
 * Philosopher i loops: one step for the recursive call (Rholang's phil!(left, right) being
 * consumed by the contract), take the left fork, then take the right fork and put both back in
 * one atomic step (Rholang's body left!(Nil) | right!(Nil) | phil!(...) unfolds in the COMM that
 * takes the right fork). So each philosopher has three control states, the fork contents follow
 * from them, and there are 3^N reachable configurations, one of them the deadlock in which every
 * philosopher holds its left fork and waits for its right one.
 *
 * SPIN stores one state more, 3^N + 1: the initial state, in which init has not yet run its
 * atomic set-up (fill the forks, start the philosophers). Its "transitions" figure
 * (stored + matched) is rhoscope's transition count + 2: init's set-up step, and the initial
 * state, which SPIN counts as stored without a transition leading to it.
 */
#ifndef N
#define N 5
#endif

chan fork[N] = [1] of { bit };   /* a fork is free when its channel holds a message */

proctype phil(byte left, right) {
  do
  :: skip;                       /* the call phil!(left, right) */
     fork[left]?_;
     atomic { fork[right]?_; fork[left]!0; fork[right]!0 }
  od
}

init {
  byte i;
  atomic {
    do
    :: i < N -> fork[i]!0; run phil(i, (i + 1) % N); i++
    :: else -> break
    od
  }
}
