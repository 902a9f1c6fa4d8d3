package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.check.Verdict;

/**
 * The whole shipped {@code datasets/} folder indexed once: the datasets table's deadlocks are what
 * {@code not deadlock_free} finds, and pruning never changes an answer.
 */
class ShippedDatasetsTest {
  @TempDir static Path dir;
  static ProcessDatabase db;
  static DatasetsTable table;

  @BeforeAll
  static void indexDatasets() {
    db = ProcessDatabase.open(dir.resolve("db"));
    IndexSummary s =
        db.index(List.of(DatasetsTable.DATASETS), IndexOptions.defaults(), IndexProgress.NONE);
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

    QueryResult r =
        db.query(QueryRequest.of("not deadlock_free").withDataset("contracts").withCache(false));

    assertThat(r.results()).allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verdict.YES));
    Set<String> found =
        r.results().stream()
            .map(ProcessVerdict::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).isEqualTo(deadlocking);
    assertThat(r.stats().prunedByIndex()).isPositive();
  }

  /** Ten varied queries: reachability, deadlock, races, services, boolean combinations. */
  static final List<String> QUERIES =
      List.of(
          "not deadlock_free",
          "eventually terminated",
          "eventually contains \"done\"!(_)",
          "eventually contains \"K_PP\"!(_)",
          "eventually race(balance)",
          "eventually contains contract _",
          "eventually contains for(lock){true}",
          "eventually contains \"winner\"!(_) and eventually deadlock",
          "eventually (contains \"full\"!(0) or contains \"client1\"!(true))",
          "false");

  @Test
  void plannedAnswersEqualBruteForceAnswersOnTenVariedQueries() {
    int pruned = 0;
    List<String> disagreements = new ArrayList<>();
    for (String q : QUERIES) {
      PlannedVersusBruteForce.Outcome o = PlannedVersusBruteForce.compare(db, q);
      pruned += o.pruned();
      disagreements.addAll(o.disagreements());
    }
    assertThat(disagreements).isEmpty();
    assertThat(pruned).isPositive();
  }
}
