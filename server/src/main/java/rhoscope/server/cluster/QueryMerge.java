package rhoscope.server.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.Unfinished;

/**
 * The one reduce of a cluster query: each member answered over what it holds (its first {@code
 * offset + limit} matches), the caller ranks them all as one database ranks its own (yes before
 * unknown, then by id), takes the page, adds the counts, and says which shards had no member. A
 * process two members answered for (two copies, as while a shard moves) is kept once: the copy
 * with the higher write number, and counted once in the total.
 */
final class QueryMerge {
  private QueryMerge() {}

  static QueryAnswer merge(
      List<MemberAnswer> answers, int offset, int limit, List<String> unavailable, long millis) {
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a query answered by no member");
    }
    Map<String, Newest<Match>> matches = new LinkedHashMap<>();
    Map<String, Newest<Unfinished>> unfinished = new LinkedHashMap<>();
    long total = 0;
    long processes = 0;
    long candidates = 0;
    long checked = 0;
    long matched = 0;
    long unknown = 0;
    long cached = 0;
    int repeated = 0;
    for (MemberAnswer member : answers) {
      QueryAnswer a = member.answer();
      for (Match m : a.matches()) {
        repeated += keep(matches, member, m, m.id()) ? 0 : 1;
      }
      if (a.unfinished() != null) {
        for (Unfinished u : a.unfinished()) {
          keep(unfinished, member, u, u.id());
        }
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
    List<Match> ranked = values(matches);
    ranked.sort(Comparator.comparing(Match::verdict).thenComparingLong(Match::id));
    List<Unfinished> left = values(unfinished);
    left.sort(Comparator.comparingLong((ToLongFunction<Unfinished>) Unfinished::id));
    List<Match> page =
        ranked.subList(Math.min(offset, ranked.size()), Math.min(ranked.size(), offset + limit));
    QueryAnswer first = answers.get(0).answer();
    return new QueryAnswer(
        first.type(),
        first.plan(),
        total - repeated,
        offset,
        limit,
        List.copyOf(page),
        !left.isEmpty() || !unavailable.isEmpty(),
        left,
        unavailable,
        new QueryStats(processes, candidates, checked, matched, unknown, cached, millis));
  }

  private record Newest<T>(T value, long version) {}

  /** Keeps the item unless a copy with at least its write number is kept; false for a repeat. */
  private static <T> boolean keep(
      Map<String, Newest<T>> kept, MemberAnswer member, T item, long id) {
    MemberAnswer.Copy copy = member.copies().get(id);
    String key = copy == null ? "id " + id : copy.key();
    long version = copy == null ? 0 : copy.version();
    Newest<T> before = kept.get(key);
    if (before == null) {
      kept.put(key, new Newest<>(item, version));
      return true;
    }
    if (version > before.version()) {
      kept.put(key, new Newest<>(item, version));
    }
    return false;
  }

  private static <T> List<T> values(Map<String, Newest<T>> kept) {
    List<T> out = new ArrayList<>();
    kept.values().forEach(n -> out.add(n.value()));
    return out;
  }
}
