package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a query: the normalised type, the index condition the candidates had to meet
 * ({@code plan}, readable), a page of the matches (yes before unknown): {@code total} matches were
 * found, {@code matches} holds those from {@code offset}, at most {@code limit}; then whether the
 * answer is {@code partial} (the query's time ran out or it was cancelled before every candidate
 * was answered, or some shards of a cluster were on no member), the {@code unfinished} candidates
 * and the {@code unavailable} shards that made it so (each absent otherwise), and the statistics.
 */
public record QueryAnswer(
    String type,
    String plan,
    long total,
    int offset,
    int limit,
    List<Match> matches,
    boolean partial,
    List<Unfinished> unfinished,
    List<String> unavailable,
    QueryStats stats) {
  public QueryAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(plan, "plan");
    matches = List.copyOf(matches);
    unfinished = unfinished == null || unfinished.isEmpty() ? null : List.copyOf(unfinished);
    unavailable = unavailable == null || unavailable.isEmpty() ? null : List.copyOf(unavailable);
    if (partial != (unfinished != null || unavailable != null)) {
      throw new IllegalArgumentException(
          "an answer is partial exactly when some candidate is unfinished or some shard unavailable");
    }
    Objects.requireNonNull(stats, "stats");
  }

  /** This answer, its time the real one of the request that asked for it. */
  public QueryAnswer withElapsedMs(long ms) {
    return new QueryAnswer(
        type, plan, total, offset, limit, matches, partial, unfinished, unavailable,
        new QueryStats(
            stats.processes(), stats.candidates(), stats.checked(), stats.matched(),
            stats.unknown(), stats.cached(), ms));
  }
}
