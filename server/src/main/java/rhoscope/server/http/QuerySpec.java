package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A query: a type, which processes to consider, which page of the matches ({@code offset},
 * {@code limit}), and the time budget of the whole query.
 */
public record QuerySpec(
    String type, ProcessFilter filter, int offset, int limit, Duration timeout) {
  public QuerySpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(timeout, "timeout");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
