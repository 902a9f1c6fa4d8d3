package rhoscope.indexer;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a query: the processes that have the type (and, after them, those whose check was
 * cut short by a bound), up to the limit, with the statistics of the whole run.
 *
 * @param normalizedType the canonical core form of the type (the verdict cache key)
 * @param plan the index condition survivors had to meet, readable
 * @param found how many finished answers are not {@code NO}: the results before the limit
 * @param results the finished answers that are not {@code NO}, yes before unknown, up to the limit
 * @param unfinished every candidate the query's time or its cancellation left without an answer
 *     (never started, stopped, or cut short by its share of the query's time), each unknown with
 *     why, in id order and not limited; none of them is among {@code results}
 */
public record QueryResult(
    String type,
    String normalizedType,
    String plan,
    int found,
    List<ProcessVerdict> results,
    List<ProcessVerdict> unfinished,
    QueryStats stats) {
  public QueryResult {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(normalizedType, "normalizedType");
    Objects.requireNonNull(plan, "plan");
    results = List.copyOf(results);
    unfinished = List.copyOf(unfinished);
    Objects.requireNonNull(stats, "stats");
  }

  /** Whether some candidate was left unanswered: the results are what was found so far. */
  public boolean partial() {
    return !unfinished.isEmpty();
  }
}
