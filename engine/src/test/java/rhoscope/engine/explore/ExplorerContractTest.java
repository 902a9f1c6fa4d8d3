package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.concurrent.atomic.AtomicInteger;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;

/**
 * What every explorer must do: each implementation extends this suite, and all of them
 * must agree with the sequential oracle.
 */
abstract class ExplorerContractTest {

  abstract ExploreResult explore(Program program, ExploreOptions options);

  ExploreOptions options() {
    return ExploreOptions.defaults();
  }

  @Test
  void aTokenCancelledBeforeTheRunEndsItAtTheInitialState() {
    Cancellation cancel = Cancellation.create();
    cancel.cancel();
    ExploreResult r =
        explore(Programs.load(Programs.philosophers(4)), options().withCancellation(cancel));
    assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(r.complete()).isFalse();
    assertThat(r.distinctStates()).isEqualTo(1);
  }

  @Test
  void aTokenCancelledDuringTheRunStopsItBeforeTheStateSpaceIsCovered() {
    Cancellation cancel = Cancellation.create();
    AtomicInteger seen = new AtomicInteger();
    // Cancelled from inside the run, at its tenth state: no timing involved.
    ExploreOptions o = options().withCancellation(cancel).withStopWhen(s -> {
      if (seen.incrementAndGet() == 10) {
        cancel.cancel();
      }
      return false;
    });
    ExploreResult r = explore(Programs.load(Programs.philosophers(8)), o);
    assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(r.complete()).isFalse();
    assertThat(r.distinctStates()).isLessThan(6561);
  }

