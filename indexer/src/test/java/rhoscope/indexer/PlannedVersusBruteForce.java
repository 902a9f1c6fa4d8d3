package rhoscope.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rhoscope.engine.check.Verdict;

/**
 * Runs a query with and without the index and lists where the answers differ. A process the index
 * prunes counts as "no"; it may replace a "no" or an "unknown" of the brute-force run (the index
 * knew better than a bounded check), never a "yes".
 */
final class PlannedVersusBruteForce {
  private PlannedVersusBruteForce() {}

  record Outcome(int pruned, List<String> disagreements) {}

  static Outcome compare(ProcessDatabase db, String query) {
    QueryRequest base = QueryRequest.of(query).withLimit(100_000).withCache(false);
    QueryResult planned = db.query(base);
    QueryResult brute = db.query(base.withPlanner(false));
    Map<Long, Verdict> p = verdicts(planned);
    Map<Long, Verdict> b = verdicts(brute);
    List<String> out = new ArrayList<>();
    if (planned.stats().total() != brute.stats().total()) {
      out.add(query + ": " + planned.stats().total() + " in scope vs " + brute.stats().total());
    }
    if (brute.stats().prunedByIndex() != 0) {
      out.add(query + ": the brute-force run pruned");
    }
    for (Map.Entry<Long, Verdict> e : b.entrySet()) {
      Verdict mine = p.getOrDefault(e.getKey(), Verdict.NO);
      if (e.getValue() == Verdict.YES && mine != Verdict.YES) {
        out.add(query + ": process " + e.getKey() + " is yes but the planned run says " + mine);
      }
    }
    for (Map.Entry<Long, Verdict> e : p.entrySet()) {
      Verdict theirs = b.getOrDefault(e.getKey(), Verdict.NO);
      if (e.getValue() != theirs) {
        out.add(query + ": process " + e.getKey() + " " + e.getValue() + " planned vs " + theirs);
      }
    }
    return new Outcome(planned.stats().prunedByIndex(), out);
  }

  private static Map<Long, Verdict> verdicts(QueryResult r) {
    Map<Long, Verdict> out = new TreeMap<>();
    r.results().forEach(v -> out.put(v.id(), v.verdict()));
    return out;
  }
}
