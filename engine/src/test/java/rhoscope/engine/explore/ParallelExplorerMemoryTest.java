package rhoscope.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Program;
import rhoscope.engine.Programs;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;

/**
 * The parallel explorer's memory and budgets, made deterministic: a frontier budget of zero
 * with tiny pages sends every level to disk, a tiny visited set makes it grow in the middle
 * of levels, and a clock that advances with the states looked at stands in for time.
 */
class ParallelExplorerMemoryTest {
  private static final List<String> MODELS = List.of(
      Programs.philosophers(7),
      "contract @\"mk\"(@n) = { if (n > 0) { new c in { c!(n) | @\"mk\"!(n - 1) } } } | @\"mk\"!(3)",
      "new balance in { balance!(100) | contract @\"withdraw\"(@amt, ret) = {"
          + " for (@b <- balance) { if (b >= amt) { balance!(b - amt) | ret!(true) }"
          + " else { balance!(b) | ret!(false) } } }"
          + " | new r1, r2 in { @\"withdraw\"!(60, *r1) | @\"withdraw\"!(70, *r2) } }",
      "for (@x <- @\"a\" & @y <- @\"a\") { @\"r\"!(x, y) } | @\"a\"!(1) | @\"a\"!(1) | @\"a\"!(2)"
          + " | select { @x <- @\"a\" => @\"s\"!(x)  @y <- @\"b\" & @z <- @\"a\" => @\"s\"!(y, z) }"
          + " | @\"b\"!(3)");

  /** No frontier memory, 64-int pages, a 16-slot set: everything spills, the set grows often. */
  private static ParallelExplorer.Tuning spilling() {
    return new ParallelExplorer.Tuning(0, 64, 16, System::nanoTime);
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3})
  void aFrontierSpilledToDiskGivesTheCountsOfTheOracle(int workers) {
    for (String source : MODELS) {
      ExploreResult oracle = Explorer.sequential(Programs.load(source), ExploreOptions.defaults());
      ParallelExplorer spilled = new ParallelExplorer(Programs.load(source),
          ExploreOptions.defaults().withWorkers(workers), spilling());
      ExploreResult r = spilled.run();
      assertThat(r.distinctStates()).as(source).isEqualTo(oracle.distinctStates());
      assertThat(r.transitions()).as(source).isEqualTo(oracle.transitions());
      assertThat(r.deadlockedStates()).as(source).isEqualTo(oracle.deadlockedStates());
      assertThat(r.terminalStates()).as(source).isEqualTo(oracle.terminalStates());
      assertThat(r.maxDepth()).as(source).isEqualTo(oracle.maxDepth());
      assertThat(r.stopReason()).as(source).isEqualTo(StopReason.COMPLETE);
      // every state but the initial one went through the file
      assertThat(spilled.spilledStates()).as(source).isEqualTo(r.distinctStates() - 1);
    }
  }

  @Test
  void aWitnessFromTheParentFileIsShortestAndReplaysWhenTheFrontierSpills() {
    Program p = Programs.load(Programs.philosophers(6));
    ExploreResult r = new ParallelExplorer(p,
        ExploreOptions.defaults().withWorkers(2).withStopWhen(StateView::isDeadlocked),
        spilling()).run();
    assertThat(r.stopReason()).isEqualTo(StopReason.STOP_PREDICATE);
    Trace w = r.witness().orElseThrow();
    assertThat(w.steps()).hasSize(12); // each philosopher is called, then takes its left fork
    List<StateView> replayed = p.replay(w);
    assertThat(replayed.getLast().fingerprint()).isEqualTo(w.last());
    assertThat(replayed.getLast().isDeadlocked()).isTrue();
  }

  /**
   * Time is the number of states looked at, a millisecond each: the explorer must see the
   * deadline inside a level (philosophers' middle levels hold thousands of states) and stop
   * within a tenth of the budget, and report the time that passed on its clock.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void aTimeBudgetStopsTheRunWithinATenthOfItAndReportsTheTimeSpent(int workers) {
    AtomicLong looked = new AtomicLong();
    ExploreOptions o = ExploreOptions.defaults().withWorkers(workers)
        .withTimeout(Duration.ofMillis(2000)).withStopWhen(s -> {
          looked.incrementAndGet();
          return false;
        });
    ExploreResult r = new ParallelExplorer(Programs.load(Programs.philosophers(10)), o,
        new ParallelExplorer.Tuning(64L << 20, 1 << 14, 1 << 16,
            () -> looked.get() * 1_000_000L)).run();
    assertThat(r.stopReason()).isEqualTo(StopReason.TIMEOUT);
    assertThat(r.complete()).isFalse();
    assertThat(looked.get()).isBetween(2000L, 2200L);
    assertThat(r.millis()).isEqualTo(looked.get());
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void aMemoryBudgetCountsTheSetAndTheFrontierAndHolds(int workers) {
    long budget = 600_000;
    ParallelExplorer explorer = new ParallelExplorer(Programs.load(Programs.philosophers(10)),
        ExploreOptions.defaults().withWorkers(workers).withMaxMemoryBytes(budget),
        new ParallelExplorer.Tuning(budget / 4, 1 << 10, 1 << 12, System::nanoTime));
    ExploreResult r = explorer.run();
    // 59,049 states need 128 Ki slots (1 MB): the set cannot grow that far within 600 kB
    assertThat(r.stopReason()).isEqualTo(StopReason.MEMORY);
    assertThat(r.complete()).isFalse();
    assertThat(r.distinctStates()).isLessThan(59_049);
    assertThat(explorer.peakAccountedBytes()).isPositive().isLessThanOrEqualTo(budget);
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void aStateBoundHitBeforeTheMemoryBoundSaysStatesAndStoresExactlyThatMany(int workers) {
    // 20,000 states fit in 32 Ki slots (256 kB); the set grows from 16 slots on the way. The
    // memory bound also caps the heap in use, which depends on when the collector last ran: at
    // 1 MB a run could end MEMORY by garbage alone, so the bound leaves room for any collector.
    ExploreResult r = new ParallelExplorer(Programs.load(Programs.philosophers(10)),
        ExploreOptions.defaults().withWorkers(workers).withMaxStates(20_000)
            .withMaxMemoryBytes(64L << 20),
        new ParallelExplorer.Tuning(1 << 18, 1 << 10, 16, System::nanoTime)).run();
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_STATES);
    assertThat(r.distinctStates()).isEqualTo(20_000);
  }

  @Test
  void runsWithoutAPoolOfTheirOwnShareTheProcesssExplorerPool() {
    Program program = Programs.load(Programs.philosophers(6));
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    ExploreOptions o = ExploreOptions.defaults().withWorkers(2).withStopWhen(s -> {
      threads.add(Thread.currentThread());
      return false;
    });
    for (int run = 0; run < 20; run++) {
      assertThat(Explorer.explore(program, o).distinctStates()).isEqualTo(729);
    }
    Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
    for (Thread t : threads) {
      assertThat(t).isInstanceOf(ForkJoinWorkerThread.class);
      pools.add(((ForkJoinWorkerThread) t).getPool());
    }
    assertThat(pools).hasSize(1);
    assertThat(threads).hasSizeLessThan(20);
  }
}
