package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;

/** A query: a type, which processes to consider, how many answers, and the time budget. */
public record QuerySpec(String type, ProcessFilter filter, int limit, Duration timeout) {
  public QuerySpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(timeout, "timeout");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
