package rhoscope.engine.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Bounds of one check. {@code workers} threads explore for the on-the-fly shapes
 * ({@code eventually P}, {@code always P}); global fixpoints run on the sequential explorer's
 * recorded graph. A bound that stops exploration early can only turn a verdict into
 * {@link Verdict#UNKNOWN}, never into a wrong one. {@code pool}: the shared explorer pool the
 * parallel explorer runs on (its owner closes it); without one, each run makes its own.
 * {@code partialOrder}: explore a partial-order reduction where the type cannot tell the
 * interleavings apart (on by default; see {@link ModelChecker}).
 */
public record CheckOptions(
    int workers, long maxStates, int maxDepth, Duration timeout, Optional<ForkJoinPool> pool,
    boolean partialOrder) {
  public CheckOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    if (maxStates < 1) {
      throw new IllegalArgumentException("maxStates must be at least 1, not " + maxStates);
    }
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must not be negative, not " + maxDepth);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(pool, "pool");
  }

  /** One worker per core, a million states, unbounded depth, one minute. */
  public static CheckOptions defaults() {
    return new CheckOptions(
        Runtime.getRuntime().availableProcessors(), 1_000_000, Integer.MAX_VALUE,
        Duration.ofMinutes(1), Optional.empty(), true);
  }

  public CheckOptions withWorkers(int n) {
    return new CheckOptions(n, maxStates, maxDepth, timeout, pool, partialOrder);
  }

  public CheckOptions withMaxStates(long n) {
    return new CheckOptions(workers, n, maxDepth, timeout, pool, partialOrder);
  }

  public CheckOptions withMaxDepth(int n) {
    return new CheckOptions(workers, maxStates, n, timeout, pool, partialOrder);
  }

  public CheckOptions withTimeout(Duration d) {
    return new CheckOptions(workers, maxStates, maxDepth, d, pool, partialOrder);
  }

  /** Explores on {@code shared}, which the caller owns and closes. */
  public CheckOptions withPool(ForkJoinPool shared) {
    return new CheckOptions(
        workers, maxStates, maxDepth, timeout, Optional.of(shared), partialOrder);
  }

  /** With {@code false}, every check explores every interleaving (the reduction's oracle). */
  public CheckOptions withPartialOrder(boolean reduce) {
    return new CheckOptions(workers, maxStates, maxDepth, timeout, pool, reduce);
  }
}
