package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A query: a type, which processes to consider, how many answers, the time budget, and how many
 * calls a most-general client makes to each process (0: closed).
 */
public record QuerySpec(
    String type, ProcessFilter filter, int limit, Duration timeout, int calls) {
  /** A query over the closed processes. */
  public QuerySpec(String type, ProcessFilter filter, int limit, Duration timeout) {
    this(type, filter, limit, timeout, 0);
  }

  public QuerySpec {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative: " + calls);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(timeout, "timeout");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
