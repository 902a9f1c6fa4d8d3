package rhoscope.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A query: a type, which processes to consider, which page of the matches ({@code offset},
 * {@code limit}), the time budget of the whole query, and how many calls a most-general client
 * makes to each process (0: closed); {@code withGenesis}: each on top of RChain's genesis.
 */
public record QuerySpec(String type, ProcessFilter filter, int offset, int limit,
    Duration timeout, int calls, boolean withGenesis) {
  /** A query over the closed processes. */
  public QuerySpec(String type, ProcessFilter filter, int offset, int limit, Duration timeout) {
    this(type, filter, offset, limit, timeout, 0, false);
  }

  public QuerySpec {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative: " + calls);
    }
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