  @ParameterizedTest(name = "N = {0}")
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void diningPhilosophersHaveThreeToTheNStatesAndOneDeadlock(int n) {
    ExploreResult r = explore(Programs.load(Programs.philosophers(n)), options());
    assertThat(r.distinctStates()).isEqualTo((long) Math.pow(3, n));
    assertThat(r.deadlockedStates()).isEqualTo(1);
    assertThat(r.terminalStates()).isZero();
    assertThat(r.complete()).isTrue();
    assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETE);
    assertThat(r.maxDepth()).isEqualTo(2 * n);
  }

  @Test
  void deadlyEmbraceIsOneDeadlockedState() {
    ExploreResult r = explore(Programs.load(
        "new a, b in { for (_ <- a) { b!(Nil) } | for (_ <- b) { a!(Nil) } }"), options());
    assertThat(r.distinctStates()).isEqualTo(1);
    assertThat(r.deadlockedStates()).isEqualTo(1);
    assertThat(r.terminalStates()).isZero();
    assertThat(r.complete()).isTrue();
  }

  @Test
  void aContractWaitingForCallsIsTerminalNotDeadlocked() {
    ExploreResult r = explore(Programs.load(
        "contract @\"svc\"(x, ret) = { ret!(*x) } | @\"log\"!(\"ready\")"), options());
    assertThat(r.distinctStates()).isEqualTo(1);
    assertThat(r.deadlockedStates()).isZero();
    assertThat(r.terminalStates()).isEqualTo(1);
  }

  @Test
  void anInfiniteCounterStopsAtTheStateBound() {
    ExploreResult r = explore(Programs.load(
        "contract @\"inc\"(@n) = { @\"inc\"!(n + 1) } | @\"inc\"!(0)"),
        options().withMaxStates(500));
    assertThat(r.complete()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_STATES);
    assertThat(r.distinctStates()).isEqualTo(500);
  }

  @Test
  void anUnboundedProducerStopsAtTheTimeout() {
    ExploreResult r = explore(Programs.load(
        "new ch in { contract @\"produce\"(@n) = { ch!(n) | @\"produce\"!(n + 1) }"
            + " | @\"produce\"!(0) }"),
        options().withMaxStates(Long.MAX_VALUE).withTimeout(Duration.ofMillis(300)));
    assertThat(r.complete()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.TIMEOUT);
  }

  @Test
  void aMemoryBoundEndsTheRunAsIncompleteInsteadOfFailing() {
    ExploreResult r = explore(Programs.load(Programs.philosophers(6)),
        options().withMaxMemoryBytes(1));
    assertThat(r.complete()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.MEMORY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "new c in { contract c(@s) = { c!(s ++ s) } | c!(\"ab\") }",
      "new c in { contract c(@l) = { c!(l ++ l) } | c!([1, 2]) }",
      "new c in { contract c(@n) = { c!(n * n) } | c!(BigInt(3)) }",
      "new c in { contract c(@s) = { c!(\"${x}${x}\" %% {\"x\" : s}) } | c!(\"ab\") }",
  })
  void runawayValueGrowthEndsTheRunAsIncompleteNotStuck(String source) {
    ExploreResult r = explore(Programs.load(source), options());
    assertThat(r.complete()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.VALUE_TOO_LARGE);
    // the state that cannot step on is not taken for stuck
    assertThat(r.deadlockedStates()).isZero();
    assertThat(r.terminalStates()).isZero();
  }

  @Test
  void noStateBoundStillLetsTheVisitedSetGrow() {
    // maxStates = Long.MAX_VALUE once wrapped around in the parallel explorer's sizing, so
    // its set never grew and a run past ~7,700 states ended as MEMORY
    ExploreResult r = explore(Programs.load(
        "contract @\"inc\"(@n) = { if (n < 10000) { @\"inc\"!(n + 1) } } | @\"inc\"!(0)"),
        options().withMaxStates(Long.MAX_VALUE));
    assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETE);
    assertThat(r.distinctStates()).isEqualTo(10_002);
  }

  @Test
  void aValueAtTheLimitIsStillBuilt() {
    // 2^20 characters exactly: the last doubling reaches the limit and the run completes
    ExploreResult r = explore(Programs.load(
        "new c in { contract c(@s) = { if (s.length() < 1048576) { c!(s ++ s) } } | c!(\"a\") }"),
        options());
    assertThat(r.complete()).isTrue();
    assertThat(r.distinctStates()).isEqualTo(22);
  }

  @Test
  void theDepthBoundStopsExpansion() {
    ExploreResult r = explore(Programs.load(Programs.philosophers(3)), options().withMaxDepth(2));
    assertThat(r.complete()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_DEPTH);
    assertThat(r.maxDepth()).isEqualTo(2);
  }

  @Test
  void aStopPredicateEndsTheRunWithAWitnessThatReplays() {
    Program p = Programs.load(Programs.philosophers(4));
    ExploreResult r = explore(p, options().withStopWhen(StateView::isDeadlocked));
    assertThat(r.stopReason()).isEqualTo(StopReason.STOP_PREDICATE);
    assertThat(r.complete()).isFalse();
    Trace w = r.witness().orElseThrow();
    assertThat(w.steps()).hasSize(8); // each philosopher is called, then takes its left fork
    List<StateView> replayed = p.replay(w);
    assertThat(replayed).hasSize(9);
    assertThat(replayed.getLast().fingerprint()).isEqualTo(w.last());
    assertThat(replayed.getLast().isDeadlocked()).isTrue();
    // the same trace replays on a freshly compiled program: it names threads, not interned ids
    Program fresh = Programs.load(Programs.philosophers(4));
    assertThat(fresh.replay(w).getLast().fingerprint()).isEqualTo(w.last());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // fresh names created at run time, renumbered canonically
      "contract @\"mk\"(@n) = { if (n > 0) { new c in { c!(n) | @\"mk\"!(n - 1) } } } | @\"mk\"!(3)",
      // joins and competing receivers
      "for (@x <- @\"a\" & @y <- @\"b\") { @\"r\"!(x + y) } | for (@z <- @\"a\") { @\"r\"!(z) }"
          + " | @\"a\"!(1) | @\"a\"!(2) | @\"b\"!(3)",
      // peeks, persistent receives, persistent sends
      "for (@x <<- @\"a\") { @\"r\"!(x) } | for (@x <= @\"r\") { @\"s\"!(x) } | @\"a\"!!(1)"
          + " | for (_ <- @\"s\") { @\"a\"!(2) }",
      // a bank account with competing withdrawals
      "new balance in { balance!(100) | contract @\"withdraw\"(@amt, ret) = {"
          + " for (@b <- balance) { if (b >= amt) { balance!(b - amt) | ret!(true) }"
          + " else { balance!(b) | ret!(false) } } }"
          + " | new r1, r2 in { @\"withdraw\"!(60, *r1) | @\"withdraw\"!(70, *r2) } }",
      // a boolean pathway model: persistent joins with literal patterns and absence tokens
      "@\"A\"!(true) | @(\"absent\", \"B\")!(Nil) | @(\"absent\", \"C\")!(Nil)"
          + " | for (@true <= @\"A\" & _ <= @(\"absent\", \"B\")) { @(\"absent\", \"A\")!(Nil) | @\"B\"!(true) }"
          + " | for (@true <= @\"A\" & _ <= @(\"absent\", \"B\")) { @\"A\"!(true) | @\"B\"!(true) }"
          + " | for (@true <= @\"B\" & @true <= @\"A\" & _ <= @(\"absent\", \"C\")) {"
          + " @\"A\"!(true) | @(\"absent\", \"B\")!(Nil) | @\"C\"!(true) }"
          + " | for (@true <= @\"C\" & _ <= @(\"absent\", \"A\")) { @(\"absent\", \"C\")!(Nil) | @\"A\"!(true) }"
          + " | for (@true <= @\"B\" & _ <= @(\"absent\", \"C\")) { @(\"absent\", \"B\")!(Nil) | @\"C\"!(true) }",
      // a join on one channel with repeated messages, and a select with several branches
      "for (@x <- @\"a\" & @y <- @\"a\") { @\"r\"!(x, y) } | @\"a\"!(1) | @\"a\"!(1) | @\"a\"!(2)"
          + " | select { @x <- @\"a\" => @\"s\"!(x)  @y <- @\"b\" & @z <- @\"a\" => @\"s\"!(y, z) }"
          + " | @\"b\"!(3)",
  })
  void agreesWithTheSequentialOracle(String source) {
    Program p = Programs.load(source);
    ExploreResult oracle = Explorer.sequential(Programs.load(source), ExploreOptions.defaults());
    ExploreResult r = explore(p, options());
    assertThat(r.distinctStates()).isEqualTo(oracle.distinctStates());
    assertThat(r.transitions()).isEqualTo(oracle.transitions());
    assertThat(r.deadlockedStates()).isEqualTo(oracle.deadlockedStates());
    assertThat(r.terminalStates()).isEqualTo(oracle.terminalStates());
    assertThat(r.maxDepth()).isEqualTo(oracle.maxDepth());
    assertThat(r.complete()).isEqualTo(oracle.complete()).isTrue();
  }
}
