package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole shipped {@code datasets/} folder indexed once: the datasets table's deadlocks are
 * what {@code not deadlock_free} finds, and pruning never changes an answer.
 */
class ShippedDatasetsTest {
  @TempDir static Path dir;
  static ProcessDatabase db;
  static DatasetsTable table;

  @BeforeAll
  static void indexDatasets() {
    db = ProcessDatabase.open(dir.resolve("db"));
    IndexSummary s = db.index(List.of(DatasetsTable.DATASETS), IndexOptions.defaults(), IndexProgress.NONE);
    assertThat(s.failed()).isEmpty();
    table = DatasetsTable.read();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyShippedFileIsIndexed() throws Exception {
    long files;
    try (var s = Files.walk(DatasetsTable.DATASETS)) {
      files = s.filter(p -> p.toString().endsWith(".rho") || p.toString().endsWith(".xml")).count();
    }
    assertThat(db.list()).hasSize((int) files);
  }

  @Test
  void notDeadlockFreeReturnsExactlyTheContractsTheTableMarksDeadlocking() {
    Set<String> deadlocking =
        table.rows().stream()
            .filter(r -> r.type().equals("deadlock_free") && !r.holds())
            .map(DatasetsTable.Row::name)
            .collect(Collectors.toCollection(TreeSet::new));

    QueryResult r = db.query(QueryRequest.of("not deadlock_free").withDataset("contracts").withCache(false));

    assertThat(r.results()).allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verdict.HOLDS));
    Set<String> found =
        r.results().stream().map(ProcessVerdict::name).collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).isEqualTo(deadlocking);
    assertThat(r.stats().prunedByIndex()).isPositive();
  }

  @Test
  void plannedAnswersEqualBruteForceAnswersOnEveryQuery() {
    Set<String> queries = new LinkedHashSet<>();
    table.rows().forEach(r -> queries.add(r.type()));
    queries.addAll(
        List.of(
            "not deadlock_free",
            "eventually terminated",
            "eventually contains \"done\"!(_)",
            "eventually contains \"nobody_writes_this\"!(_)",
            "eventually race(balance)",
            "eventually <\"fork1\">true",
            "eventually contains contract _",
            "eventually contains for(lock){true}",
            "contains _!(_)",
            "eventually contains \"winner\"!(_) and eventually deadlock",
            "eventually (contains \"done\"!(_) or contains \"winner\"!(_))",
            "false"));
    assertThat(queries.size()).isGreaterThanOrEqualTo(10);
    int pruned = 0;
    List<String> disagreements = new ArrayList<>();
    for (String q : queries) {
      QueryRequest base = QueryRequest.of(q).withLimit(100_000).withCache(false);
      QueryResult planned = db.query(base);
      QueryResult brute = db.query(base.withPlanner(false));
      pruned += planned.stats().prunedByIndex();
      Map<Long, Verdict> p = verdicts(planned);
      Map<Long, Verdict> b = verdicts(brute);
      // A pruned process is a "no"; it may only replace a "no" or an "unknown".
      for (Map.Entry<Long, Verdict> e : b.entrySet()) {
        Verdict mine = p.getOrDefault(e.getKey(), Verdict.FAILS);
        if (e.getValue() == Verdict.HOLDS && mine != Verdict.HOLDS) {
          disagreements.add(q + ": process " + e.getKey() + " lost");
        }
      }
      for (Map.Entry<Long, Verdict> e : p.entrySet()) {
        if (!e.getValue().equals(b.get(e.getKey()))) {
          disagreements.add(q + ": process " + e.getKey() + " " + e.getValue() + " vs " + b.get(e.getKey()));
        }
      }
      assertThat(brute.stats().prunedByIndex()).isZero();
      assertThat(planned.stats().total()).isEqualTo(brute.stats().total());
    }
    assertThat(disagreements).isEmpty();
    assertThat(pruned).isPositive();
  }

  private static Map<Long, Verdict> verdicts(QueryResult r) {
    Map<Long, Verdict> out = new TreeMap<>();
    r.results().forEach(v -> out.put(v.id(), v.verdict()));
    return out;
  }
}
