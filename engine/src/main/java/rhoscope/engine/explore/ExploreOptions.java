package rhoscope.engine.explore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import rhoscope.engine.Cancellation;
import rhoscope.engine.StateView;
import rhoscope.engine.state.Observed;

/**
 * Bounds and switches of one exploration. {@code maxMemoryBytes}: the memory bound (default
 * 85% of the maximum heap); the parallel explorer counts its visited set and its frontier's
 * pages against it (the frontier takes at most a quarter, up to 64 MB, and spills to disk
 * past that), and both explorers stop when the heap in use passes it. {@code stopWhen}: the run ends at the
 * first explored state that satisfies it, with a witness. {@code recordGraph}: keep the
 * explicit graph (runs the sequential explorer). {@code cancellation}: polled between states;
 * once cancelled the run ends as {@link StopReason#CANCELLED}. {@code pool}: the pool the
 * parallel explorer runs its levels on (its owner closes it); without one, every run uses the
 * process's one explorer pool, sized by the largest {@code workers} asked for. A run uses
 * {@code workers} of a pool's threads (one task each), whatever the pool's size. {@code reduction}:
 * the partial-order reduction (default off: the full state space and its exact counts).
 * {@code observed}: the private identifiers the caller reads (a type's {@code balance}); states
 * that differ only by renaming other private names, across identifiers, are one state (default
 * none: a name is known by where it occurs).
 */
public record ExploreOptions(
    int workers,
    long maxStates,
    int maxDepth,
    Duration timeout,
    long maxMemoryBytes,
    Optional<Predicate<StateView>> stopWhen,
    boolean recordGraph,
    Cancellation cancellation,
    Optional<ForkJoinPool> pool,
    PartialOrder reduction,
    Set<String> observed) {

  public ExploreOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    if (maxStates < 1 || maxDepth < 0) {
      throw new IllegalArgumentException("maxStates must be positive and maxDepth not negative");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stopWhen, "stopWhen");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(reduction, "reduction");
    observed = Set.copyOf(observed);
  }

  public static ExploreOptions defaults() {
    return new ExploreOptions(Runtime.getRuntime().availableProcessors(), 1_000_000,
        Integer.MAX_VALUE, Duration.ofMinutes(10),
        (long) (Runtime.getRuntime().maxMemory() * 0.85), Optional.empty(), false,
        Cancellation.NEVER, Optional.empty(), PartialOrder.off(), Set.of());
  }
  /** What a state's identity observes: the caller's identifiers. */
  Observed identity() {
    return Observed.only(observed);
  }

  public ExploreOptions withWorkers(int w) {
    return new ExploreOptions(w, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withMaxStates(long n) {
    return new ExploreOptions(workers, n, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withMaxDepth(int d) {
    return new ExploreOptions(workers, maxStates, d, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withTimeout(Duration t) {
    return new ExploreOptions(workers, maxStates, maxDepth, t, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withMaxMemoryBytes(long bytes) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, bytes, stopWhen,
        recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withStopWhen(Predicate<StateView> p) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes,
        Optional.of(p), recordGraph, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withRecordGraph(boolean record) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        record, cancellation, pool, reduction, observed);
  }

  public ExploreOptions withCancellation(Cancellation token) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, token, pool, reduction, observed);
  }

  /** Runs the parallel explorer's levels on {@code shared}, which the caller owns and closes. */
  public ExploreOptions withPool(ForkJoinPool shared) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, Optional.of(shared), reduction, observed);
  }

  /** Explores with the partial-order reduction {@code order}: fewer states, see its kinds. */
  public ExploreOptions withReduction(PartialOrder order) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, order, observed);
  }

  /** Tells apart states whose private names of these identifiers differ (a type reads them). */
  public ExploreOptions withObserved(Set<String> identifiers) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph, cancellation, pool, reduction, identifiers);
  }
}
