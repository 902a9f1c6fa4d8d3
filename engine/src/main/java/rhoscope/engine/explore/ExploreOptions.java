package rhoscope.engine.explore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import rhoscope.engine.StateView;

/**
 * Bounds and switches of one exploration. {@code maxMemoryBytes}: heap in use above which
 * the run stops (default 85% of the maximum heap). {@code stopWhen}: the run ends at the
 * first explored state that satisfies it, with a witness. {@code recordGraph}: keep the
 * explicit graph (runs the sequential explorer).
 */
public record ExploreOptions(
    int workers,
    long maxStates,
    int maxDepth,
    Duration timeout,
    long maxMemoryBytes,
    Optional<Predicate<StateView>> stopWhen,
    boolean recordGraph) {

  public ExploreOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    if (maxStates < 1 || maxDepth < 0) {
      throw new IllegalArgumentException("maxStates must be positive and maxDepth not negative");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stopWhen, "stopWhen");
  }

  public static ExploreOptions defaults() {
    return new ExploreOptions(Runtime.getRuntime().availableProcessors(), 1_000_000,
        Integer.MAX_VALUE, Duration.ofMinutes(10),
        (long) (Runtime.getRuntime().maxMemory() * 0.85), Optional.empty(), false);
  }

  public ExploreOptions withWorkers(int w) {
    return new ExploreOptions(w, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph);
  }

  public ExploreOptions withMaxStates(long n) {
    return new ExploreOptions(workers, n, maxDepth, timeout, maxMemoryBytes, stopWhen,
        recordGraph);
  }

  public ExploreOptions withMaxDepth(int d) {
    return new ExploreOptions(workers, maxStates, d, timeout, maxMemoryBytes, stopWhen,
        recordGraph);
  }

  public ExploreOptions withTimeout(Duration t) {
    return new ExploreOptions(workers, maxStates, maxDepth, t, maxMemoryBytes, stopWhen,
        recordGraph);
  }

  public ExploreOptions withMaxMemoryBytes(long bytes) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, bytes, stopWhen,
        recordGraph);
  }

  public ExploreOptions withStopWhen(Predicate<StateView> p) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes,
        Optional.of(p), recordGraph);
  }

  public ExploreOptions withRecordGraph(boolean record) {
    return new ExploreOptions(workers, maxStates, maxDepth, timeout, maxMemoryBytes, stopWhen,
        record);
  }
}
