package rhoscope.indexer;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a query: the processes that have the type (and, after them, those whose check was
 * cut short by a bound), up to the limit, with the statistics of the whole run.
 *
 * @param normalizedType the canonical core form of the type (the verdict cache key)
 * @param plan the index condition survivors had to meet, readable
 */
public record QueryResult(
    String type,
    String normalizedType,
    String plan,
    List<ProcessVerdict> results,
    QueryStats stats) {
  public QueryResult {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(normalizedType, "normalizedType");
    Objects.requireNonNull(plan, "plan");
    results = List.copyOf(results);
    Objects.requireNonNull(stats, "stats");
  }
}
