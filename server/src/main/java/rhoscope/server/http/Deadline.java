package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A request's time budget, counted from its arrival: the time spent reading its body, waiting for
 * a worker and parsing its type is the budget's too, so that the checker gets what is left and
 * the request answers within its budget as a whole.
 *
 * @param arrivalNanos {@link System#nanoTime()} when the request arrived
 * @param budget the request's whole time
 */
public record Deadline(long arrivalNanos, Duration budget) {
  /** The least time a check is given: a budget already spent still gets its one poll. */
  static final Duration LEAST = Duration.ofMillis(1);

  public Deadline {
    Objects.requireNonNull(budget, "budget");
  }

  /** A budget counted from now. */
  public static Deadline startingNow(Duration budget) {
    return new Deadline(System.nanoTime(), budget);
  }

  /** The budget left now, never less than {@link #LEAST}. */
  public Duration left() {
    Duration left = budget.minusNanos(System.nanoTime() - arrivalNanos);
    return left.compareTo(LEAST) < 0 ? LEAST : left;
  }

  /** Milliseconds since the arrival: the real time a request took, to report in its answer. */
  public long elapsedMillis() {
    return (System.nanoTime() - arrivalNanos) / 1_000_000;
  }

  /** {@link System#nanoTime()} at which {@code duration} after the arrival ends. */
  long after(Duration duration) {
    return arrivalNanos + duration.toNanos();
  }
}
