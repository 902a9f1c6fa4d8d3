package rhoscope.indexer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import rhoscope.engine.Cancellation;

/**
 * When each candidate of a query gets its turn, and how long its check may take: with a deadline,
 * a share of the time left (the time left times the checks that run at once, divided by the
 * candidates not started, at most the per-process budget), so that one unbounded process cannot
 * take the whole query's time and leave the others none. Shared by the query's workers.
 */
final class Turns {
  private final Optional<Long> deadline;
  private final AtomicInteger notStarted;
  private final int parallel;
  private final Cancellation cancel;
  private final LongSupplier nanoTime;

  /**
   * @param deadline the query's end on {@code nanoTime}'s clock, if it has one
   * @param candidates the turns to give
   * @param parallel the checks that run at once
   * @param nanoTime the clock ({@code System::nanoTime}; a test's own)
   */
  Turns(
      Optional<Long> deadline, int candidates, int parallel, Cancellation cancel,
      LongSupplier nanoTime) {
    this.deadline = deadline;
    this.notStarted = new AtomicInteger(candidates);
    this.parallel = Math.max(1, parallel);
    this.cancel = cancel;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes the next turn: the time this check may take, or empty when the query is cancelled or
   * out of time.
   */
  Optional<Duration> take(Duration budget) {
    int left = Math.max(1, notStarted.getAndDecrement());
    if (cancel.isCancelled()) {
      return Optional.empty();
    }
    if (deadline.isEmpty()) {
      return Optional.of(budget);
    }
    long remaining = deadline.get() - nanoTime.getAsLong();
    if (remaining <= 0) {
      return Optional.empty();
    }
    long share = remaining / left * Math.min(parallel, left);
    Duration d = Duration.ofNanos(Math.max(share, Duration.ofMillis(1).toNanos()));
    return Optional.of(d.compareTo(budget) < 0 ? d : budget);
  }

  boolean cancelled() {
    return cancel.isCancelled();
  }

  Cancellation cancellation() {
    return cancel;
  }
}
