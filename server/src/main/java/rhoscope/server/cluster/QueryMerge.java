package rhoscope.server.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.Unfinished;

/**
 * The one reduce of a cluster query: each member answered over what it holds (its first {@code
 * offset + limit} matches), the caller ranks them all as one database ranks its own (yes before
 * unknown, then by id), takes the page, adds the counts, and says which shards had no member.
 */
final class QueryMerge {
  private QueryMerge() {}

  static QueryAnswer merge(
      List<QueryAnswer> answers, int offset, int limit, List<String> unavailable, long millis) {
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a query answered by no member");
    }
    List<Match> ranked = new ArrayList<>();
    List<Unfinished> unfinished = new ArrayList<>();
    long total = 0;
    long processes = 0;
    long candidates = 0;
    long checked = 0;
    long matched = 0;
    long unknown = 0;
    long cached = 0;
    for (QueryAnswer a : answers) {
      ranked.addAll(a.matches());
      if (a.unfinished() != null) {
        unfinished.addAll(a.unfinished());
      }
      total += a.total();
      QueryStats s = a.stats();
      processes += s.processes();
      candidates += s.candidates();
      checked += s.checked();
      matched += s.matched();
      unknown += s.unknown();
      cached += s.cached();
    }
    ranked.sort(Comparator.comparing(Match::verdict).thenComparingLong(Match::id));
    unfinished.sort(Comparator.comparingLong(Unfinished::id));
    List<Match> page =
        ranked.subList(Math.min(offset, ranked.size()), Math.min(ranked.size(), offset + limit));
    QueryAnswer first = answers.get(0);
    return new QueryAnswer(
        first.type(),
        first.plan(),
        total,
        offset,
        limit,
        page,
        !unfinished.isEmpty() || !unavailable.isEmpty(),
        unfinished,
        unavailable,
        new QueryStats(processes, candidates, checked, matched, unknown, cached, millis));
  }
}
